import type { Executor } from '../db/client.js';

/**
 * A value read on every request, cached per database for `ttlMs`: a change made by another server
 * process shows within that time, one made here is forgotten at once. A failed read is not kept.
 * Pass the database itself, not a transaction (each transaction is a new object and never hits).
 */
export function perDatabaseCache<T>(ttlMs: number, load: (db: Executor) => Promise<T>) {
  const cache = new WeakMap<object, { at: number; value: Promise<T> }>();
  return {
    get(db: Executor): Promise<T> {
      const hit = cache.get(db);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const value = load(db);
      cache.set(db, { at: Date.now(), value });
      value.catch(() => cache.delete(db));
      return value;
    },
    forget(db: Executor): void {
      cache.delete(db);
    },
  };
}
