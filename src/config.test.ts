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

  it('refuses a PUBLIC_URL that is no URL', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'hjelp.example.org' })).toThrow('PUBLIC_URL');
  });
});
