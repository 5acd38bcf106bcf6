// `npm run audit:verify`: checks the audit hash chain of the database named by DATABASE_URL, or of
// the embedded database in DATA_DIR (default ./data). Reads only: never migrates, never writes.
// Exit codes: 0 intact, 1 broken, 2 could not check (folder in use, no database, not migrated).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { verifyAuditChain } from '../server/audit.js';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/client.js';
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
  const journal = fileURLToPath(new URL('../server/db/migrations/meta/_journal.json', import.meta.url));
  return (JSON.parse(fs.readFileSync(journal, 'utf8')) as { entries: unknown[] }).entries.length;
}

async function open(): Promise<{ database: Database; where: string } | string> {
  const config = loadConfig();
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

async function main(): Promise<number> {
  const opened = await open();
  if (typeof opened === 'string') {
    console.error(opened);
    return CANNOT_CHECK;
  }
  const { database, where } = opened;
  try {
    const applied = await database.db
      .execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
      .then((r) => Number((r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0))
      .catch(() => null);
    if (applied === null) {
      console.error(`✖ The ${where} has no Tuijin schema (never started?): nothing to verify.`);
      return CANNOT_CHECK;
    }
    const known = knownMigrations();
    if (applied < known) console.warn(`! The ${where} is ${known - applied} migration(s) behind this code; start the server once to migrate it.`);
    // One read-only snapshot: a server writing meanwhile (PostgreSQL) cannot make the head and the
    // records disagree, and nothing can be written by mistake.
    const result = await database.db.transaction((tx) => verifyAuditChain(tx), { isolationLevel: 'repeatable read', accessMode: 'read only' });
    if (result.intact) {
      console.log(`Audit chain intact: ${result.checked} records (${where})`);
      return 0;
    }
    console.log(`Audit chain BROKEN at record ${result.firstBrokenId} (${result.reason}); ${result.checked} records before it are intact (${where})`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('✖ audit:verify failed:', e instanceof Error ? e.message : e);
    process.exit(CANNOT_CHECK);
  },
);
