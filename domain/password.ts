import type { SecurityPolicy } from './securityPolicy.js';

export type PasswordProblem = 'too_short' | 'too_few_classes' | 'equals_account' | 'too_long';

/** Character classes: lower, upper, digit, other (any non-ASCII-alnum, e.g. punctuation or 汉字). */
export function characterClasses(pw: string): number {
  let n = 0;
  if (/[a-z]/.test(pw)) n++;
  if (/[A-Z]/.test(pw)) n++;
  if (/[0-9]/.test(pw)) n++;
  if (/[^a-zA-Z0-9]/.test(pw)) n++;
  return n;
}

/** Checks a new password against the policy; an empty list means it is acceptable. */
export function passwordProblems(
  pw: string,
  account: string,
  policy: Pick<SecurityPolicy, 'passwordMinLength' | 'passwordMinClasses'>,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...pw].length < policy.passwordMinLength) problems.push('too_short');
  if ([...pw].length > 128) problems.push('too_long');
  if (characterClasses(pw) < policy.passwordMinClasses) problems.push('too_few_classes');
  if (pw.toLowerCase() === account.toLowerCase()) problems.push('equals_account');
  return problems;
}
