import type { MessageCode } from './i18n.js';
/** An error the user caused or may see: HTTP status, stable code, message parameters, per-field messages. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Record<string, string | number> = {},
    readonly fields?: Record<string, string>,
    readonly extra?: Record<string, string>,
    /** Response headers that go with the error (Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(code);
  }
}

export const notFound = (entity: string) => new AppError(404, 'not_found', { entity: `@${entity}` });
export const forbidden = () => new AppError(403, 'forbidden');
export const versionConflict = () => new AppError(409, 'version_conflict');
export const unauthenticated = () => new AppError(401, 'unauthenticated');

/** 429 with Retry-After: too many attempts, or no room left to check another password now. */
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', {}, undefined, undefined, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
