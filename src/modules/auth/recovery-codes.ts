import crypto from 'node:crypto';

/**
 * One-time recovery codes for a lost phone: 16 characters from 32 that cannot be mistaken for
 * each other (80 bits, so a plain SHA-256 at rest cannot be reversed by trying them all), shown
 * once as `abcd-efgh-jkmn-pqrs`.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = crypto.randomBytes(16);
    const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return normaliseRecoveryCode(code).length === 16;
}

export function hashRecoveryCode(code: string): string {
  return crypto.createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}
