import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';
import { acquireDataLock } from './dataLock.js';
import { auditLinker, type LinkedListener } from './auditLinker.js';
import { listenEmbedded, listenOnServer, type Unlisten } from './listen.js';
import { exclusivelyOnServer, START_LOCK } from './exclusive.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: queries accept both. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'embedded' | 'server';
  /** Links the audit records committed so far into the chain (server/db/auditLinker.ts); every write awaits it before it answers. */
  linkAudit(): Promise<void>;
  /** Hears, after each link, which kinds of entity the linked records changed and which scopes they declared. */
  onAuditLinked(listener: LinkedListener): void;
  /**
   * Hears NOTIFY on a channel, from every process on this database (a server's own connection;
   * the embedded database in-process). Stopped by the returned function, or by close().
   */
  listen(channel: string, onNotify: () => void): Promise<Unlisten>;
  /**
   * Runs the work while no other app instance runs work under the start lock (a blank database's
   * first start): a server database's advisory lock; the embedded database has one process only.
   */
  atStart<T>(work: () => Promise<T>): Promise<T>;
  /** A server database's pool now (for /metrics); the embedded database has none. */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/** The linker of one database, and who wants to hear what it linked. */
function linking(db: Db): Pick<Database, 'linkAudit' | 'onAuditLinked'> {
  const listeners: LinkedListener[] = [];
  const linkAudit = auditLinker(db, (entities, scopes) => {
    for (const l of listeners) l(entities, scopes);
  });
  return { linkAudit, onAuditLinked: (listener) => void listeners.push(listener) };
}

/** The listeners of one database, so that closing it stops them too. */
function listening(start: (channel: string, onNotify: () => void) => Promise<Unlisten>) {
  const open = new Set<Unlisten>();
  return {
    async listen(channel: string, onNotify: () => void): Promise<Unlisten> {
      const stop = await start(channel, onNotify);
      const once: Unlisten = async () => {
        if (open.delete(once)) await stop();
      };
      open.add(once);
      return once;
    },
    stopAll: () => Promise.all([...open].map((stop) => stop())).then(() => undefined),
  };
}

/** The migrations, beside this module in the sources and beside the bundle once compiled. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  /** A PostgreSQL server; without it, the embedded database. */
  databaseUrl?: string;
  /** The embedded database's folder; without it (and without a URL) an in-memory database (tests). */
  dataDir?: string;
  /** Pool size on a server. */
  poolSize?: number;
  /**
   * max_parallel_workers_per_gather on the server's connections (the server's own setting when not
   * given). The app's heavy reads already run several statements at once (the dashboard's nine): on
   * 2 cores PostgreSQL's workers for each only fought them, the province dashboard's p50 444 → 253 ms
   * without them (bench/RESULTS.md, 2026-12-07).
   */
  parallelWorkers?: number;
  /** Apply pending migrations (default). Read-only tools (audit:verify) pass false and write nothing. */
  migrate?: boolean;
  /**
   * An in-memory embedded database starts from this copy of a data folder (PGlite's dumpDataDir)
   * instead of an empty one; the tests start each file from one migrated copy, which saves initdb
   * and the migrations (2 s a file). Pending migrations are still applied.
   */
  loadDataDir?: Blob;
  /**
   * An in-memory embedded database already open, and what to do with it on close() instead of closing
   * it: the tests' pool (server/testing/databasePool.ts) hands one back, emptied, to the next file
   * rather than loading the 45 MB data folder again (2.3 s of CPU a file).
   */
  embeddedClient?: { client: PGlite; release(client: PGlite): Promise<void> };
  /** Hears every statement sent and its parameters (TUIJIN_SQL_LOG): what the bench replays bare. */
  logQuery?: (query: string, params: unknown[]) => void;
}

const queryLogger = (opts: OpenOptions) => (opts.logQuery ? { logger: { logQuery: opts.logQuery } } : {});

/** Opens and migrates the database. The embedded default and a server take the same path. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const migrate = opts.migrate ?? true;
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 20,
      ...(opts.parallelWorkers === undefined ? {} : { options: `-c max_parallel_workers_per_gather=${opts.parallelWorkers}` }),
    });
    pool.on('error', () => {
      /* an idle client lost its connection: the pool replaces it */
    });
    const db = drizzlePg({ client: pool, schema, ...queryLogger(opts) }) as unknown as Db;
    const atStart = <T>(work: () => Promise<T>) => exclusivelyOnServer(opts.databaseUrl!, START_LOCK, work);
    if (migrate) await atStart(() => migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER }));
    const listeners = listening((channel, onNotify) => listenOnServer(opts.databaseUrl!, channel, onNotify));
    return {
      db,
      kind: 'server',
      ...linking(db),
      listen: listeners.listen,
      atStart,
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: async () => {
        await listeners.stopAll();
        await pool.end();
      },
    };
  }
  const release = opts.dataDir ? acquireDataLock(opts.dataDir) : () => {};
  try {
    // Loaded only for the embedded database: an instance on a PostgreSQL server never holds PGlite's code.
    const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite'), import('drizzle-orm/pglite/migrator')]);
    const lent = opts.embeddedClient;
    const client = lent ? lent.client : opts.dataDir ? new PGlite(path.join(opts.dataDir, 'pgdata')) : new PGlite(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
    await client.waitReady;
    const db = drizzlePglite({ client, schema, ...queryLogger(opts) }) as unknown as Db;
    if (migrate) await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    const listeners = listening((channel, onNotify) => listenEmbedded(client, channel, onNotify));
    return {
      db,
      kind: 'embedded',
      ...linking(db),
      listen: listeners.listen,
      atStart: (work) => work(),
      close: async () => {
        await listeners.stopAll();
        await (lent ? lent.release(client) : client.close());
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
