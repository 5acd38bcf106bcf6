import { eq, notInArray, sql } from 'drizzle-orm';
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

/** Audit records of writes: all but refusals and reads (domain/auditCategories.ts NON_WRITE_ACTIONS). */
export async function changeRecordCount(database: Database): Promise<number> {
  const [r] = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(notInArray(auditLog.action, [...NON_WRITE_ACTIONS]));
  return r?.n ?? 0;
}

/** `access.refused` records: one per refused request (401/403) the server recorded. */
export async function refusalCount(database: Database): Promise<number> {
  const [r] = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'access.refused'));
  return r?.n ?? 0;
}

const tableNames = new WeakMap<Database, Promise<string[]>>();

async function rows<T>(database: Database, query: ReturnType<typeof sql.raw>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Row count of every table in the database and the audit chain's length: take one before and one
 * after a request to prove that it wrote nothing. Tables are listed from the catalogue, so a table
 * added later is counted too.
 */
export async function snapshot(database: Database): Promise<Record<string, number>> {
  let names = tableNames.get(database);
  if (!names) {
    names = rows<{ name: string }>(
      database,
      sql.raw(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
    ).then((r) => r.map((x) => x.name));
    tableNames.set(database, names);
  }
  const counts = (await names).map((t) => `(select count(*)::int from "${t}") as "${t}"`);
  const [row] = await rows<Record<string, number>>(database, sql.raw(`select ${counts.join(', ')}, (select last_id::int from audit_head where id = 1) as "audit records"`));
  return row!;
}
