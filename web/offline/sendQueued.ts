import { api, ApiError, setCsrfToken } from '../api/client.js';
import { listReports } from '../api/reporting.js';
import type { Me } from '../api/types.js';
import type { Evidence, ReportDetail } from '../api/workTypes.js';
import { currentLang } from '../i18n/lang.js';
import { translate } from '../i18n/translate.js';
import { SAVED_AT_HEADER } from '../sw/swRules.js';
import { afterFailure, nextStep, recover, sendable, type Problem, type QueuedReport } from './outboxState.js';
import { deleteQueued, putQueued, queued, queuedOf } from './outboxStore.js';

const IDEMPOTENCY_KEY = 'Idempotency-Key';

export type SendOutcome = { outcome: 'sent'; reportId: string } | { outcome: 'waiting' } | { outcome: 'held'; error: ApiError };

/** Uploads one of the entry's photos (stored by SHA-256: a retry stores nothing twice). */
async function uploadPhoto(e: QueuedReport, i: number): Promise<QueuedReport> {
  const p = e.photos[i]!;
  const form = new FormData();
  form.append('file', new File([p.blob], p.name, { type: p.blob.type || 'image/jpeg' }));
  const ev = (await api<{ data: Evidence }>('/evidence', { method: 'POST', body: form, headers: { [IDEMPOTENCY_KEY]: p.key }, noAuthRedirect: true })).data;
  return { ...e, photos: e.photos.map((x, j) => (j === i ? { ...x, sha256: ev.sha256 } : x)) };
}

async function create(e: QueuedReport): Promise<QueuedReport> {
  const evidence = [...e.body.evidence, ...e.photos.map((p) => ({ sha256: p.sha256!, name: p.name }))];
  const body = { itemType: e.item.itemType, itemId: e.item.itemId, period: e.period, ...e.body, evidence };
  const r = (await api<{ data: ReportDetail }>('/reports', { method: 'POST', body, headers: { [IDEMPOTENCY_KEY]: e.createKey }, noAuthRedirect: true })).data;
  return { ...e, reportId: r.id, version: r.version };
}

async function submit(e: QueuedReport): Promise<void> {
  try {
    await api(`/reports/${e.reportId}/submit`, { method: 'POST', body: { version: e.version }, headers: { [IDEMPOTENCY_KEY]: e.submitKey }, noAuthRedirect: true });
  } catch (err) {
    // The answer of an earlier submit was lost: the report has moved on, which is what was asked.
    if (err instanceof ApiError && err.code === 'version_conflict') {
      const now = (await api<{ data: ReportDetail }>(`/reports/${e.reportId}`, { noAuthRedirect: true })).data;
      if (now.status !== 'draft' && now.status !== 'returned') return;
    }
    throw err;
  }
}

/** The server's refusal in the liaison's words; a report of the period that was returned says why. */
async function problemOf(e: QueuedReport, err: ApiError): Promise<Problem> {
  const lang = currentLang();
  if (err.status === 401) return { status: 401, code: err.code, message: translate(lang, 'outbox.sessionEnded') };
  let message = err.message;
  if (err.code === 'report_exists') {
    const existing = await listReports({ item: e.item.itemId, period: e.period }).catch(() => null);
    const r = existing?.data[0];
    if (r?.status === 'returned' && r.returnReason) message = `${message}。${translate(lang, 'report.returnedBecause', { reason: r.returnReason })}`;
  }
  return { status: err.status, code: err.code, message };
}

/**
 * Sends one queued report: its photos, then the report (created with its idempotency key), then
 * the submit, saving what it has after each step so that a send cut off anywhere goes on from there.
 * Sent: it leaves the queue. Refused: it stays, held with the reason (afterFailure).
 */
async function sendQueued(key: string): Promise<SendOutcome> {
  const found = await queued(key);
  if (!found) return { outcome: 'waiting' };
  let e: QueuedReport = { ...found, state: 'sending' };
  await putQueued(e);
  try {
    for (;;) {
      const s = nextStep(e);
      if (s.step === 'upload') e = await uploadPhoto(e, s.photo);
      else if (s.step === 'create') e = await create(e);
      else {
        await submit(e);
        await deleteQueued(e.key);
        return { outcome: 'sent', reportId: e.reportId! };
      }
      await putQueued(e);
    }
  } catch (thrown) {
    const err = thrown instanceof ApiError ? thrown : new ApiError(0, 'network', translate(currentLang(), 'error.network'));
    e = afterFailure(e, err.status === 0 ? { status: 0, code: 'network', message: err.message } : await problemOf(e, err));
    await putQueued(e);
    return e.state === 'held' ? { outcome: 'held', error: err } : { outcome: 'waiting' };
  }
}

/** Who the session belongs to now, from the network only (a kept answer means no network: undefined). */
async function sessionUser(): Promise<{ id: string } | 'ended' | undefined> {
  let res: Response;
  try {
    res = await fetch('/api/me', { credentials: 'same-origin', headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch {
    return undefined;
  }
  if (res.headers.get(SAVED_AT_HEADER)) return undefined;
  if (res.status === 401) return 'ended';
  if (!res.ok) return undefined;
  const me = ((await res.json()) as { data: Me }).data;
  setCsrfToken(me.csrfToken);
  return me;
}

let tabChain: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` alone: one send at a time across the app's tabs (a Web Lock), or in this tab where the
 * browser has no Web Locks. Under it, an entry marked 'sending' can only be one a closed tab left.
 */
function withOutboxLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: { request(name: string, fn: () => Promise<T>): Promise<T> } }).locks;
  if (locks) return locks.request('tuijin-outbox', fn) as Promise<T>;
  const run = tabChain.then(fn, fn);
  tabChain = run.catch(() => undefined);
  return run;
}

/** Sends one report now, under the queue's lock (the form's 提交 with a network). */
export const sendQueuedNow = (key: string) => withOutboxLock(() => sendQueued(key));

let flushing: Promise<number> | null = null;

/**
 * Sends the user's waiting reports, oldest first, when the session is still theirs (nothing is ever
 * sent under another user's session). Stops at the first sign of no network. Resolves to the number sent.
 */
export function flushOutbox(userId: string): Promise<number> {
  flushing ??= withOutboxLock(() => flushNow(userId)).finally(() => (flushing = null));
  return flushing;
}

async function flushNow(userId: string): Promise<number> {
  const mine = await queuedOf(userId);
  // Under the lock no other send is running: a 'sending' entry is one a closed tab left.
  for (const e of mine) if (e.state === 'sending') await putQueued(recover(e));
  const todo = sendable(mine.map(recover), userId);
  if (!todo.length || navigator.onLine === false) return 0;
  const who = await sessionUser();
  if (who === undefined) return 0;
  if (who === 'ended') {
    const problem = { status: 401, code: 'unauthenticated', message: translate(currentLang(), 'outbox.sessionEnded') };
    for (const e of todo) await putQueued({ ...e, state: 'held', problem });
    return 0;
  }
  if (who.id !== userId) return 0;
  let sent = 0;
  for (const e of todo) {
    const r = await sendQueued(e.key);
    if (r.outcome === 'sent') sent++;
    else if (r.outcome === 'waiting' || r.error.status === 401) break;
  }
  return sent;
}
