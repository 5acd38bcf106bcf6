// Test databases kept for the next test file of the same worker (vitest runs files one after
// another in a worker, sharing its modules: vitest.config.ts `isolate: false`). Loading the migrated
// template into a new embedded database costs about 2.3 s of CPU; copying the server template and
// dropping the copy about as much on the server. Putting a used one back to the template's state
// (server/testing/databaseReset.ts) costs a small part of that.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from '../db/client.js';
import { readEmbeddedTemplate } from './embeddedTemplate.js';
import { resetTo, takeSnapshot, type DatabaseSnapshot, type RunSql } from './databaseReset.js';
import { createTestDatabase } from './serverTemplate.js';

/** More than this many idle ones are closed: a file rarely holds more than two databases at once. */
const MAX_IDLE = 2;
/** A reset that waits longer than this (a lock some test left) gives up, and the database is thrown away. */
const RESET_TIMEOUT_MS = 15_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('reset timed out')), ms)))]).finally(() => clearTimeout(timer));
}

const embedded: { idle: PGlite[]; snapshot?: Promise<DatabaseSnapshot> } = { idle: [] };
const onPglite =
  (client: PGlite): RunSql =>
  async (text) => {
    const results = await client.exec(text);
    return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
  };

async function putBackEmbedded(client: PGlite): Promise<void> {
  const ok = await withTimeout(
    (async () => {
      // A transaction a test left open (rolled back: a warning when there is none), and the session's settings, listeners and locks.
      await client.exec('rollback; reset all; unlisten *; select pg_advisory_unlock_all();');
      return resetTo(onPglite(client), await embedded.snapshot!);
    })(),
    RESET_TIMEOUT_MS,
  ).catch(() => false);
  if (ok && embedded.idle.length < MAX_IDLE) embedded.idle.push(client);
  else void client.close().catch(() => {});
}

/** An embedded database as the migrations left it: a kept one, or a new one from the template. */
export async function lendEmbedded(): Promise<{ client: PGlite; release(client: PGlite): Promise<void> }> {
  let client = embedded.idle.pop();
  if (!client) {
    const template = readEmbeddedTemplate();
    client = new PGlite(template ? { loadDataDir: template } : {});
    await client.waitReady;
    // Without a template (a file run alone by path) the migrations run here, before the snapshot is read.
    const migrated = await openDatabase({ embeddedClient: { client, release: async () => {} } });
    await migrated.close();
    const c = client;
    embedded.snapshot ??= takeSnapshot(onPglite(c));
    await embedded.snapshot;
  }
  return { client, release: putBackEmbedded };
}

/** Names of this run's kept server databases start with this: the run's global teardown drops them (globalSetup.ts). */
export const serverPoolPrefix = (runPid: number) => `tuijin_pool_${runPid}_`;

const server: { idle: string[]; snapshot?: Promise<DatabaseSnapshot> } = { idle: [] };

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer<T>(url: string, work: (run: RunSql, c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const run: RunSql = async (text) => {
      const r = (await c.query(text)) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(r) ? r.at(-1)!.rows : r.rows) as Record<string, unknown>[];
    };
    return await work(run, c);
  } finally {
    await c.end().catch(() => {});
  }
}

async function dropServerDatabase(adminUrl: string, name: string): Promise<void> {
  await onServer(adminUrl, (run) => run(`drop database if exists ${name} with (force)`));
}

/**
 * A server database as the migrations left it: a kept one, or a new copy of the template. Its name
 * carries the run's process id (the vitest process that forked this worker).
 */
export async function lendServerDatabase(adminUrl: string): Promise<{ name: string; url: string }> {
  const kept = server.idle.pop();
  if (kept) return { name: kept, url: withDatabase(adminUrl, kept) };
  const name = `${serverPoolPrefix(process.ppid)}${randomBytes(6).toString('hex')}`;
  await onServer(adminUrl, (_, c) => createTestDatabase(c, name));
  const url = withDatabase(adminUrl, name);
  // Without a template (a file run alone by path) the copy is empty: migrated here, before the snapshot is read.
  const migrated = await openDatabase({ databaseUrl: url, poolSize: 1 });
  await migrated.close();
  server.snapshot ??= onServer(url, (run) => takeSnapshot(run));
  await server.snapshot;
  return { name, url };
}

/** After a test file: the database emptied back to the template's state and kept, or dropped. */
export async function giveBackServerDatabase(adminUrl: string, name: string): Promise<void> {
  const ok = await withTimeout(
    onServer(withDatabase(adminUrl, name), async (run) => {
      // Connections a test left open (a server process it started, a client it never ended) would hold locks.
      await run(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
      await run(`set lock_timeout = '5s'`);
      return resetTo(run, await server.snapshot!);
    }),
    RESET_TIMEOUT_MS,
  ).catch(() => false);
  if (ok && server.idle.length < MAX_IDLE) server.idle.push(name);
  else await dropServerDatabase(adminUrl, name);
}

/** The global teardown's part: every database this run kept, and those of runs that are gone. */
export async function dropPooledServerDatabases(adminUrl: string, runPid: number): Promise<void> {
  await onServer(adminUrl, async (run) => {
    const names = (await run(`select datname from pg_database where datname like 'tuijin\\_pool\\_%'`)).map((r) => String(r.datname));
    for (const name of names) {
      const pid = Number(name.split('_')[2]);
      let alive = pid !== runPid;
      if (alive) {
        try {
          process.kill(pid, 0);
        } catch {
          alive = false;
        }
      }
      if (!alive) await run(`drop database if exists ${name} with (force)`);
    }
  });
}
