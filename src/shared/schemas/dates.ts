import { z } from 'zod';

/**
 * Dates the API and the import accept: well-formed and inside years 1900–2100. Year 0000 is no
 * date PostgreSQL stores (it answered 500) and 9999 only fills reports with nonsense; both are a
 * 400 naming the field.
 */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

const inYears = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= YEAR_MIN && year <= YEAR_MAX;
};

/** A calendar date, YYYY-MM-DD. */
export const IsoDate = () => z.iso.date().refine(inYears, { message: 'date_out_of_range' });

/** A moment with its UTC offset, e.g. 2024-03-05T14:30:00+01:00. */
export const IsoDateTime = () => z.iso.datetime({ offset: true }).refine(inYears, { message: 'date_out_of_range' });

/** Text PostgreSQL can store: no NUL byte (the import's cells; JSON and query strings are guarded for every route). */
export const withoutNul = (value: string | null) => value === null || !value.includes('\u0000');
