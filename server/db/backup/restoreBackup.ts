import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { verifyAuditChain } from '../../audit.js';
import { MIGRATIONS_FOLDER, openDatabase, type Database, type Executor } from '../client.js';
import { MANIFEST_ENTRY, type BackupManifest } from './manifest.js';
import { archiveEntries, BackupCheckError, checkBackup } from './readBackup.js';
import { publicTables } from './writeBackup.js';

/** JSON handed to one insert: big enough to keep statements few, small enough for the embedded database's memory. */
const BATCH_BYTES = 2 * 1024 * 1024;

export interface RestoreTarget {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

export interface RestoreSummary {
  manifest: BackupManifest;
  where: string;
  rows: number;
  tables: number;
  files: number;
  auditRecords: number;
  ms: number;
}

/** Thrown when the target holds anything: a restore never mixes a backup with other data. */
export class TargetNotEmptyError extends Error {}

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(q: Promise<unknown>) => ((await q) as Rows<T>).rows;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function openEmptyTarget(target: RestoreTarget): Promise<{ database: Database; where: string }> {
  if (target.databaseUrl) {
    const u = new URL(target.databaseUrl);
    const where = `PostgreSQL database ${u.pathname.slice(1) || '(default)'} on ${u.hostname}${u.port ? `:${u.port}` : ''}`;
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'S', 'v', 'm')`,
      );
      if (rows[0]!.n > 0) throw new TargetNotEmptyError(`The ${where} is not empty (it has tables): restore only into a newly created database (createdb), never over one in use.`);
    } finally {
      await client.end();
    }
    return { database: await openDatabase({ databaseUrl: target.databaseUrl, poolSize: 2, migrate: false }), where };
  }
  const dir = path.resolve(target.dataDir ?? './data');
  const pgdata = path.join(dir, 'pgdata');
  if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
    throw new TargetNotEmptyError(`${dir} already holds an embedded database (${pgdata}): restore into a new, empty DATA_DIR.`);
  }
  return { database: await openDatabase({ dataDir: dir, migrate: false }), where: `embedded database in ${dir}` };
}

/** Applies the code's first `count` migrations only: the backup's rows fit its own schema; the server's next start migrates the rest. */
async function migrateTo(database: Database, count: number) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-restore-migrations-'));
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.slice(0, count);
    fs.mkdirSync(path.join(tmp, 'meta'));
    fs.writeFileSync(path.join(tmp, 'meta', '_journal.json'), JSON.stringify(journal));
    for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(tmp, `${e.tag}.sql`));
    if (database.kind === 'server') await migratePg(database.db as never, { migrationsFolder: tmp });
    else await migratePglite(database.db as never, { migrationsFolder: tmp });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function insertBatch(tx: Executor, table: string, columns: string, lines: string[]) {
  const t = ident(table);
  await tx.execute(sql`insert into ${sql.raw(t)} (${sql.raw(columns)}) overriding system value select ${sql.raw(columns)} from json_populate_recordset(null::${sql.raw(t)}, ${`[${lines.join(',')}]`}::json)`);
}

/**
 * Loads every table in one transaction: the foreign keys are dropped first (so that order, and
 * rows referring to rows of their own table, do not matter) and added back at the end, which checks
 * every reference; what the migrations seeded is emptied first, the backup holds it as it was.
 * Each entry is hashed again as it is read: an archive changed since `checkBackup` rolls it all back.
 */
async function load(database: Database, file: string, manifest: BackupManifest) {
  const tableOf = new Map<string, { name: string; sha256: string }>();
  for (const t of manifest.tables) for (const p of t.parts) tableOf.set(p.entry, { name: t.name, sha256: p.sha256 });
  await database.db.transaction(async (tx) => {
    const tables = await publicTables(tx);
    const missing = manifest.tables.map((t) => t.name).filter((n) => !tables.includes(n));
    if (missing.length) throw new BackupCheckError('schema level', `tables of the backup that its schema level does not make: ${missing.join(', ')}`);
    const fks = await rowsOf<{ tbl: string; name: string; def: string }>(
      tx.execute(sql`select c.relname as tbl, k.conname as name, pg_get_constraintdef(k.oid) as def from pg_constraint k join pg_class c on c.oid = k.conrelid
        join pg_namespace n on n.oid = c.relnamespace where k.contype = 'f' and n.nspname = 'public' order by c.relname, k.conname`),
    );
    for (const fk of fks) await tx.execute(sql.raw(`alter table ${ident(fk.tbl)} drop constraint ${ident(fk.name)}`));
    if (tables.length) await tx.execute(sql.raw(`truncate table ${tables.map(ident).join(', ')}`));
    const columns = new Map<string, string>();
    for (const t of tables) {
      const cols = await rowsOf<{ name: string }>(
        tx.execute(sql`select attname as name from pg_attribute where attrelid = ${ident(t)}::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`),
      );
      columns.set(t, cols.map((c) => ident(c.name)).join(', '));
    }
    for await (const e of archiveEntries(file)) {
      if (e.name === MANIFEST_ENTRY) continue;
      const owner = tableOf.get(e.name);
      if (!owner || owner.sha256 !== e.sha256) throw new BackupCheckError('entry hash', `${e.name} changed since the archive was checked`);
      let batch: string[] = [];
      let size = 0;
      for (const line of e.data.toString('utf8').split('\n')) {
        if (!line) continue;
        batch.push(line);
        size += line.length;
        if (size >= BATCH_BYTES) {
          await insertBatch(tx, owner.name, columns.get(owner.name)!, batch);
          batch = [];
          size = 0;
        }
      }
      if (batch.length) await insertBatch(tx, owner.name, columns.get(owner.name)!, batch);
    }
    for (const fk of fks) await tx.execute(sql.raw(`alter table ${ident(fk.tbl)} add constraint ${ident(fk.name)} ${fk.def}`));
    for (const s of manifest.sequences) await tx.execute(sql`select setval(${ident(s.name)}, ${s.lastValue}::bigint, ${s.isCalled})`);
  });
}

/** Thrown when the restored database does not match the backup: the check and what differed. */
export class RestoreVerifyError extends Error {}

/** Row counts, evidence files and the audit chain of the restored database against the manifest. */
async function verify(database: Database, manifest: BackupManifest): Promise<{ rows: number; auditRecords: number }> {
  return database.db.transaction(
    async (tx) => {
      let rows = 0;
      const wrong: string[] = [];
      for (const t of manifest.tables) {
        const [c] = await rowsOf<{ n: string }>(tx.execute(sql.raw(`select count(*)::text as n from ${ident(t.name)}`)));
        if (Number(c!.n) !== t.rows) wrong.push(`${t.name}: ${c!.n} rows, the backup has ${t.rows}`);
        rows += Number(c!.n);
      }
      if (wrong.length) throw new RestoreVerifyError(`row counts differ from the backup's — ${wrong.join('; ')}`);
      const files = await rowsOf<{ sha256: string; size: number; ok: boolean }>(
        tx.execute(sql`select sha256, size, encode(sha256(content), 'hex') = sha256 and length(content) = size as ok from evidence order by sha256`),
      );
      const bad = files.filter((f) => !f.ok).map((f) => f.sha256);
      if (bad.length) throw new RestoreVerifyError(`evidence files whose content does not hash to their SHA-256: ${bad.slice(0, 5).join(', ')}`);
      const want = manifest.files.map((f) => `${f.sha256}:${f.size}`).join(',');
      if (files.map((f) => `${f.sha256}:${Number(f.size)}`).join(',') !== want) throw new RestoreVerifyError('the evidence files differ from the list in the backup');
      const chain = await verifyAuditChain(tx, 2000);
      if (!chain.intact) throw new RestoreVerifyError(`audit chain broken at record ${chain.firstBrokenId} (${chain.reason})`);
      const [head] = await rowsOf<{ last_id: number; last_hash: string }>(tx.execute(sql`select last_id, last_hash from audit_head where id = 1`));
      if (Number(head?.last_id ?? 0) !== manifest.audit.lastId || (head?.last_hash ?? '') !== manifest.audit.lastHash) {
        throw new RestoreVerifyError(`audit chain head is record ${head?.last_id}, the backup's is ${manifest.audit.lastId}`);
      }
      return { rows, auditRecords: chain.checked };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * `npm run restore -- FILE`: checks the archive (nothing written when it fails), refuses a target
 * that holds anything, migrates it to the backup's schema level, loads the rows, and verifies row
 * counts, evidence hashes and the audit chain against the backup's manifest.
 */
export async function restoreBackup(file: string, target: RestoreTarget): Promise<RestoreSummary> {
  const started = performance.now();
  const manifest = await checkBackup(file);
  const { database, where } = await openEmptyTarget(target);
  try {
    await migrateTo(database, manifest.migrations.count);
    await load(database, file, manifest);
    const checked = await verify(database, manifest);
    return { manifest, where, rows: checked.rows, tables: manifest.tables.length, files: manifest.files.length, auditRecords: checked.auditRecords, ms: Math.round(performance.now() - started) };
  } finally {
    await database.close();
  }
}
