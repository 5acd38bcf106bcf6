/**
 * The `Idempotency-Key` request header (issue 24): a client names a write it may have to send again
 * (a queued offline report, a retry after a lost answer), and the server answers a repeat with the
 * first answer instead of writing twice. The web app sends a UUID v4.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** 8–128 letters, digits, `-` or `_`: a UUID fits, and nothing that could smuggle text into a log or a lookup. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

/** How long a key's answer is kept: a repeat after this runs as a new request. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The key of a header's value, or null when the value is not one (a repeated header is not one either). */
export function parseIdempotencyKey(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && IDEMPOTENCY_KEY_PATTERN.test(value) ? value : null;
}

/** Whether an answer with this status is kept for the key's repeats: a server fault is not, so that a retry can run. */
export function keepsAnswer(status: number): boolean {
  return status < 500;
}
