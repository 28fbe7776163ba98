import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { relyingParty } from './relying-party.js';

describe('where passkeys belong', () => {
  it('PUBLIC_URL\'s host name and origin', () => {
    expect(relyingParty(loadConfig({ PUBLIC_URL: 'https://brobygger.example.org' }))).toEqual({ rpID: 'brobygger.example.org', rpName: 'Brobygger', origins: ['https://brobygger.example.org'] });
  });

  it('on the default loopback URL, `localhost` (browsers take no IP address), from its localhost alias only', () => {
    expect(relyingParty(loadConfig({ PORT: '3100' }))).toEqual({ rpID: 'localhost', rpName: 'Brobygger', origins: ['http://localhost:3100'] });
  });

  it('nowhere when PUBLIC_URL is a bare IP address', () => {
    expect(relyingParty(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:3000' })).origins).toEqual([]);
  });
});
