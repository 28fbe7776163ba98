import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * TOTP as every authenticator app speaks it (RFC 6238: SHA-1, 6 digits, 30 s). A code is accepted
 * one step early or late, for clocks that drift; the caller refuses a step already used.
 */
const PERIOD_SECONDS = 30;
const WINDOW = 1;
const ISSUER = 'Brobygger';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS });
}

/** The time step a code belongs to, or null when it matches none near now. */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const t = totp(secretBase32);
  const delta = t.validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : t.counter({ timestamp: now }) + delta;
}

/** The code an app shows at a time (tests and the e2e helpers sign in with it). */
export function totpCode(secretBase32: string, at = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: at });
}

export function currentTotpStep(at = Date.now()): number {
  return Math.floor(at / 1000 / PERIOD_SECONDS);
}

/** What the enrolment page shows: the otpauth:// link as a QR code, and the secret for typing in. */
export async function enrolmentPicture(secretBase32: string, accountLabel: string): Promise<{ otpauthUrl: string; qrDataUrl: string }> {
  const otpauthUrl = totp(secretBase32, accountLabel).toString();
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { otpauthUrl, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}
