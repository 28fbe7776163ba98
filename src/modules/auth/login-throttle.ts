import type { Db } from '../../db/connection.js';
import { AppError } from '../../server/errors.js';
import { newToken, sha256 } from './service.js';
import * as q from './queries.js';

/**
 * Sign-in attempts are slowed down, never locked (decision 0013). Attempts are counted per key:
 * the typed e-mail (hashed; an unknown e-mail counts exactly like a real one, so nothing tells
 * them apart), the client's address, and a browser the account already signed in from (its
 * `bb_device` cookie). Past a key's free failures an attempt must wait 5 seconds, then twice as
 * long after each further failure, up to 15 minutes. A browser holding the account's device cookie is judged by
 * its own failures only: whoever guesses a colleague's password elsewhere slows themselves, not her.
 */
export const DEVICE_COOKIE = 'bb_device';
export const DEVICE_MAX_AGE_S = 365 * 24 * 3600;

const SLOW_DOWN: Record<'account' | 'address' | 'device', q.SlowDown> = {
  account: { free: 5, firstSeconds: 5, maxSeconds: 15 * 60 },
  // An office behind one address makes typos together: more free failures there.
  address: { free: 30, firstSeconds: 5, maxSeconds: 15 * 60 },
  device: { free: 10, firstSeconds: 5, maxSeconds: 15 * 60 },
};
/** Failures this old are forgotten (the longest wait is far shorter). */
const FAILURE_MEMORY_MS = 24 * 3_600_000;

type Kind = keyof typeof SLOW_DOWN;

export interface LoginAttempt {
  email: string;
  address: string;
  deviceToken?: string;
}

export interface LoginGate {
  /** The password was right: the attempt is not a failure, the account's failures are forgotten. Returns the device token to set. */
  succeeded: (userId: string) => Promise<string>;
}

/**
 * Lets one attempt through, counting it as a failure until `succeeded` says otherwise (so that
 * parallel attempts cannot all pass one open gate), or throws 429 `login_throttled` with the
 * seconds to wait. The same answer, at the same cost, whether or not the e-mail is anyone's.
 */
export async function openLoginGate(db: Db, attempt: LoginAttempt, now = new Date()): Promise<LoginGate> {
  const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS);
  // Addresses of whoever tried are kept no longer than needed.
  await q.forgetLoginFailures(db, forgetBefore);
  const deviceHash = attempt.deviceToken ? sha256(attempt.deviceToken) : undefined;
  const knownDevice = deviceHash !== undefined && (await q.isDeviceOfEmail(db, deviceHash, attempt.email));
  const keys: { kind: Kind; key: string }[] = knownDevice
    ? [{ kind: 'device', key: `device:${deviceHash}` }]
    : [{ kind: 'account', key: `account:${sha256(attempt.email.trim().toLowerCase())}` }, { kind: 'address', key: `address:${attempt.address}` }];

  const claimed: string[] = [];
  for (const { kind, key } of keys) {
    if (await q.claimLoginAttempt(db, key, SLOW_DOWN[kind], now, forgetBefore)) {
      claimed.push(key);
      continue;
    }
    // Refused: an attempt that was not made counts against no key.
    for (const k of claimed) await q.releaseLoginAttempt(db, k);
    const waitMs = await q.loginWaitMs(db, key, SLOW_DOWN[kind], now);
    throw new AppError(429, 'login_throttled', undefined, { seconds: Math.max(1, Math.ceil(waitMs / 1000)) });
  }

  return {
    succeeded: async (userId) => {
      for (const { kind, key } of keys) {
        if (kind === 'address') await q.releaseLoginAttempt(db, key);
        else await q.clearLoginFailures(db, [key]);
      }
      await q.forgetLoginDevices(db, new Date(now.getTime() - DEVICE_MAX_AGE_S * 1000));
      if (knownDevice && attempt.deviceToken) return attempt.deviceToken;
      const token = newToken();
      await q.insertLoginDevice(db, sha256(token), userId);
      return token;
    },
  };
}
