import type { Database } from '../db/client.js';

/** How long a session read here is used without asking the database again. */
export const SESSION_CACHE_MS = 2000;
/** Audit entities whose change may change a session's actor, stage or validity. */
const SESSION_ENTITIES = ['user', 'session'];
/** Beyond this many entries, the expired ones are dropped before adding another. */
const PRUNE_AT = 10_000;

interface State<T> {
  /** Bumped whenever the cache is forgotten: a read that began before a change is not kept. */
  generation: number;
  entries: Map<string, { at: number; row: T }>;
}

/**
 * Session rows, read on every request, kept for SESSION_CACHE_MS per database. A change made by this
 * process (any audited write about a user or a session: logout, disabling, roles, password, TOTP)
 * forgets every entry as soon as it is linked into the audit chain, before its writer is answered;
 * one made by another server process on the same database shows within SESSION_CACHE_MS, as the
 * security policy's cache does. Under load this spares one database round trip per request.
 * Sessions that are not found are not kept.
 */
export function sessionCache<T>(load: (database: Database, id: string) => Promise<T | undefined>) {
  const states = new WeakMap<Database, State<T>>();
  const forget = (state: State<T>) => {
    state.generation++;
    state.entries.clear();
  };
  const stateOf = (database: Database): State<T> => {
    let s = states.get(database);
    if (!s) {
      const state: State<T> = { generation: 0, entries: new Map() };
      database.onAuditLinked((entities) => {
        if (SESSION_ENTITIES.some((e) => entities.has(e))) forget(state);
      });
      states.set(database, (s = state));
    }
    return s;
  };
  const get = async (database: Database, id: string): Promise<T | undefined> => {
    const state = stateOf(database);
    const now = Date.now();
    const hit = state.entries.get(id);
    if (hit && now - hit.at < SESSION_CACHE_MS) return hit.row;
    const generation = state.generation;
    const row = await load(database, id);
    if (row === undefined) {
      state.entries.delete(id);
    } else if (state.generation === generation) {
      if (state.entries.size >= PRUNE_AT) for (const [k, e] of state.entries) if (now - e.at >= SESSION_CACHE_MS) state.entries.delete(k);
      state.entries.set(id, { at: now, row });
    }
    return row;
  };
  /** Forgets every entry, as a change linked by this process does (for a change made behind the server's back). */
  const forgetAll = (database: Database) => forget(stateOf(database));
  /** Makes every entry this much older, as time passing would: tests see the cache expire without waiting for it. */
  const ageForTests = (database: Database, ms: number) => {
    for (const e of stateOf(database).entries.values()) e.at -= ms;
  };
  return { get, forgetAll, ageForTests };
}
