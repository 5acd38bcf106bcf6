import { translate } from '../i18n/translate.js';
import { currentLang } from '../i18n/lang.js';
import { JOB_HEADER } from '../../domain/progress.js';
import { noteAnswer } from '../offline/keptAnswers.js';

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
  /** Names the call as a long job whose progress the caller follows (X-Tuijin-Job). */
  jobId?: string | undefined;
  /** Extra request headers (the offline queue's Idempotency-Key). */
  headers?: Record<string, string> | undefined;
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

/** The server's error answer (its JSON text) as an ApiError; a 401 sends the user to log in unless asked not to. */
function errorOf(status: number, text: string, noAuthRedirect = false): ApiError {
  let payload: ErrorPayload = {};
  try {
    payload = JSON.parse(text) as ErrorPayload;
  } catch {
    // Not JSON (a proxy's error page): fall back to a generic message.
  }
  const e = payload.error ?? {};
  const err = new ApiError(status, e.code ?? `http_${status}`, e.message ?? translate(currentLang(), 'error.http', { status }), e.fields ?? {}, e.unlocksAt);
  if (err.status === 401 && !noAuthRedirect) {
    setCsrfToken(null);
    onUnauthorized?.(err);
  }
  return err;
}

const toApiError = async (res: Response, noAuthRedirect?: boolean) => errorOf(res.status, await res.text().catch(() => ''), noAuthRedirect);

/** Calls the API: JSON in and out, session cookie, CSRF header on writes; throws ApiError. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { ...opts.headers, accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.jobId) headers[JOB_HEADER] = opts.jobId;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', translate(currentLang(), 'error.network'));
  }
  noteAnswer(res);
  if (!res.ok) throw await toApiError(res, opts.noAuthRedirect);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * A form POSTed as job `jobId` through XMLHttpRequest, which (unlike fetch) tells how much of the
 * body has gone: `onUpload(sent, total)` while the file uploads. JSON back, errors as `api`'s.
 */
export function apiUpload<T>(path: string, form: FormData, jobId: string, onUpload: (sent: number, total: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(JOB_HEADER, jobId);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onUpload(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onerror = () => reject(new ApiError(0, 'network', translate(currentLang(), 'error.network')));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
      else reject(errorOf(xhr.status, xhr.responseText));
    };
    xhr.send(form);
  });
}

/** The file name a download's Content-Disposition gives (RFC 6266: filename* first), or `fallback`. */
export function dispositionName(header: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // A malformed escape: the plain name below.
    }
  }
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? fallback;
}

/** A file fetched as job `jobId` (a generated workbook): its bytes and its name. Errors as `api`'s, with the server's message. */
export async function apiDownload(url: string, jobId: string): Promise<{ blob: Blob; name: string }> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { [JOB_HEADER]: jobId }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', translate(currentLang(), 'error.network'));
  }
  if (!res.ok) throw await toApiError(res);
  const blob = await res.blob().catch(() => {
    // The workbook broke off while it was being written.
    throw new ApiError(0, 'network', translate(currentLang(), 'error.network'));
  });
  return { blob, name: dispositionName(res.headers.get('content-disposition'), url.split('?')[0]!.split('/').pop() ?? 'download') };
}

/** True when the error is the server refusing a stale `version`. */
export const isVersionConflict = (e: unknown): e is ApiError => e instanceof ApiError && e.code === 'version_conflict';
