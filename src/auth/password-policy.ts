import { createRequire } from 'node:module';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import { authErrors } from './errors.ts';

/** The shortest password accepted, in characters. */
export const MIN_PASSWORD_LENGTH = 12;
/**
 * The lowest zxcvbn score accepted (0–4): 3 means at least 10^8 guesses, which refuses the
 * common passwords of @zxcvbn-ts/language-common and their variations (`password1234`,
 * `Welkom2024`), keyboard rows and repetitions.
 */
const MIN_SCORE = 3;

const require = createRequire(import.meta.url);
let factory: ZxcvbnCore.ZxcvbnFactory | undefined;
/** The estimator and its dictionaries are loaded when the first password is judged, not when the server starts. */
function estimator() {
  if (!factory) {
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof ZxcvbnCore;
    const { adjacencyGraphs, dictionary } = require('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
    factory = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: true });
  }
  return factory;
}

/** Why a password is refused, or null when it may be used. */
export type PasswordWeakness = 'too_short' | 'too_common' | null;

/**
 * Judges a new password: long enough (not counting surrounding spaces), and not a common password
 * or an easy variation of one; `related` (the account's e-mail address and name) counts as known.
 */
export function passwordWeakness(password: string, related: string[] = []): PasswordWeakness {
  if ([...password.trim()].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const inputs = related
    .flatMap((s) => [s, ...s.split(/[^\p{L}\p{N}]+/u)])
    .map((s) => s.toLowerCase())
    .filter((s) => s.length >= 3);
  return estimator().check(password, inputs).score < MIN_SCORE ? 'too_common' : null;
}

/** Refuses a weak password, saying why (the browser app shows the text of the code). */
export function assertStrongPassword(password: string, related: string[] = []): void {
  const weakness = passwordWeakness(password, related);
  if (weakness === 'too_short') throw authErrors.password_too_short({ min: MIN_PASSWORD_LENGTH });
  if (weakness === 'too_common') throw authErrors.password_too_common();
}
