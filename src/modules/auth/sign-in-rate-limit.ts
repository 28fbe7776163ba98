import type { AppConfig } from '../../config.js';

/**
 * The route limit of each sign-in step, per address (`SIGN_IN_REQUESTS_PER_MINUTE`). It guards
 * against floods, not guessing: a helpline's office signs in from one address when a shift
 * starts, so it allows a whole office; guesses are slowed by the sign-in gate (decision 0013).
 */
export function signInRateLimit(config: Pick<AppConfig, 'signInPerMinute'>) {
  return { max: config.signInPerMinute, timeWindow: '1 minute' };
}
