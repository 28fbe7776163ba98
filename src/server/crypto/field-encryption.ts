import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * AES-256-GCM for designated fields (second-factor secrets now, protected addresses later), with
 * the key from BROBYGGER_KEY_FILE. Without that variable a key is made once beside the embedded
 * data (mode 0600), so a laptop needs no set-up; production refuses to start without the variable
 * (src/config.ts). Each value carries the id of its key, so a key can be rotated later.
 * Format: `v1:<key id>:<iv>:<tag>:<ciphertext>`, base64url parts.
 */
interface FieldKey {
  id: string;
  key: Buffer;
}

const keys = new Map<string, FieldKey>();

function parseKey(text: string, file: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error(`${file}: the field-encryption key must be 32 bytes, as 64 hex digits or base64`);
  return key;
}

function loadKey(file: string): FieldKey {
  const cached = keys.get(file);
  if (cached) return cached;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // 'wx': never overwrite a key another process wrote a moment ago.
    try {
      fs.writeFileSync(file, `${crypto.randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const key = parseKey(fs.readFileSync(file, 'utf8'), file);
  const loaded = { key, id: crypto.createHash('sha256').update(key).digest('hex').slice(0, 8) };
  keys.set(file, loaded);
  return loaded;
}

export function encryptField(keyFile: string, plaintext: string): string {
  const { id, key } = loadKey(keyFile);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
}

export function decryptField(keyFile: string, stored: string): string {
  const [version, id, iv, tag, data] = stored.split(':');
  const { id: currentId, key } = loadKey(keyFile);
  if (version !== 'v1' || !data) throw new Error('field-encryption: unknown value format');
  if (id !== currentId) throw new Error(`field-encryption: value was encrypted with key ${id}, but BROBYGGER_KEY_FILE holds key ${currentId}`);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
