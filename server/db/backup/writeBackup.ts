import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../client.js';
import { BACKUP_FORMAT, backupFileName, checksumFileOf, knownMigrationTags, MANIFEST_ENTRY, type BackupManifest } from './manifest.js';
import { tarStream, type TarEntry } from './tar.js';

/** Rows fetched from the cursor at a time, and the size at which a table's rows go into the next archive entry. */
const FETCH_ROWS = 2000;
const PART_BYTES = 8 * 1024 * 1024;

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  sha256: string;
  manifest: BackupManifest;
}

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(q: Promise<unknown>) => ((await q) as Rows<T>).rows;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function publicTables(db: Executor): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db.execute(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`),
  );
  return rows.map((r) => r.name);
}

export async function publicSequences(db: Executor): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db.execute(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S' order by c.relname`),
  );
  return rows.map((r) => r.name);
}

export async function appliedMigrations(db: Executor): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
  return Number(row?.n ?? 0);
}

/**
 * Every table's rows as JSON lines (`row_to_json`: the database writes each value in its own text
 * form, so exact decimals, timestamps and bytea (hex) come back unchanged through
 * `json_populate_recordset`), cut into entries of about PART_BYTES, read through a cursor so that
 * no table is held whole. The manifest, counted on the way, is the last entry.
 */
async function* entries(tx: Executor, manifest: BackupManifest): AsyncGenerator<TarEntry> {
  for (const name of await publicTables(tx)) {
    const table: BackupManifest['tables'][number] = { name, rows: 0, parts: [] };
    manifest.tables.push(table);
    await tx.execute(sql.raw(`declare backup_rows no scroll cursor for select row_to_json(t)::text as j from ${ident(name)} t`));
    let lines: string[] = [];
    let size = 0;
    const part = (): TarEntry => {
      const data = Buffer.from(lines.join(''), 'utf8');
      const entry = `data/${name}.${String(table.parts.length + 1).padStart(4, '0')}.ndjson`;
      table.parts.push({ entry, sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length });
      lines = [];
      size = 0;
      return { name: entry, data };
    };
    for (;;) {
      const rows = await rowsOf<{ j: string }>(tx.execute(sql.raw(`fetch forward ${FETCH_ROWS} from backup_rows`)));
      for (const r of rows) {
        lines.push(r.j, '\n');
        size += r.j.length + 1;
        table.rows++;
        if (size >= PART_BYTES) yield part();
      }
      if (rows.length < FETCH_ROWS) break;
    }
    if (lines.length) yield part();
    await tx.execute(sql.raw('close backup_rows'));
  }
  for (const name of await publicSequences(tx)) {
    const [s] = await rowsOf<{ last_value: string; is_called: boolean }>(tx.execute(sql.raw(`select last_value::text as last_value, is_called from ${ident(name)}`)));
    manifest.sequences.push({ name, lastValue: s!.last_value, isCalled: s!.is_called });
  }
  manifest.files = (await rowsOf<{ sha256: string; size: number }>(tx.execute(sql`select sha256, size from evidence order by sha256`))).map((f) => ({ sha256: f.sha256, size: Number(f.size) }));
  const [head] = await rowsOf<{ last_id: number; last_hash: string }>(tx.execute(sql`select last_id, last_hash from audit_head where id = 1`));
  manifest.audit = { lastId: Number(head?.last_id ?? 0), lastHash: head?.last_hash ?? '0'.repeat(64) };
  yield { name: MANIFEST_ENTRY, data: Buffer.from(JSON.stringify(manifest, null, 1), 'utf8') };
}

/**
 * Writes a backup of the database into `dir`: one gzip-compressed tar of every table's rows (the
 * evidence files among them) and a manifest, read in ONE read-only repeatable-read transaction, so
 * that writes committed meanwhile are either wholly in it or wholly out; then its SHA-256 beside it
 * (`<file>.sha256`). The archive appears under its final name only once complete, the checksum file
 * last: a backup without one is unfinished. On the embedded database the transaction holds the one
 * connection, so requests wait for the backup's read (see README "Backups").
 */
export async function writeBackup(database: Pick<Database, 'db' | 'kind'>, opts: { dir: string; source: string; at?: Date }): Promise<BackupResult> {
  const started = performance.now();
  const at = opts.at ?? new Date();
  fs.mkdirSync(opts.dir, { recursive: true });
  const file = path.join(opts.dir, backupFileName(at));
  const partial = `${file}.partial`;
  const hash = createHash('sha256');
  let bytes = 0;
  const manifest = await database.db.transaction(
    async (tx) => {
      const tags = knownMigrationTags();
      const count = await appliedMigrations(tx);
      const m: BackupManifest = {
        format: BACKUP_FORMAT,
        version: 1,
        createdAt: at.toISOString(),
        source: { kind: database.kind, name: opts.source },
        migrations: { count, last: tags[count - 1] ?? null },
        tables: [],
        sequences: [],
        files: [],
        audit: { lastId: 0, lastHash: '' },
      };
      const counted = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      try {
        await pipeline(Readable.from(tarStream(entries(tx, m), at)), zlib.createGzip({ level: 6 }), counted, fs.createWriteStream(partial, { mode: 0o600 }));
      } catch (e) {
        fs.rmSync(partial, { force: true });
        throw e;
      }
      return m;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const sha256 = hash.digest('hex');
  fs.renameSync(partial, file);
  const sumTmp = `${checksumFileOf(file)}.partial`;
  fs.writeFileSync(sumTmp, `${sha256}  ${path.basename(file)}\n`, { mode: 0o600 });
  fs.renameSync(sumTmp, checksumFileOf(file));
  return { file, bytes, ms: Math.round(performance.now() - started), sha256, manifest };
}
