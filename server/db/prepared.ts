import { createHash } from 'node:crypto';
import type { Query, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
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

/** A raw statement prepared once: execute it with its placeholders' values by name. */
export interface PreparedStatement {
  execute(values: Record<string, unknown>): Promise<{ rows: Record<string, unknown>[] }>;
}

const dialect = new PgDialect();
const built = new Map<string, Query & { name: string }>();
const preparedByDb = new WeakMap<Executor, Map<string, PreparedStatement>>();

/**
 * Prepares a hand-built statement (placeholders by `sql.placeholder(name)`) under a name derived
 * from its text, once per statement shape and database. Drizzle's query builder can prepare only
 * what it builds; a statement it cannot build (an UPDATE, INSERT … SELECT and its audit record in
 * one CTE) goes through its dialect and session, which are internal API. This file is the only
 * place that touches them, and prepared.test.ts fails if a Drizzle upgrade changes them.
 */
export function prepareStatement(db: Executor, shape: string, build: () => SQL): PreparedStatement {
  let query = built.get(shape);
  if (!query) {
    const q = dialect.sqlToQuery(build());
    query = { ...q, name: `stmt_${createHash('sha256').update(q.sql).digest('hex').slice(0, 16)}` };
    built.set(shape, query);
  }
  let forDb = preparedByDb.get(db);
  if (!forDb) preparedByDb.set(db, (forDb = new Map()));
  let p = forDb.get(shape);
  if (!p) {
    // node-postgres and PGlite both answer a raw (not array-mode) execution with { rows }.
    p = db._.session.prepareQuery(query, undefined, query.name, false) as unknown as PreparedStatement;
    forDb.set(shape, p);
  }
  return p;
}
