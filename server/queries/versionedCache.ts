import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.js';

/** The versions one lookup tells: the whole program's data, and each scope asked (with `*`). */
interface Versions {
  global: string;
  scoped: Record<string, string>;
}

/**
 * What version of the program's data a read sees: every write stages an audit record in its own
 * transaction (audit_pending) and the linker moves it into audit_log, so the newest of each
 * changes with every commit, on any app instance, and never before it. Two index lookups.
 * A scope's version (an org unit's) is the newest audit id of a record that declared it
 * (scope_versions, moved by the linker: migration 0039) and the newest staged record that declares
 * it or nothing; `*` is the same for the records that declared nothing.
 */
export async function dataVersions(db: Executor, scopes: readonly string[], global = true): Promise<Versions> {
  if (!scopes.length) {
    const { rows } = (await db.execute(
      sql`select coalesce((select max(id) from audit_log), 0)::text || '.' || coalesce((select max(seq) from audit_pending), 0)::text as v`,
    )) as unknown as { rows: { v: string }[] };
    return { global: rows[0]!.v, scoped: {} };
  }
  const { rows } = (await db.execute(sql`
    select ${global ? sql`coalesce((select max(id) from audit_log), 0)::text || '.' || coalesce((select max(seq) from audit_pending), 0)::text` : sql`''`} as v,
      (select json_object_agg(s.scope, coalesce(sv.audit_id, 0)::text || '.' ||
              coalesce((select max(p.seq) from audit_pending p where p.scopes is null or s.scope = any(p.scopes)), 0)::text)
         from unnest(string_to_array(${['*', ...scopes].join(',')}, ',')) as s(scope) left join scope_versions sv on sv.scope = s.scope) as scoped`)) as unknown as {
    rows: { v: string; scoped: Record<string, string> }[];
  };
  return { global: rows[0]!.v, scoped: rows[0]!.scoped };
}

/** The whole program's data version (dataVersions without scopes). */
export const dataVersion = async (db: Executor): Promise<string> => (await dataVersions(db, [])).global;

/** A scope's version as a kept reply names it: the undeclared writes' and the scope's own. */
const scopedVersion = (v: Versions, scope: string) => `${v.scoped['*'] ?? '0'}|${v.scoped[scope] ?? '0'}`;

/**
 * The data version for a request, one lookup shared by the requests that ask together: a request
 * joins a lookup not yet sent, never one already on its way (which might have been answered before
 * a write the request's user has seen finish). So under load one statement serves many requests,
 * and every read still sees every write that finished before it asked. `scope`: an org unit's
 * version instead of the whole program's (versionedCache).
 */
export function versionReader() {
  interface Batch {
    scopes: Set<string>;
    global: boolean;
    result: Promise<Versions>;
    asked: Map<string | undefined, Promise<string>>;
  }
  const next = new WeakMap<object, Batch>();
  return (db: Executor, scope?: string): Promise<string> => {
    let batch = next.get(db);
    if (!batch) {
      const b: Batch = { scopes: new Set(), global: false, result: undefined as never, asked: new Map() };
      b.result = new Promise<Versions>((resolve, reject) => {
        // Sent on the next turn of the event loop: the requests parsed in this one join it.
        setImmediate(() => {
          next.delete(db);
          dataVersions(db, [...b.scopes], b.global).then(resolve, reject);
        });
      });
      next.set(db, (batch = b));
    }
    const queued = batch.asked.get(scope);
    if (queued) return queued;
    if (scope === undefined) batch.global = true;
    else batch.scopes.add(scope);
    const p = batch.result.then((v) => (scope === undefined ? v.global : scopedVersion(v, scope)));
    batch.asked.set(scope, p);
    return p;
  };
}

const currentVersion = versionReader();

/**
 * The embedded database's versions, counted in this process: only this process can write to it (the
 * data folder's lock, server/db/dataLock.ts) and every write links its audit record before it
 * answers, telling the listeners first; so the count moves before anyone who wrote can read again,
 * and a kept read costs no statement at all. A scope's version is the count at the last link that
 * declared it (or declared nothing: `*`). A server database is shared by other processes, whose
 * writes only the database can tell.
 */
interface Counts {
  links: number;
  at: Map<string, number>;
}
const embeddedCounts = new WeakMap<Database, Counts>();
function embeddedVersion(database: Database, scope: string | undefined): string {
  let c = embeddedCounts.get(database);
  if (!c) {
    const count: Counts = { links: 0, at: new Map() };
    database.onAuditLinked((_entities, scopes) => {
      count.links++;
      for (const s of scopes) count.at.set(s, count.links);
    });
    embeddedCounts.set(database, (c = count));
  }
  if (scope === undefined) return `linked.${c.links}`;
  return `${c.at.get('*') ?? 0}|${c.at.get(scope) ?? 0}`;
}

const versionOf = (database: Database, scope: string | undefined) =>
  database.kind === 'embedded' ? embeddedVersion(database, scope) : currentVersion(database.db, scope);

/** Replies computed by kept caches since start, per database: what a test counts to see a reply was kept. */
const loads = new WeakMap<Database, number>();
export const keptLoads = (database: Database): number => loads.get(database) ?? 0;

/** Off (TUIJIN_KEPT_REPLIES=0), every read computes its reply: how the bench measures what keeping saves. */
let keeping = true;
export function keepReplies(on: boolean): void {
  keeping = on;
}

/** Links of audit records heard in this process, per database: writes made here (and those this process linked). */
const localLinkCounts = new WeakMap<Database, { links: number }>();
function localLinks(database: Database): number {
  let c = localLinkCounts.get(database);
  if (!c) {
    const count = { links: 0 };
    database.onAuditLinked(() => void count.links++);
    localLinkCounts.set(database, (c = count));
  }
  return c.links;
}

export interface KeptOptions {
  /**
   * A kept value on a server database is sent without asking the version again for this long after
   * it was last found current, unless this process linked an audit record since: a write made
   * through this process is seen at once, one made through another instance within `freshMs`. For
   * public reads only (the portal), which no writer expects to read back on another instance.
   */
  freshMs?: number;
}

/**
 * A reply kept per key until the next write that may change it, for reads far more frequent than
 * writes (the dashboard, a unit's workbench, the task lists). Without a scope, until the next write
 * anywhere; with an org unit's id as the scope, until the next write that declares that unit or
 * declares nothing (AuditEntry.scope): the reply must then depend only on that unit's rows and what
 * the writes declaring it change. The first read after a write pays for it; the rest cost the
 * version's lookup. Nothing written is ever missed: the version is read before the reply, so a
 * reply computed across a commit is kept under the older version and replaced at the next read.
 * `size` replies are kept per database, the least recently used going first.
 */
export function versionedCache<T>(size: number, options: KeptOptions = {}) {
  const perDatabase = new WeakMap<Database, Map<string, { version: string; value: Promise<T>; checkedAt: number; links: number }>>();
  const freshMs = options.freshMs ?? 0;
  return async function cached(database: Database, key: string, load: () => Promise<T>, scope?: string): Promise<T> {
    if (!keeping) return load();
    let kept = perDatabase.get(database);
    if (!kept) perDatabase.set(database, (kept = new Map()));
    // Read before the version is asked: a link heard while it is on its way makes the next read ask again.
    const links = freshMs > 0 && database.kind === 'server' ? localLinks(database) : 0;
    const askedAt = Date.now();
    if (freshMs > 0 && database.kind === 'server') {
      const fresh = kept.get(key);
      if (fresh && fresh.links === links && askedAt - fresh.checkedAt < freshMs) return fresh.value;
    }
    const version = await versionOf(database, scope);
    const hit = kept.get(key);
    if (hit && hit.version === version) {
      // Most recently used last: Map keeps insertion order.
      kept.delete(key);
      kept.set(key, { ...hit, checkedAt: askedAt, links });
      return hit.value;
    }
    loads.set(database, keptLoads(database) + 1);
    const value = load();
    kept.delete(key);
    kept.set(key, { version, value, checkedAt: askedAt, links });
    if (kept.size > size) kept.delete(kept.keys().next().value!);
    value.catch(() => {
      if (kept.get(key)?.value === value) kept.delete(key);
    });
    return value;
  };
}
