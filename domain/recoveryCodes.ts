/** How many recovery codes a user gets at TOTP enrolment (and when regenerating them). */
export const RECOVERY_CODE_COUNT = 10;
/** Unambiguous lower-case letters and digits (no 0/o, 1/l/i): 31 symbols, 12 of them ≈ 59 bits a code. */
export const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_LENGTH = 12;

/** A code as typed — any case, with or without dashes or spaces — reduced to its 12 symbols. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s\-‐‑–—_]/g, '');
}

/** Whether a normalised code could be a recovery code at all (12 symbols of the alphabet). */
export function isRecoveryCodeShape(code: string): boolean {
  return code.length === RECOVERY_CODE_LENGTH && [...code].every((c) => RECOVERY_ALPHABET.includes(c));
}

/** As shown to the user: in fours, e.g. abcd-efgh-jkmn. */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
