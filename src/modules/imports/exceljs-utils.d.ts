// ExcelJS's own date helpers (no types shipped for this file; exceljs is pinned, decision 0030).
declare module 'exceljs/lib/utils/utils.js' {
  const utils: {
    /** Whether a number format shows a date or time (quoted text and [colour] parts ignored). */
    isDateFmt(format: string | undefined): boolean;
    /** An Excel serial day number as the Date whose UTC fields are the wall clock it shows. */
    excelToDate(serial: number, date1904?: boolean): Date;
  };
  export default utils;
}
