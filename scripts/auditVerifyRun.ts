// The check behind `npm run audit:verify` (scripts/auditVerify.ts): the audit hash chain and the keyed
// checkpoints, read-only, as an exit code (0 intact, 1 broken, 2 could not check) and printed lines.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { quarantinedAuditRecords, quarantineNotice, verifyAuditChain, type VerifyResult } from '../server/audit.js';
import { loadAuditKey, readCheckpoints, type CheckpointFile } from '../server/auditCheckpoints.js';
import { loadConfig, type Config } from '../server/config.js';
import { MIGRATIONS_FOLDER, openDatabase, type Database } from '../server/db/client.js';
import { DataLockedError, dataLockHolder } from '../server/db/dataLock.js';

const CANNOT_CHECK = 2;

function heldMessage(dir: string, pid: number) {
  return (
    `✖ The data folder ${dir} is held by running server pid ${pid}: it cannot be opened a second time.\n` +
    `  Use the auditor's page instead (/audit → 校验日志链 "Verify the chain"; API: GET /api/audit/verify), or stop the server and run this again.`
  );
}

/** Migrations the code knows about, from drizzle's journal. */
function knownMigrations(): number {
  const journal = path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json');
  return (JSON.parse(fs.readFileSync(journal, 'utf8')) as { entries: unknown[] }).entries.length;
}

async function open(config: Config): Promise<{ database: Database; where: string } | string> {
  if (config.databaseUrl) {
    const u = new URL(config.databaseUrl);
    const where = `PostgreSQL database ${u.pathname.slice(1) || '(default)'} on ${u.hostname}${u.port ? `:${u.port}` : ''}`;
    return { database: await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 1, migrate: false }), where };
  }
  const dir = config.dataDir;
  // Opening a missing folder would create (initdb) a new database: refuse instead.
  if (!fs.existsSync(path.join(dir, 'pgdata', 'PG_VERSION'))) return `✖ No embedded database in ${dir} (set DATA_DIR, or DATABASE_URL for a PostgreSQL server).`;
  const holder = dataLockHolder(dir);
  if (holder !== undefined) return heldMessage(dir, holder);
  try {
    return { database: await openDatabase({ dataDir: dir, migrate: false }), where: `embedded database in ${dir}` };
  } catch (e) {
    // A server started between the check and our own lock.
    if (e instanceof DataLockedError) return heldMessage(dir, e.pid);
    throw e;
  }
}

/** The checkpoints, authenticated; a string is a reason the check cannot be made. */
function checkpoints(config: Config): { file: CheckpointFile | null; notes: string[] } | string {
  const file = config.auditCheckpointFile;
  const key = loadAuditKey(config, { create: false });
  if (!key) {
    if (fs.existsSync(file)) return `✖ ${file} holds audit checkpoints, but there is no audit key to check them (set TUIJIN_AUDIT_KEY, or TUIJIN_AUDIT_KEY_FILE; default ${config.auditKeyFile}).`;
    return {
      file: null,
      notes: [
        `! No audit key and no checkpoints (${file}): only the hash links were checked. Someone able to write the database could rewrite a record and recompute every hash after it; keyed checkpoints are what would show it.`,
      ],
    };
  }
  const read = readCheckpoints(file, key.key);
  const notes = key.warning ? [key.warning] : [];
  if (read.cutShort) notes.push(`! ${file} holds a line cut short (a crash while writing it): ignored.`);
  if (!read.checkpoints.length && !read.forged.length) notes.push(`! No checkpoints in ${file} yet: the server writes one every few seconds while records are added, and at shutdown.`);
  return { file: read, notes };
}

function report(out: VerifyOutput, result: VerifyResult, where: string, cp: CheckpointFile | null, checkpointFile: string): number {
  if (cp?.forged.length) {
    out.log(`Audit checkpoints BROKEN: line(s) ${cp.forged.join(', ')} of ${checkpointFile} do not carry a valid HMAC under the audit key (forged or altered)`);
    return 1;
  }
  if (result.intact) {
    const last = cp?.checkpoints.reduce((a, c) => (c.id > a.id ? c : a), cp.checkpoints[0]!);
    const through = cp && last ? `; passes through ${result.checkpointsMatched} checkpoint(s), the last at record ${last.id} (${last.at})` : '';
    out.log(`Audit chain intact: ${result.checked} records (${where})${through}`);
    return 0;
  }
  out.log(`Audit chain BROKEN at record ${result.firstBrokenId} (${result.reason}); ${result.checked} records before it are intact (${where})`);
  if (result.reason === 'checkpoint' && result.checkpoint) {
    out.log(
      `  The checkpoint of record ${result.checkpoint.id} written at ${result.checkpoint.at} no longer matches: a record from ${result.firstBrokenId} to ${result.checkpoint.id} was rewritten and the hashes after it recomputed.`,
    );
  }
  if (result.reason === 'truncated' && result.checkpoint) {
    out.log(`  A checkpoint of record ${result.checkpoint.id} was written at ${result.checkpoint.at}, but the chain now ends before it: records were removed.`);
  }
  return 1;
}

/** What the check prints: console in the command, a buffer in the tests. */
export type VerifyOutput = Pick<Console, 'log' | 'warn' | 'error'>;

/** `npm run audit:verify` with these settings, printing to `out`; resolves to its exit code. */
export async function runAuditVerify(env: NodeJS.ProcessEnv, out: VerifyOutput): Promise<number> {
  const config = loadConfig(env);
  // Read before the database's snapshot: every checkpoint read is then of a head the snapshot holds.
  const cp = checkpoints(config);
  if (typeof cp === 'string') {
    out.error(cp);
    return CANNOT_CHECK;
  }
  for (const n of cp.notes) out.warn(n);
  const opened = await open(config);
  if (typeof opened === 'string') {
    out.error(opened);
    return CANNOT_CHECK;
  }
  const { database, where } = opened;
  try {
    const applied = await database.db
      .execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
      .then((r) => Number((r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0))
      .catch(() => null);
    if (applied === null) {
      out.error(`✖ The ${where} has no Tuijin schema (never started?): nothing to verify.`);
      return CANNOT_CHECK;
    }
    const known = knownMigrations();
    if (applied < known) out.warn(`! The ${where} is ${known - applied} migration(s) behind this code; start the server once to migrate it.`);
    // One read-only snapshot: a server writing meanwhile (PostgreSQL) cannot make the head and the
    // records disagree, and nothing can be written by mistake.
    const list = cp.file?.checkpoints;
    const { result, quarantined } = await database.db.transaction(
      async (tx) => ({
        result: await verifyAuditChain(tx, 2000, list),
        // Before the quarantine table existed there was nothing to list.
        quarantined: applied >= 13 ? quarantineNotice(await quarantinedAuditRecords(tx)) : null,
      }),
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    if (quarantined) out.warn(quarantined);
    return report(out, result, where, cp.file, config.auditCheckpointFile);
  } finally {
    await database.close();
  }
}

