import type { Executor } from './client.js';

/**
 * A statement built once per database and then only executed: for the hottest reads, whose SQL
 * does not depend on who asks, building the query each time cost more than running it. Named
 * statements are also parsed and planned once per connection by the server.
 */
export function preparedPerDatabase<P>(build: (db: Executor) => P): (db: Executor) => P {
  const cache = new WeakMap<Executor, P>();
  return (db) => {
    let p = cache.get(db);
    if (!p) {
      p = build(db);
      cache.set(db, p);
    }
    return p;
  };
}
