import { describe, expect, it } from 'vitest';
import { checkArchive } from './archive-check.js';
import { FileProblem } from './file-problem.js';

// docs/import-format.md: "XLSX files are checked before they are unpacked: at most 1 000 entries,
// 1 GB unpacked and 200 times the packed size". Only the archive's central directory is read, so
// these archives declare their sizes (APPNOTE.TXT 4.3.12, 4.3.16) and carry no data at all.
const GB = 1024 * 1024 * 1024;
const MB = 1024 * 1024;

interface Entry { name?: string; size: number; packed: number; extra?: number; comment?: number }
interface Shape { before?: number; comment?: number; entryCount?: number; dirStart?: number; dirSize?: number; after?: number; cutEntry?: boolean }

/** An archive of `before` bytes of (unread) local entries, the central directory, its end record, `after` stray bytes. */
function archive(entries: Entry[], shape: Shape = {}): Buffer {
  const before = shape.before ?? 64;
  const dir = Buffer.concat(entries.map((e, i) => {
    const name = Buffer.from(e.name ?? `xl/worksheets/sheet${i + 1}.xml`);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); header.writeUInt16LE(20, 6); header.writeUInt16LE(8, 10);
    header.writeUInt32LE(e.packed, 20); header.writeUInt32LE(e.size, 24);
    header.writeUInt16LE(name.length, 28); header.writeUInt16LE(e.extra ?? 0, 30); header.writeUInt16LE(e.comment ?? 0, 32);
    return Buffer.concat([header, name, Buffer.alloc(e.extra ?? 0, 0x78), Buffer.alloc(e.comment ?? 0, 0x63)]);
  }).concat(shape.cutEntry ? [Buffer.from([0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0])] : [])); // an entry's first 8 bytes only
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(shape.entryCount ?? entries.length, 8); end.writeUInt16LE(shape.entryCount ?? entries.length, 10);
  end.writeUInt32LE(shape.dirSize ?? dir.length, 12); end.writeUInt32LE(shape.dirStart ?? before, 16);
  end.writeUInt16LE(shape.comment ?? 0, 20);
  return Buffer.concat([Buffer.alloc(before, 0x50), dir, end, Buffer.alloc(shape.comment ?? 0, 0x20), Buffer.alloc(shape.after ?? 0, 0x41)]);
}

/** The FileProblem code checkArchive refuses with, or 'accepted'. Anything else (a RangeError) fails the test. */
function verdict(body: Buffer): string {
  try {
    checkArchive(body);
    return 'accepted';
  } catch (err) {
    if (err instanceof FileProblem) return err.code;
    throw err;
  }
}

const small = (n: number): Entry[] => Array.from({ length: n }, (_, i) => ({ name: `xl/part${i}.xml`, size: 3_000, packed: 1_000 }));

describe('an XLSX archive checked before it is unpacked', () => {
  it('accepts an ordinary workbook whose entries carry names, extra fields and comments', () => {
    const entries = [
      { name: '[Content_Types].xml', size: 1_200, packed: 400, extra: 9, comment: 5 },
      { name: 'xl/workbook.xml', size: 800, packed: 300, extra: 4, comment: 0 },
      { name: 'xl/worksheets/sheet1.xml', size: 30_000, packed: 3_000, extra: 0, comment: 12 },
    ];
    expect(verdict(archive(entries))).toBe('accepted');
    // The walk reaches the last entry: declaring too much there refuses the archive.
    expect(verdict(archive([...entries.slice(0, 2), { ...entries[2], size: GB + 1, packed: GB / 2 }]))).toBe('import_archive_too_large');
  });

  it('accepts 1 000 entries and refuses 1 001', () => {
    expect(verdict(archive(small(1_000)))).toBe('accepted');
    expect(verdict(archive(small(1_001)))).toBe('import_archive_too_large');
  });

  it('accepts 1 GB unpacked in all and refuses one byte more, however it is spread over the entries', () => {
    const half = { size: GB / 2, packed: Math.ceil(GB / 2 / 200) };
    expect(verdict(archive([half, half]))).toBe('accepted');
    expect(verdict(archive([half, { ...half, size: GB / 2 + 1 }]))).toBe('import_archive_too_large');
    expect(verdict(archive([{ size: GB, packed: Math.ceil(GB / 200) }]))).toBe('accepted');
  });

  it('accepts up to 200 times the packed size and refuses a steeper ratio', () => {
    expect(verdict(archive([{ size: 2_000_000, packed: 10_000 }]))).toBe('accepted');
    expect(verdict(archive([{ size: 2_000_001, packed: 10_000 }]))).toBe('import_archive_too_large');
    expect(verdict(archive([{ size: 1_000_000, packed: 2_000 }, { size: 1_000_001, packed: 8_000 }]))).toBe('import_archive_too_large');
  });

  it('lets a small workbook (up to 1 MB unpacked) pack as tightly as it likes', () => {
    expect(verdict(archive([{ size: MB, packed: 1 }]))).toBe('accepted');
    expect(verdict(archive([{ size: MB + 1, packed: 1 }]))).toBe('import_archive_too_large');
    expect(verdict(archive([{ size: MB + 1, packed: 0 }]))).toBe('import_archive_too_large');
  });

  it('refuses ZIP64 archives (sizes or offsets too large for the plain format) as too large', () => {
    expect(verdict(archive(small(2), { dirStart: 0xffffffff }))).toBe('import_archive_too_large');
    expect(verdict(archive(small(2), { entryCount: 0xffff }))).toBe('import_archive_too_large');
    expect(verdict(archive([{ size: 0xffffffff, packed: 1_000 }]))).toBe('import_archive_too_large');
    expect(verdict(archive([{ size: 1_000, packed: 0xffffffff }]))).toBe('import_archive_too_large');
  });

  it('finds the end record behind the longest comment ZIP allows, and no further back', () => {
    expect(verdict(archive(small(3), { comment: 0xffff }))).toBe('accepted');
    expect(verdict(archive(small(3), { comment: 0xffff, after: 1 }))).toBe('import_unreadable');
  });

  it('refuses as unreadable what is no archive or a broken one, without failing itself', () => {
    expect(verdict(Buffer.alloc(0))).toBe('import_unreadable');
    expect(verdict(Buffer.from('date_time,channel,kind\n'))).toBe('import_unreadable');
    expect(verdict(Buffer.alloc(70_000, 0x41))).toBe('import_unreadable');
    // A directory said to lie beyond the end of the file.
    expect(verdict(archive(small(2), { dirStart: 100_000 }))).toBe('import_unreadable');
    // More entries announced than the directory holds: the next "entry" is the end record.
    expect(verdict(archive(small(2), { entryCount: 3 }))).toBe('import_unreadable');
    // A directory said to run past the end of the file.
    expect(verdict(archive(small(2), { dirSize: 100_000 }))).toBe('import_unreadable');
    // The last entry cut short just before the end record.
    expect(verdict(archive(small(2), { entryCount: 3, cutEntry: true }))).toBe('import_unreadable');
    // A directory that starts in the wrong place reads no entry signature.
    expect(verdict(archive(small(2), { before: 200, dirStart: 100 }))).toBe('import_unreadable');
  });
});
