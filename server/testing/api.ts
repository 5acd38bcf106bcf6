import { eq, gt, notInArray, sql } from 'drizzle-orm';
import { NON_WRITE_ACTIONS } from '../../domain/auditCategories.js';
import { auditLog } from '../db/schema/index.js';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { App } from '../app.js';
import type { Database } from '../db/client.js';
import type { Session } from './factories.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One API call: what `app.inject` needs, minus the session. */
export interface ApiRequest {
  method: Method;
  url: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as is (set the content type in headers). */
  payload?: unknown;
}

/** Sends a request as the session's user, or anonymously without one. */
export function send(app: App, req: ApiRequest, session?: Session | null): Promise<LightMyRequestResponse> {
  return app.inject({
    method: req.method,
    url: req.url,
    headers: { ...(session?.headers ?? {}), ...(req.headers ?? {}) },
    ...(req.payload === undefined ? {} : { payload: req.payload as string }),
  });
}

/** Headers that differ between any two answers (time, the request's own id and duration). */
const VOLATILE = new Set(['date', 'server-timing', 'x-request-id', 'content-length', 'set-cookie']);
/** What an answer tells its reader: status, body and headers, less what differs between any two answers (hidden routes are compared by it). */
export function told(res: LightMyRequestResponse) {
  const headers = Object.fromEntries(Object.entries(res.headers).filter(([k]) => !VOLATILE.has(k.toLowerCase())));
  return { status: res.statusCode, body: res.body, headers };
}

export interface ErrorAnswer {
  code: string;
  message: string;
  fields?: Record<string, string>;
  unlocksAt?: string;
}

/** Asserts the house error shape `{ error: { code, message, fields? } }` with this status (and code). */
export function expectError(res: LightMyRequestResponse, status: number, code?: string): ErrorAnswer {
  expect(res.statusCode, res.body).toBe(status);
  const e = (res.json() as { error: ErrorAnswer }).error;
  expect(typeof e?.code, res.body).toBe('string');
  expect(typeof e.message === 'string' && e.message.length > 0, res.body).toBe(true);
  if (code) expect(e.code, res.body).toBe(code);
  return e;
}

/**
 * Where the audit chain ends now: the records a request leaves are those after it. Counting from a
 * mark reads only the new records (the primary key's range), where counting the whole log before
 * and after each call grew with the log and took most of the authorization matrix's time.
 */
export async function auditMark(database: Database): Promise<number> {
  const [r] = await database.db.select({ id: sql<string>`coalesce(max(${auditLog.id}), 0)` }).from(auditLog);
  return Number(r?.id ?? 0);
}

/** Records linked after the mark: writes' changes (all but refusals and reads, domain/auditCategories.ts NON_WRITE_ACTIONS) and access.refused records, one per refused request (401/403). */
export async function recordsSince(database: Database, mark: number): Promise<{ changes: number; refusals: number }> {
  const [r] = await database.db
    .select({
      changes: sql<number>`(count(*) filter (where ${notInArray(auditLog.action, [...NON_WRITE_ACTIONS])}))::int`,
      refusals: sql<number>`(count(*) filter (where ${eq(auditLog.action, 'access.refused')}))::int`,
    })
    .from(auditLog)
    .where(gt(auditLog.id, mark));
  return { changes: r?.changes ?? 0, refusals: r?.refusals ?? 0 };
}

const tableNames = new WeakMap<Database, Promise<string[]>>();

async function rows<T>(database: Database, query: ReturnType<typeof sql.raw>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Row count of every table in the database (but the rate counters) and the audit chain's length: take one before and one
 * after a request to prove that it wrote nothing. Tables are listed from the catalogue, so a table
 * added later is counted too.
 */
export async function snapshot(database: Database): Promise<Record<string, number>> {
  let names = tableNames.get(database);
  if (!names) {
    names = rows<{ name: string }>(
      database,
      sql.raw(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
      // Rate counters count requests, refused ones too (the public complaint routes count junk before reading it): not data a request writes.
    ).then((r) => r.map((x) => x.name).filter((n) => n !== 'rate_counters'));
    tableNames.set(database, names);
  }
  const counts = (await names).map((t) => `(select count(*)::int from "${t}") as "${t}"`);
  const [row] = await rows<Record<string, number>>(database, sql.raw(`select ${counts.join(', ')}, (select last_id::int from audit_head where id = 1) as "audit records"`));
  return row!;
}
