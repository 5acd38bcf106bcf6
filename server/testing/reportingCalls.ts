import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { shanghaiDate } from '../../domain/calendar/days.js';
import { periodOf } from '../../domain/periods.js';
import type { App } from '../app.js';
import type { Database } from '../db/client.js';
import { auditMark, recordsSince, send, type Method } from './api.js';
import type { Person } from './workFactories.js';
import { now, today } from '../clock.js';

export { today };
export const thisMonth = () => periodOf(today(), 'monthly');
/** A date `days` from today (negative: before). */
export const dayFrom = (days: number) => shanghaiDate(new Date(now().getTime() + days * 86_400_000));
/** The monthly period `n` months before the current one. */
export function monthsAgo(n: number): string {
  const [y, m] = thisMonth().split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) - n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** API calls as a person, and a check that each write leaves exactly one audit record (none when refused). */
export function reportingApi(app: App, database: Database) {
  const call = (who: Person, method: Method, url: string, payload?: unknown, headers?: Record<string, string>) =>
    send(app, { method, url, payload, ...(headers ? { headers } : {}) }, who.session);

  /**
   * A write, asserting its status and that it wrote one audit record of its change when it
   * succeeded, none otherwise; a refusal (401/403) leaves one access.refused record instead.
   */
  async function write(who: Person, method: Method, url: string, payload: unknown, status: number, code?: string): Promise<LightMyRequestResponse> {
    const mark = await auditMark(database);
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url} → ${res.body.slice(0, 400)}`).toBe(status);
    if (code) expect(res.json().error.code).toBe(code);
    expect(await recordsSince(database, mark)).toEqual({ changes: status === 200 ? 1 : 0, refusals: status === 401 || status === 403 ? 1 : 0 });
    return res;
  }

  return {
    call,
    write,
    create: (who: Person, body: Record<string, unknown>, status = 200, code?: string) => write(who, 'POST', '/api/reports', body, status, code),
    step: (who: Person, id: string, action: string, body: Record<string, unknown> = {}, status = 200, code?: string) =>
      write(who, 'POST', `/api/reports/${id}/${action}`, body, status, code),
    get: async (who: Person, url: string) => {
      const res = await call(who, 'GET', url);
      return res;
    },
  };
}
