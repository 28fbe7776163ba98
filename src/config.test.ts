import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('reads TRUSTED_PROXIES as a list of addresses and CIDRs; none by default', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16 ,' }).trustedProxies).toEqual(['10.0.0.5', '10.1.0.0/16']);
  });

  it('accepts changes only from PUBLIC_URL’s origin, or the same server on loopback when it is not set', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://hjelp.example.org/brobygger/' }).allowedOrigins).toEqual(['https://hjelp.example.org']);
    expect(loadConfig({ PORT: '3100' }).allowedOrigins.sort()).toEqual(['http://127.0.0.1:3100', 'http://[::1]:3100', 'http://localhost:3100']);
  });

  it('starts an empty directory with the seeds\' data set, another file, or none', () => {
    expect(loadConfig({}).directoryInitialContent).toBe(path.resolve('data/directory/directory.json'));
    expect(loadConfig({ DIRECTORY_INITIAL_CONTENT: 'other/set.json' }).directoryInitialContent).toBe(path.resolve('other/set.json'));
    expect(loadConfig({ DIRECTORY_INITIAL_CONTENT: 'none' }).directoryInitialContent).toBeNull();
  });

  it('refuses a PUBLIC_URL that is no URL', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'hjelp.example.org' })).toThrow('PUBLIC_URL');
  });

  it('takes AUDIT_ANCHOR_FILE outside DATA_DIR, and refuses it inside, also through a symbolic link', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-config-anchors-'));
    try {
      const dataDir = path.join(root, 'data');
      fs.mkdirSync(path.join(dataDir, 'pglite'), { recursive: true });
      const refused = 'Invalid configuration: AUDIT_ANCHOR_FILE must be outside DATA_DIR';
      const outside = loadConfig({ DATA_DIR: dataDir, AUDIT_ANCHOR_FILE: path.join(root, 'anchors', 'audit.jsonl') });
      expect(outside.auditAnchorFile).toBe(path.join(root, 'anchors', 'audit.jsonl'));
      expect(outside.auditAnchorIntervalMs).toBe(60_000);
      expect(() => loadConfig({ DATA_DIR: dataDir, AUDIT_ANCHOR_FILE: path.join(dataDir, 'anchors.jsonl') })).toThrow(refused);
      expect(() => loadConfig({ DATA_DIR: dataDir, AUDIT_ANCHOR_FILE: path.join(dataDir, 'pglite', 'x', 'anchors.jsonl') })).toThrow(refused);
      expect(() => loadConfig({ DATA_DIR: dataDir, AUDIT_ANCHOR_FILE: `${dataDir}/../data/anchors.jsonl` })).toThrow(refused);
      // A link beside the data that leads into it.
      fs.symlinkSync(dataDir, path.join(root, 'looks-outside'));
      expect(() => loadConfig({ DATA_DIR: dataDir, AUDIT_ANCHOR_FILE: path.join(root, 'looks-outside', 'anchors.jsonl') })).toThrow(refused);
      // A directory merely named like DATA_DIR is outside it.
      expect(loadConfig({ DATA_DIR: dataDir, AUDIT_ANCHOR_FILE: `${dataDir}-anchors/audit.jsonl` }).auditAnchorFile).toBe(`${dataDir}-anchors/audit.jsonl`);
      expect(loadConfig({ DATA_DIR: dataDir, AUDIT_ANCHOR_FILE: path.join(root, 'a.jsonl'), AUDIT_ANCHOR_INTERVAL_SECONDS: '5' }).auditAnchorIntervalMs).toBe(5000);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
