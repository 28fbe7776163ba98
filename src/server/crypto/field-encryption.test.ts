import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptField, encryptField } from './field-encryption.js';
import { loadConfig } from '../../config.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-field-key-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('field encryption', () => {
  it('makes a key readable only by its owner when none exists, and round-trips a value', () => {
    const file = path.join(dir, 'made', 'field.key');
    const stored = encryptField(file, 'JBSWY3DPEHPK3PXP');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(stored).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptField(file, stored)).toBe('JBSWY3DPEHPK3PXP');
    // A fresh nonce each time: the same secret never looks the same twice.
    expect(encryptField(file, 'JBSWY3DPEHPK3PXP')).not.toBe(stored);
  });

  it('refuses a value under another key, and a tampered one', () => {
    const a = path.join(dir, 'a.key');
    const b = path.join(dir, 'b.key');
    fs.writeFileSync(a, crypto.randomBytes(32).toString('hex'));
    fs.writeFileSync(b, crypto.randomBytes(32).toString('base64'));
    const stored = encryptField(a, 'secret');
    expect(() => decryptField(b, stored)).toThrow(/encrypted with key/);
    const parts = stored.split(':');
    parts[4] = Buffer.from('SECRET').toString('base64url');
    expect(() => decryptField(a, parts.join(':'))).toThrow();
  });

  it('refuses a key file that is not 32 bytes', () => {
    const short = path.join(dir, 'short.key');
    fs.writeFileSync(short, 'too short');
    expect(() => encryptField(short, 'x')).toThrow(/32 bytes/);
  });

  it('production refuses to start without BROBYGGER_KEY_FILE', () => {
    const env = { NODE_ENV: 'production', PUBLIC_URL: 'https://brobygger.example.org' };
    expect(() => loadConfig(env)).toThrow(/BROBYGGER_KEY_FILE/);
    expect(loadConfig({ ...env, BROBYGGER_KEY_FILE: '/etc/brobygger/field.key' }).keyFile).toBe('/etc/brobygger/field.key');
  });
});
