import net from 'node:net';
import type { AppConfig } from '../../config.js';

export interface RelyingParty {
  /** The domain passkeys are bound to: PUBLIC_URL's host name. */
  rpID: string;
  rpName: string;
  /** The origins a browser may use them from: the allowed origins on that domain. */
  origins: string[];
}

/**
 * Where passkeys belong, from the configuration that already says where Brobygger is served
 * (PUBLIC_URL and its allowed origins). Browsers refuse an IP address as a relying party, so the
 * default loopback URL (http://127.0.0.1:3000) uses `localhost`, one of its allowed aliases.
 */
export function relyingParty(config: Pick<AppConfig, 'publicUrl' | 'allowedOrigins'>): RelyingParty {
  const host = new URL(config.publicUrl).hostname.replace(/^\[|\]$/g, '');
  const rpID = net.isIP(host) ? 'localhost' : host;
  const origins = config.allowedOrigins.filter((origin) => {
    const h = new URL(origin).hostname;
    return h === rpID || h.endsWith(`.${rpID}`);
  });
  return { rpID, rpName: 'Brobygger', origins };
}
