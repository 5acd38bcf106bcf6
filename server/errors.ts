import type { MessageCode, WordKey } from './i18n.js';

type Param = string | number;
/**
 * Message parameters whose literal `@word` values must name a word of the table (a value built at
 * run time, `@status_${s}`, is a plain string to the compiler and is checked by the message tests).
 */
export type CheckedParams<P extends Record<string, Param>> = {
  [K in keyof P]: P[K] extends `@${infer W}` ? ([Extract<WordKey, W>] extends [never] ? `no such word: ${W}` : P[K]) : P[K];
};

/** An error the user caused or may see: HTTP status, stable code, message parameters, per-field messages. */
export class AppError<P extends Record<string, Param> = Record<string, Param>> extends Error {
  readonly params: Record<string, Param>;
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    params: CheckedParams<P> = {} as CheckedParams<P>,
    readonly fields?: Record<string, string>,
    readonly extra?: Record<string, string>,
    /** Response headers that go with the error (Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(code);
    this.params = params as Record<string, Param>;
  }
}

export const notFound = (entity: string) => new AppError(404, 'not_found', { entity: `@${entity}` });
/** The answer to a URL no route serves (and to a hidden route's outsider: the two must not differ). */
export const routeNotFound = () => notFound('record');
export const forbidden = () => new AppError(403, 'forbidden');
export const versionConflict = () => new AppError(409, 'version_conflict');
export const unauthenticated = () => new AppError(401, 'unauthenticated');

/** 429 with Retry-After: too many attempts, or no room left to check another password now. */
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', {}, undefined, undefined, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
