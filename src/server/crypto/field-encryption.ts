import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * AES-256-GCM for designated fields (second-factor secrets, the person of a case, protected
 * addresses: src/server/crypto/encrypted-columns.ts), with the key from BROBYGGER_KEY_FILE.
 * Without that variable a key is made once beside the embedded data (mode 0600), so a laptop needs
 * no set-up; production refuses to start without the variable (src/config.ts), and every start
 * refuses when values exist whose key is not there (field-keys.ts). Each value carries the id of
 * its key, so a key can be rotated (`brobygger key rotate`, decision 0032): a value is decrypted
 * with the key of its id, the current one or one kept beside it (`<file>.next` during a rotation,
 * `<file>.retired-<id>` after one).
 * Format: `v1:<key id>:<iv>:<tag>:<ciphertext>`, base64url parts.
 */
export interface FieldKey {
  id: string;
  key: Buffer;
}

/** Keys read, by file, with the file's inode: a rotation on another node replaces the file, and this sees it. */
const cache = new Map<string, { ino: number; key: FieldKey }>();

function parseKey(text: string, file: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error(`${file}: the field-encryption key must be 32 bytes, as 64 hex digits or base64`);
  return key;
}

export const keyIdOf = (key: Buffer) => crypto.createHash('sha256').update(key).digest('hex').slice(0, 8);

/** The key in `file`, or undefined when there is no such file. */
export function readKeyFile(file: string): FieldKey | undefined {
  let ino: number;
  try {
    ino = fs.statSync(file).ino;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const cached = cache.get(file);
  if (cached?.ino === ino) return cached.key;
  const key = parseKey(fs.readFileSync(file, 'utf8'), file);
  const loaded = { key, id: keyIdOf(key) };
  cache.set(file, { ino, key: loaded });
  return loaded;
}

/** Writes a new random key to `file` (mode 0600, flushed); never over a file that exists. */
export function writeNewKey(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${crypto.randomBytes(32).toString('base64')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The key new values are encrypted with; made on first use when there is none (see above). */
export function currentKey(keyFile: string): FieldKey {
  const found = readKeyFile(keyFile);
  if (found) return found;
  try {
    writeNewKey(keyFile);
  } catch (err) {
    // Another process wrote one a moment ago: use it.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readKeyFile(keyFile)!;
}

/** Where a key that is not the current one is kept: during a rotation, and after it. */
export const nextKeyFile = (keyFile: string) => `${keyFile}.next`;
export const retiredKeyFile = (keyFile: string, id: string) => `${keyFile}.retired-${id}`;

/** The key with this id, if it is the current one or kept beside it. */
export function keyById(keyFile: string, id: string): FieldKey | undefined {
  // An id is 8 hex digits; anything else (a damaged value) names no file.
  if (!/^[0-9a-f]{8}$/.test(id)) return undefined;
  for (const file of [keyFile, nextKeyFile(keyFile), retiredKeyFile(keyFile, id)]) {
    const key = readKeyFile(file);
    if (key?.id === id) return key;
  }
  return undefined;
}

export function encryptWith({ id, key }: FieldKey, plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
}

export function encryptField(keyFile: string, plaintext: string): string {
  return encryptWith(currentKey(keyFile), plaintext);
}

export function decryptField(keyFile: string, stored: string): string {
  const [version, id, iv, tag, data] = stored.split(':');
  if (version !== 'v1' || !data) throw new Error('field-encryption: unknown value format');
  const found = keyById(keyFile, id);
  if (!found) {
    const current = readKeyFile(keyFile);
    throw new Error(`field-encryption: value was encrypted with key ${id}, but BROBYGGER_KEY_FILE holds ${current ? `key ${current.id}` : 'no key'} and no retired key ${id} is kept beside it`);
  }
  const decipher = crypto.createDecipheriv('aes-256-gcm', found.key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
