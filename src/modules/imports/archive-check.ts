import { FileProblem } from './file-problem.js';

/**
 * Limits for an XLSX file (a ZIP archive) before anything is unpacked. A real workbook has a
 * dozen entries and XML packs about 10–30 to 1; a "zip bomb" declares gigabytes in a small file
 * (one of 0.41 MB unpacked to 3.9 GB and took 25 s).
 */
export const ARCHIVE_LIMITS = { entries: 1_000, unpackedBytes: 1024 * 1024 * 1024, ratio: 200 } as const;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * Reads the archive's central directory (APPNOTE.TXT 4.3.12/4.3.16: what every unzipper trusts
 * for sizes) and refuses it when the entries are too many or unpack too large or too steeply.
 * Nothing is inflated here, so a bomb is refused in milliseconds.
 */
export function checkArchive(body: Buffer, limits = ARCHIVE_LIMITS): void {
  const end = findEnd(body);
  if (end < 0) throw new FileProblem('import_unreadable');
  const entries = body.readUInt16LE(end + 10);
  const dirSize = body.readUInt32LE(end + 12);
  const dirStart = body.readUInt32LE(end + 16);
  if (entries === 0xffff || dirStart === 0xffffffff) throw new FileProblem('import_archive_too_large'); // ZIP64: no workbook needs it
  if (entries > limits.entries) throw new FileProblem('import_archive_too_large');
  if (dirStart + dirSize > body.length) throw new FileProblem('import_unreadable');
  let unpacked = 0;
  let packed = 0;
  let at = dirStart;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > body.length || body.readUInt32LE(at) !== CENTRAL) throw new FileProblem('import_unreadable');
    const compressed = body.readUInt32LE(at + 20);
    const size = body.readUInt32LE(at + 24);
    if (size === 0xffffffff || compressed === 0xffffffff) throw new FileProblem('import_archive_too_large');
    unpacked += size;
    packed += compressed;
    if (unpacked > limits.unpackedBytes) throw new FileProblem('import_archive_too_large');
    at += 46 + body.readUInt16LE(at + 28) + body.readUInt16LE(at + 30) + body.readUInt16LE(at + 32);
  }
  if (unpacked > 1024 * 1024 && unpacked > limits.ratio * Math.max(packed, 1)) throw new FileProblem('import_archive_too_large');
}

/** The End of Central Directory record: the last 22 bytes plus up to 64 KB of comment. */
function findEnd(body: Buffer): number {
  for (let i = body.length - 22; i >= Math.max(0, body.length - 22 - 0xffff); i--) {
    if (body.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}
