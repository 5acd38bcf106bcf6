// Direct HTTP to the running server for test setup: log in as a demo account, then call the API
// with its session cookie and CSRF header, as the web app does.
import { DEMO_PASSWORD } from './server.js';

export interface ApiSession {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** A multipart upload of one file (field `file`), e.g. a report's photo to POST /api/evidence. */
  upload<T>(path: string, file: { name: string; type: string; bytes: Uint8Array }): Promise<T>;
}

export async function apiLogin(base: string, account: string): Promise<ApiSession> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${account}: ${res.status} ${await res.text()}`);
  const { data } = (await res.json()) as { data: { csrfToken: string; stage: string } };
  if (data.stage !== 'ok') throw new Error(`login ${account}: stage ${data.stage}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const form = body instanceof FormData;
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': data.csrfToken, ...(body === undefined || form ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  const upload = <T>(path: string, file: { name: string; type: string; bytes: Uint8Array }) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    return call<T>('POST', path, form);
  };
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b), upload };
}
