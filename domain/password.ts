import type { SecurityPolicy } from './securityPolicy.js';

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'equals_account' | 'too_long' | 'common';

/** A new password must differ from this many of the user's passwords: the current one and the ones before it. */
export const PASSWORD_HISTORY = 5;
/** Wrong current passwords one session may give when changing its password; the session ends at the last. */
export const PASSWORD_GUESS_LIMIT = 5;

/** Character classes: lower, upper, digit, other (any non-ASCII-alnum, e.g. punctuation or 汉字). */
export function characterClasses(pw: string): number {
  let n = 0;
  if (/[a-z]/.test(pw)) n++;
  if (/[A-Z]/.test(pw)) n++;
  if (/[0-9]/.test(pw)) n++;
  if (/[^a-zA-Z0-9]/.test(pw)) n++;
  return n;
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '3': 'e', $: 's', '5': 's', '!': 'i', '7': 't' };

/**
 * The forms of a password to look up in a list of common passwords (lower case): as typed, without
 * the symbols people tack on at either end ("Password1!"), and with look-alike characters read back
 * as letters ("P@$$w0rd"). Lists hold the plain forms; the rules' demand for classes is what makes
 * people dress them up, and dressing up does not make them harder to guess.
 */
export function commonPasswordForms(pw: string): string[] {
  const lower = pw.toLowerCase();
  const trimmed = lower.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const unleet = (s: string) => s.replace(/[@40$3!57]/g, (c) => LEET[c]!);
  // The forms as typed stay in the list: "qwerty123" is listed with its digits.
  return [...new Set([lower, trimmed, unleet(lower), unleet(trimmed)])].filter((s) => s.length > 0);
}

/**
 * Checks a new password against the policy; an empty list means it is acceptable. `isCommon`
 * answers whether a (lower-case) form is a common or leaked password: the server passes its
 * bundled list; the web app's live checklist has none and leaves that to the server.
 */
export function passwordProblems(
  pw: string,
  account: string,
  policy: Pick<SecurityPolicy, 'passwordMinLength' | 'passwordMinClasses'>,
  isCommon?: (form: string) => boolean,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...pw].length < policy.passwordMinLength) problems.push('too_short');
  if ([...pw].length > 128) problems.push('too_long');
  if (characterClasses(pw) < policy.passwordMinClasses) problems.push('too_few_classes');
  if (pw.toLowerCase() === account.toLowerCase()) problems.push('equals_account');
  if (isCommon && commonPasswordForms(pw).some(isCommon)) problems.push('common');
  return problems;
}
