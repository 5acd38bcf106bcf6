// `npm run backup` and `npm run restore` on both databases: a backup taken while writes go on is one
// consistent snapshot, restores into an empty target with its rows, evidence files and audit chain
// verified, a damaged or altered archive is refused before anything is written, and the schedule's
// retention keeps the newest N. The embedded database is backed up the way a running server's must
// be: the command finds the folder held and asks the holder (SIGUSR2), which writes the backup.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { count, eq, like, sql } from 'drizzle-orm';
import pg from 'pg';
import { recordAudit } from '../server/audit.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { auditLog, auditPending, evidence, orgUnits } from '../server/db/schema/index.js';
import { listBackups } from '../server/db/backup/backupFiles.js';
import { backUp } from '../server/db/backup/backUp.js';
import { startBackupJob } from '../server/jobs/backupJob.js';
import { evidenceSha256, storeEvidence } from '../server/commands/reporting/storeEvidence.js';
import { makeRegion } from '../server/testing/factories.js';
import { readEmbeddedTemplate } from '../server/testing/embeddedTemplate.js';
import { createTestDatabase } from '../server/testing/serverTemplate.js';
import { TEST_DATABASE_URL } from '../server/testing/databases.js';
import { runBackup } from './backupRun.js';
import { runRestore } from './restoreRun.js';

const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `tuijin-${name}-`));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function buffer() {
  const lines: string[] = [];
  const out = { log: (...a: unknown[]) => void lines.push(a.join(' ')), error: (...a: unknown[]) => void lines.push(a.join(' ')) };
  return { out, text: () => lines.join('\n') };
}

/** A database on the test server: a migrated copy of the template, or an empty one. */
async function serverDatabase(migrated: boolean): Promise<string> {
  const name = `tuijin_bk_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  if (migrated) await createTestDatabase(admin, name);
  else await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A unit and its audit record in one transaction, as every write of the app: linked before it returns. */
async function auditedUnit(database: Database, regionId: string, code: string) {
  await database.db.transaction(async (tx) => {
    const [u] = await tx.insert(orgUnits).values({ code, name: `备份测试${code}`, kind: 'department', regionId }).returning();
    await recordAudit(tx, { actor: null, ip: null, requestId: 'backup-test' }, 'unit.created', { entity: 'unit', entityId: u!.id, after: { code } });
  });
  await database.linkAudit();
}

/** Some rows, two evidence files and linked audit records; then writes that go on until stopped. */
async function seed(database: Database) {
  const region = await makeRegion(database);
  for (let i = 0; i < 5; i++) await auditedUnit(database, region.id, `bk_seed_${i}`);
  const files = [Buffer.from('现场照片'), randomBytes(300_000)];
  await database.db.transaction(async (tx) => {
    for (const bytes of files) await storeEvidence(tx, { sha256: evidenceSha256(bytes), bytes, mime: 'application/octet-stream' }, null);
  });
  let stop = false;
  let written = 0;
  const writer = (async () => {
    while (!stop) {
      await auditedUnit(database, region.id, `bk_live_${written}`);
      written++;
      // Requests reach a server through I/O: the next write waits its turn behind timers and signals.
      await new Promise((r) => setImmediate(r));
    }
  })();
  return { files, writes: async () => ((stop = true), await writer, written) };
}

/** In the restored database, every unit the writer made has its audit record and the other way round: no write half in the snapshot. */
async function expectWholeWrites(url: string | undefined, dataDir: string | undefined) {
  const database = url ? await openDatabase({ databaseUrl: url, poolSize: 1, migrate: false }) : await openDatabase({ dataDir: dataDir!, migrate: false });
  try {
    const [units] = await database.db.select({ n: count() }).from(orgUnits).where(like(orgUnits.code, 'bk_%'));
    const [linked] = await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'unit.created'));
    const [staged] = await database.db.select({ n: count() }).from(auditPending).where(sql`${auditPending.bodyHead} || ${auditPending.bodyTail} like '%"unit.created"%'`);
    expect(units!.n).toBeGreaterThan(5);
    expect(linked!.n + staged!.n).toBe(units!.n);
    return { units: units!.n, files: (await database.db.select({ sha256: evidence.sha256 }).from(evidence)).map((f) => f.sha256).sort() };
  } finally {
    await database.close();
  }
}

describe('backup and restore on PostgreSQL', () => {
  it('backs up while the server writes, restores into an empty database and verifies it; refuses damaged archives and a used target', async () => {
    const url = await serverDatabase(true);
    const running = await openDatabase({ databaseUrl: url, poolSize: 4 });
    cleanups.push(() => running.close());
    const live = await seed(running);
    const dir = tmp('pg-backups');
    const env = { ...process.env, DATABASE_URL: url, DATA_DIR: tmp('pg-data'), TUIJIN_BACKUP_DIR: dir };
    await new Promise((r) => setTimeout(r, 200));
    const b = buffer();
    expect(await runBackup(env, b.out)).toBe(0);
    const written = await live.writes();
    expect(written).toBeGreaterThan(0);
    expect(b.text()).toMatch(/Backup written: .*tuijin-backup-.*\.tar\.gz/);
    const [backup] = listBackups(dir);

    const target = await serverDatabase(false);
    const r = buffer();
    expect(await runRestore(backup!.file, { ...process.env, DATABASE_URL: target, DATA_DIR: tmp('pg-restored') }, r.out), r.text()).toBe(0);
    expect(r.text()).toMatch(/✔ row counts: \d+ rows in \d+ tables/);
    expect(r.text()).toMatch(/✔ evidence files: 2, each hashing/);
    expect(r.text()).toMatch(/✔ audit chain intact/);
    const restored = await expectWholeWrites(target, undefined);
    expect(restored.files).toEqual(live.files.map(evidenceSha256).sort());

    // The target now holds a database: a second restore into it is refused.
    const again = buffer();
    expect(await runRestore(backup!.file, { ...process.env, DATABASE_URL: target }, again.out)).toBe(1);
    expect(again.text()).toMatch(/is not empty/);

    // One byte flipped: the archive's checksum names it; with the checksum file rewritten to match, the compression or an entry's hash does.
    const bytes = fs.readFileSync(backup!.file);
    const flipped = path.join(dir, 'flipped', path.basename(backup!.file));
    fs.mkdirSync(path.dirname(flipped));
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(flipped, bytes);
    fs.copyFileSync(`${backup!.file}.sha256`, `${flipped}.sha256`);
    const empty = await serverDatabase(false);
    const t1 = buffer();
    expect(await runRestore(flipped, { ...process.env, DATABASE_URL: empty }, t1.out)).toBe(1);
    expect(t1.text()).toMatch(/check failed: archive checksum/);
    const { createHash } = await import('node:crypto');
    fs.writeFileSync(`${flipped}.sha256`, `${createHash('sha256').update(bytes).digest('hex')}  ${path.basename(flipped)}\n`);
    const t2 = buffer();
    expect(await runRestore(flipped, { ...process.env, DATABASE_URL: empty }, t2.out)).toBe(1);
    expect(t2.text()).toMatch(/check failed: (gzip|tar|entry hash|manifest)/);
    // Nothing was written to the target.
    const c = new pg.Client({ connectionString: empty });
    await c.connect();
    const { rows } = await c.query(`select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`);
    await c.end();
    expect(rows[0].n).toBe(0);
  });

  it('keeps the newest N backups', async () => {
    const url = await serverDatabase(true);
    const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
    cleanups.push(() => database.close());
    const dir = tmp('keep');
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { result } = await backUp(database, { dir, source: 'test', keep: 2, databaseUrl: url, by: 'schedule' });
      made.push(result!.file);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(listBackups(dir).map((b) => b.file)).toEqual([made[3], made[2]]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.sha256'))).toHaveLength(2);
    const [audits] = await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'backup.created'));
    expect(audits!.n).toBe(4);
  });
});

describe('backup and restore on the embedded database', () => {
  it('asks the running server holding the folder for the backup, and restores it into an empty DATA_DIR', async () => {
    const dataDir = tmp('emb-data');
    // The migrated template as the running server's folder, when the global setup made one: initdb and the migrations cost seconds.
    const template = readEmbeddedTemplate();
    if (template) {
      const c = new PGlite(path.join(dataDir, 'pgdata'), { loadDataDir: template });
      await c.waitReady;
      await c.close();
    }
    const running = await openDatabase({ dataDir });
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await running.close();
    });
    const dir = tmp('emb-backups');
    // What server/main.ts does: this process holds the folder and answers SIGUSR2 with a backup.
    const job = startBackupJob(running, { schedule: { dir, atMinute: null, keep: 7 }, source: dataDir, log: () => {} });
    const onSignal = () => void job.runNow('signal');
    process.on('SIGUSR2', onSignal);
    try {
      const live = await seed(running);
      await new Promise((r) => setTimeout(r, 200));
      const b = buffer();
      expect(await runBackup({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, TUIJIN_BACKUP_DIR: dir }, b.out, { waitMs: 60_000 }), b.text()).toBe(0);
      expect(b.text()).toMatch(/held by running server pid \d+/);
      await live.writes();
    } finally {
      process.off('SIGUSR2', onSignal);
      await job.stop();
    }
    await running.close();
    closed = true;
    const [backup] = listBackups(dir);
    const target = tmp('emb-restored');
    const r = buffer();
    expect(await runRestore(backup!.file, { ...process.env, DATABASE_URL: '', DATA_DIR: target }, r.out), r.text()).toBe(0);
    expect(r.text()).toMatch(/✔ audit chain intact/);
    const restored = await expectWholeWrites(undefined, target);
    expect(restored.files).toHaveLength(2);
  }, 240_000);
});
