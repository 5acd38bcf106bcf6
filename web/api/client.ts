import { translate } from '../i18n/translate.js';
import { currentLang } from '../i18n/lang.js';

/** A failed API call: the server's stable code, its (already localised) message and per-field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly unlocksAt?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const CSRF_KEY = 'tuijin.csrf';
let csrfToken: string | null = readStoredCsrf();

function readStoredCsrf(): string | null {
  try {
    return sessionStorage.getItem(CSRF_KEY);
  } catch {
    return null;
  }
}

/** Keeps the session's CSRF token (from the login answer or GET /api/me) for every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  try {
    if (token) sessionStorage.setItem(CSRF_KEY, token);
    else sessionStorage.removeItem(CSRF_KEY);
  } catch {
    // Private mode without storage: the in-memory copy still works for this tab.
  }
}

type UnauthorizedHandler = (error: ApiError) => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** The router registers what a 401 does (go to /login); the client itself knows nothing of routes. */
export function setUnauthorizedHandler(fn: UnauthorizedHandler | null): void {
  onUnauthorized = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** A plain object is sent as JSON; FormData as multipart. */
  body?: unknown;
  /** The login call answers 401 for a wrong password: that must not bounce to /login. */
  noAuthRedirect?: boolean;
}

/** Builds `/api/path?x=1`, leaving out empty parameters. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

interface ErrorPayload {
  error?: { code?: string; message?: string; fields?: Record<string, string>; unlocksAt?: string };
}

async function toApiError(res: Response): Promise<ApiError> {
  let payload: ErrorPayload = {};
  try {
    payload = (await res.json()) as ErrorPayload;
  } catch {
    // Not JSON (a proxy's error page): fall back to a generic message.
  }
  const e = payload.error ?? {};
  return new ApiError(res.status, e.code ?? `http_${res.status}`, e.message ?? translate(currentLang(), 'error.http', { status: res.status }), e.fields ?? {}, e.unlocksAt);
}

/** Calls the API: JSON in and out, session cookie, CSRF header on writes; throws ApiError. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', translate(currentLang(), 'error.network'));
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (err.status === 401 && !opts.noAuthRedirect) {
      setCsrfToken(null);
      onUnauthorized?.(err);
    }
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** True when the error is the server refusing a stale `version`. */
export const isVersionConflict = (e: unknown): e is ApiError => e instanceof ApiError && e.code === 'version_conflict';
