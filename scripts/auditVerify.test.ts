import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { recordAudit, verifyAuditChain } from '../server/audit.js';
import { checkpointLine, readCheckpoints, startAuditCheckpoints } from '../server/auditCheckpoints.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { auditHead, auditLog } from '../server/db/schema/index.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../server/testing/databases.js';
import { rewriteAsSuperuser } from '../server/testing/auditTamper.js';
import { createServerDatabase, ROOT } from './serverProcess.js';
import { runAuditVerify } from './auditVerifyRun.js';


/** Runs `npm run audit:verify` (the compiled command, as an operator runs it) with the given database settings. */
type VerifyEnv = { DATABASE_URL?: string; DATA_DIR?: string; TUIJIN_AUDIT_KEY?: string; TUIJIN_AUDIT_CHECKPOINTS?: string };
function auditVerify(env: VerifyEnv): Promise<{ code: number | null; out: string }> {
  const base = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATA_DIR', 'TUIJIN_AUDIT_KEY', 'TUIJIN_AUDIT_KEY_FILE', 'TUIJIN_AUDIT_CHECKPOINTS']) delete base[k];
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/operator.mjs', 'auditVerify'], { cwd: ROOT, env: { ...base, ...env }, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });
}

/**
 * The same check in this process (scripts/auditVerify.ts only adds the exit): a spawned process costs
 * seconds, so only the cases about the command as a process (its exit codes, a lock left by a dead
 * process) spawn it.
 */
async function auditVerifyHere(env: VerifyEnv): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const say = (...a: unknown[]) => lines.push(a.map(String).join(' '));
  const code = await runAuditVerify({ ...env }, { log: say, warn: say, error: say });
  return { code, out: lines.join('\n') };
}

async function writeRecords(database: Database, n: number) {
  for (let i = 0; i < n; i++) {
    await database.db.transaction((tx) =>
      recordAudit(tx, { actor: null, ip: '127.0.0.1', requestId: `t${i}` }, 'test.recorded', { entity: 'test', entityId: null, after: { i, text: '留痕' } }),
    );
    // As the server does after every write's commit.
    await database.linkAudit();
  }
}

const tamper = async (database: Database) => {
  await database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
  await database.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE id = 2`);
};

/** Records written as the server writes them, with a checkpoint after each batch (as the server's timer would). */
async function writeWithCheckpoints(database: Database, key: Buffer, file: string, batches: number[]) {
  const cp = startAuditCheckpoints(database, { key, file, intervalMs: 3_600_000, log: () => {} });
  for (const n of batches) {
    await writeRecords(database, n);
    await cp.now();
  }
  await cp.stop();
}

const KEY = 'k'.repeat(16) + randomBytes(16).toString('hex');

describe.each(DATABASE_KINDS)('a rewritten and rehashed audit log on %s', { timeout: 120_000 }, (kind) => {
  let dir: string;
  let t: TestDatabase | undefined;
  let database: Database;
  let env: VerifyEnv;
  const file = () => path.join(dir, 'audit-checkpoints.log');
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-audit-key-'));
    if (kind === 'postgres') {
      t = await openTestDatabase('postgres');
      database = t.database;
      env = { DATABASE_URL: t.url!, TUIJIN_AUDIT_KEY: KEY, TUIJIN_AUDIT_CHECKPOINTS: file() };
    } else {
      // The embedded default: the key and the checkpoints are found in DATA_DIR.
      database = await openDatabase({ dataDir: dir });
      fs.writeFileSync(path.join(dir, 'audit.key'), KEY, { mode: 0o600 });
      env = { DATA_DIR: dir };
    }
    await writeWithCheckpoints(database, Buffer.from(KEY), file(), [2, 4, 3]);
  });
  afterAll(async () => {
    if (t) await t.drop();
    else await database?.close().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  });
  // The embedded folder can be opened by one process at a time: the command runs while it is closed.
  const verify = async (e: VerifyEnv = env) => {
    if (!t) await database.close();
    try {
      return await auditVerifyHere(e);
    } finally {
      if (!t) database = await openDatabase({ dataDir: dir });
    }
  };

  it('passes through every checkpoint while nothing was changed', async () => {
    const ok = await verify();
    expect(ok.out).toContain('Audit chain intact: 9 records');
    expect(ok.out).toMatch(/passes through 3 checkpoint\(s\), the last at record 9/);
    expect(ok.code).toBe(0);
  });

  it('names the rewritten stretch although every hash was recomputed, and a line forged without the key', async () => {
    await rewriteAsSuperuser(database, 4);
    // The chain alone is fooled: this is what audit:verify said before the checkpoints.
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true, checked: 9 });
    const bad = await verify();
    expect(bad.out).toContain('Audit chain BROKEN at record 3 (checkpoint)');
    expect(bad.out).toContain('a record from 3 to 6 was rewritten');
    expect(bad.code).toBe(1);

    // The superuser cannot write a checkpoint for the new chain: without the key its MAC does not hold.
    const [head] = await database.db.select().from(auditHead);
    fs.appendFileSync(file(), checkpointLine(Buffer.from('a guess at the key, 32 characters long'), head!.lastId, head!.lastHash));
    const forged = await verify();
    expect(forged.out).toContain(`line(s) 4 of ${file()} do not carry a valid HMAC`);
    expect(forged.code).toBe(1);
  });

  it('cannot check checkpoints without the key, and says so (exit code 2)', async () => {
    // DATA_DIR: where the key would be found by default, a folder holding none (not the working tree's ./data).
    const noKey = kind === 'postgres' ? { DATABASE_URL: env.DATABASE_URL!, DATA_DIR: path.join(dir, 'no-key'), TUIJIN_AUDIT_CHECKPOINTS: file() } : { DATA_DIR: dir, TUIJIN_AUDIT_KEY: '' };
    if (kind === 'embedded') fs.renameSync(path.join(dir, 'audit.key'), path.join(dir, 'audit.key.away'));
    try {
      const r = await verify(noKey);
      expect(r.out).toContain('there is no audit key to check them');
      expect(r.code).toBe(2);
    } finally {
      if (kind === 'embedded') fs.renameSync(path.join(dir, 'audit.key.away'), path.join(dir, 'audit.key'));
    }
  });
});

describe.each(DATABASE_KINDS)('a truncated audit log on %s', (kind) => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-audit-cut-'));
  });
  afterAll(async () => {
    await t?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports records removed and the head set back, below a checkpoint', async () => {
    const file = path.join(dir, 'audit-checkpoints.log');
    await writeWithCheckpoints(t.database, Buffer.from(KEY), file, [3, 2]);
    const { checkpoints } = readCheckpoints(file, Buffer.from(KEY));
    expect(checkpoints.map((c) => c.id)).toEqual([3, 5]);
    const db = t.database.db;
    const [third] = await db.select().from(auditLog).where(eq(auditLog.id, 3));
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await db.execute(sql`DELETE FROM audit_log WHERE id > 3`);
    await db.execute(sql`UPDATE audit_head SET last_id = 3, last_hash = ${third!.hash} WHERE id = 1`);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
    expect(await verifyAuditChain(db, 2000, checkpoints)).toMatchObject({ intact: false, reason: 'truncated', firstBrokenId: '4', checkpoint: { id: 5 } });
  });
});

// The cases that spawn the command (a Node process, and PGlite for the embedded case): generous limits for a busy machine.
describe('npm run audit:verify on PostgreSQL', { timeout: 120_000 }, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    await writeRecords(t.database, 4);
  });
  afterAll(() => t?.drop());

  it('reports an intact chain with exit code 0, then a tampered record 2 with exit code 1', async () => {
    const ok = await auditVerify({ DATABASE_URL: t.url! });
    expect(ok.out).toContain('Audit chain intact: 4 records');
    expect(ok.code).toBe(0);

    await tamper(t.database);
    const bad = await auditVerify({ DATABASE_URL: t.url! });
    expect(bad.out).toContain('Audit chain BROKEN at record 2 (content)');
    expect(bad.code).toBe(1);
  });

  it('refuses a database that was never migrated, and leaves it untouched', async () => {
    const empty = await createServerDatabase('tuijin_test');
    try {
      const r = await auditVerifyHere({ DATABASE_URL: empty.url });
      expect(r.code).toBe(2);
      expect(r.out).toContain('no Tuijin schema');
      const c = new pg.Client({ connectionString: empty.url });
      await c.connect();
      const { rows } = await c.query(`select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`);
      await c.end();
      expect(rows[0].n).toBe(0);
    } finally {
      await empty.drop();
    }
  });
});

describe('npm run audit:verify on the embedded database', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-audit-'));
    const database = await openDatabase({ dataDir: dir });
    await writeRecords(database, 3);
    await database.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports an intact chain with exit code 0, taking over a dead process\'s lock and releasing the folder', async () => {
    // A lock left by a killed server (its pid no longer runs) does not stop the check.
    const dead = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((r) => dead.once('exit', r));
    fs.writeFileSync(path.join(dir, 'tuijin.lock'), String(dead.pid));
    const r = await auditVerify({ DATA_DIR: dir });
    expect(r.out).toContain('Audit chain intact: 3 records');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'tuijin.lock'))).toBe(false);
  });

  it('refuses to open the folder while a live process holds it', async () => {
    // A sleeping child stands in for a running server: its pid is in the lock file.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(dir, 'tuijin.lock'), String(holder.pid));
      const r = await auditVerifyHere({ DATA_DIR: dir });
      expect(r.code).toBe(2);
      expect(r.out).toContain(`held by running server pid ${holder.pid}`);
      expect(r.out).toContain("auditor's page");
      // The holder's lock is left alone.
      expect(fs.readFileSync(path.join(dir, 'tuijin.lock'), 'utf8')).toBe(String(holder.pid));
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
      fs.rmSync(path.join(dir, 'tuijin.lock'), { force: true });
    }
  });

  it('names record 2 after tampering (exit code 1)', async () => {
    const database = await openDatabase({ dataDir: dir });
    try {
      await tamper(database);
    } finally {
      await database.close();
    }
    const r = await auditVerifyHere({ DATA_DIR: dir });
    expect(r.out).toContain('Audit chain BROKEN at record 2 (content)');
    expect(r.code).toBe(1);
  });

  it('does not create a database in a folder that has none', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-audit-empty-'));
    try {
      const r = await auditVerifyHere({ DATA_DIR: empty });
      expect(r.code).toBe(2);
      expect(r.out).toContain('No embedded database');
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe.each(DATABASE_KINDS)('verifyAuditChain (also behind the auditor\'s page) on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t?.drop());

  it('raises no false alarm while records are appended', async () => {
    // Before the head was read first, a commit between the walk and the head read was reported as
    // "truncated" (16 of 40 checks during a stream of writes on PostgreSQL).
    // A bounded stream (6 writers, 300 records) so that the walk, which the writers slow down, ends.
    let i = 0;
    let writing = true;
    const writers = Promise.all(
      Array.from({ length: 6 }, async () => {
        while (i < 300) {
          await t.database.db.transaction((tx) => recordAudit(tx, { actor: null, ip: null, requestId: `w${i++}` }, 'test.concurrent', { entity: 'test' }));
          await t.database.linkAudit();
        }
      }),
    ).finally(() => (writing = false));
    const results = [];
    while (writing) results.push(await verifyAuditChain(t.database.db, 25));
    await writers;
    expect(results.filter((r) => !r.intact)).toEqual([]);
    expect(results.length).toBeGreaterThan(2);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ intact: true, checked: i });
  });

  it('still reports a record appended without going through the head', async () => {
    const [head] = await t.database.db.select().from(auditHead);
    const id = head!.lastId + 1;
    await t.database.db.insert(auditLog).values({ id, at: new Date(), action: 'forged', entity: 'test', prevHash: head!.lastHash, hash: 'f'.repeat(64) });
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ intact: false, firstBrokenId: String(id), reason: 'truncated' });
  });
});

