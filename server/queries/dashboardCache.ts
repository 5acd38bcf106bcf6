import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';

/** Dashboards kept per database: a few slices times a few periods; the oldest goes first. */
const KEPT = 200;

/**
 * What version of the program's data a read sees: every write stages an audit record in its own
 * transaction (audit_pending) and the linker moves it into audit_log, so the newest of each
 * changes with every commit, on any app instance, and never before it. Two index lookups.
 */
export async function dataVersion(db: Executor): Promise<string> {
  const { rows } = (await db.execute(
    sql`select coalesce((select max(id) from audit_log), 0)::text || '.' || coalesce((select max(seq) from audit_pending), 0)::text as v`,
  )) as unknown as { rows: { v: string }[] };
  return rows[0]!.v;
}

/**
 * The dashboard is read far more than the program changes (a leader's refreshes, the big screen, a
 * meeting room), and all its panels cost tens of queries: a reply is kept for its slice, period and
 * day until the next write anywhere. The first read after a write pays for it; the rest cost the
 * version's lookup. Nothing written is ever missed: the version is read before the panels, so a
 * reply computed across a commit is kept under the older version and replaced at the next read.
 */
export function versionedCache<T>() {
  const perDatabase = new WeakMap<object, Map<string, { version: string; value: Promise<T> }>>();
  return async function cached(db: Executor, key: string, load: () => Promise<T>): Promise<T> {
    const version = await dataVersion(db);
    let kept = perDatabase.get(db);
    if (!kept) perDatabase.set(db, (kept = new Map()));
    const hit = kept.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = load();
    kept.delete(key);
    kept.set(key, { version, value });
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    value.catch(() => {
      if (kept.get(key)?.value === value) kept.delete(key);
    });
    return value;
  };
}
