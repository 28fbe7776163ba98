import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../server/errors.js';
import { NORDIC_COMMON_PASSWORDS } from './nordic-common-passwords.js';

/**
 * zxcvbn's score runs 0–4; 3 is "safely unguessable" against an online attack that is slowed
 * down, which is what sign-in with lockout and rate limits is. Below it is refused.
 */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | null = null;

// Built on first use: the dictionaries take a few tens of milliseconds to rank.
function checker(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ graphs: adjacencyGraphs, dictionary: { ...dictionary, nordic: NORDIC_COMMON_PASSWORDS } });
  return factory;
}

/** The error code that says why a password is too easy to guess (messages in src/shared/i18n). */
function reasonCode(result: ZxcvbnResult): string {
  const patterns = new Set(result.sequence.map((m) => m.pattern));
  const warning = result.feedback.warning;
  if (warning === 'userInputs') return 'weak_password_personal';
  if (warning === 'simpleRepeat' || warning === 'extendedRepeat' || patterns.has('repeat')) return 'weak_password_repeat';
  if (warning === 'straightRow' || warning === 'keyPattern' || patterns.has('spatial')) return 'weak_password_keyboard';
  if (warning === 'sequences' || (patterns.size === 1 && patterns.has('sequence'))) return 'weak_password_sequence';
  if (warning === 'recentYears' || warning === 'dates') return 'weak_password_dates';
  if (warning === 'topTen' || warning === 'topHundred' || warning === 'common' || warning === 'similarToCommon' || patterns.has('dictionary')) return 'weak_password_common';
  return 'weak_password';
}

/**
 * Refuses a password that is common, repetitive, a keyboard pattern or built from the user's own
 * e-mail or name, with a 400 naming the field. Call it wherever a password is set.
 */
export function assertStrongPassword(password: string, userInputs: string[] = [], field = 'password'): void {
  // The e-mail's local part and the name's words are what a colleague would guess first.
  const whole = userInputs.map((s) => s.toLowerCase().split('@')[0]);
  const words = userInputs.flatMap((s) => s.toLowerCase().split(/[@\s._-]+/));
  const inputs = [...whole, ...words].filter((s) => s.length >= 3);
  const result = checker().check(password, inputs);
  if (result.score < MIN_PASSWORD_SCORE) throw new AppError(400, reasonCode(result), field);
}
