import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';

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
 * The data version for a request, one lookup shared by the requests that ask together: a request
 * joins a lookup not yet sent, never one already on its way (which might have been answered before
 * a write the request's user has seen finish). So under load one statement serves many requests,
 * and every read still sees every write that finished before it asked.
 */
export function versionReader() {
  const next = new WeakMap<object, Promise<string>>();
  return (db: Executor): Promise<string> => {
    const queued = next.get(db);
    if (queued) return queued;
    const p = new Promise<string>((resolve, reject) => {
      // Sent on the next turn of the event loop: the requests parsed in this one join it.
      setImmediate(() => {
        next.delete(db);
        dataVersion(db).then(resolve, reject);
      });
    });
    next.set(db, p);
    return p;
  };
}

const currentVersion = versionReader();

/**
 * The embedded database's version, counted in this process: only this process can write to it (the
 * data folder's lock, server/db/dataLock.ts) and every write links its audit record before it
 * answers, telling the listeners first; so the count moves before anyone who wrote can read again,
 * and a kept read costs no statement at all. A server database is shared by other processes, whose
 * writes only the database can tell.
 */
const embeddedCounts = new WeakMap<Database, { links: number }>();
function embeddedVersion(database: Database): string {
  let c = embeddedCounts.get(database);
  if (!c) {
    const count = { links: 0 };
    database.onAuditLinked(() => void count.links++);
    embeddedCounts.set(database, (c = count));
  }
  return `linked.${c.links}`;
}

const versionOf = (database: Database) => (database.kind === 'embedded' ? embeddedVersion(database) : currentVersion(database.db));

/** Off (TUIJIN_KEPT_REPLIES=0), every read computes its reply: how the bench measures what keeping saves. */
let keeping = true;
export function keepReplies(on: boolean): void {
  keeping = on;
}

/**
 * A reply kept per key until the next write anywhere, for reads far more frequent than writes (the
 * dashboard, a unit's workbench, the task lists). The first read after a write pays for it; the
 * rest cost the version's lookup. Nothing written is ever missed: the version is read before the
 * reply, so a reply computed across a commit is kept under the older version and replaced at the
 * next read. `size` replies are kept per database, the least recently used going first.
 */
export function versionedCache<T>(size: number) {
  const perDatabase = new WeakMap<Database, Map<string, { version: string; value: Promise<T> }>>();
  return async function cached(database: Database, key: string, load: () => Promise<T>): Promise<T> {
    if (!keeping) return load();
    const version = await versionOf(database);
    let kept = perDatabase.get(database);
    if (!kept) perDatabase.set(database, (kept = new Map()));
    const hit = kept.get(key);
    if (hit && hit.version === version) {
      // Most recently used last: Map keeps insertion order.
      kept.delete(key);
      kept.set(key, hit);
      return hit.value;
    }
    const value = load();
    kept.delete(key);
    kept.set(key, { version, value });
    if (kept.size > size) kept.delete(kept.keys().next().value!);
    value.catch(() => {
      if (kept.get(key)?.value === value) kept.delete(key);
    });
    return value;
  };
}
