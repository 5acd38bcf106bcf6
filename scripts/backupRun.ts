// `npm run backup` (scripts/backup.ts) as a function the tests call in-process: writes a backup of
// DATABASE_URL, or of the embedded database in DATA_DIR — through the running server when one holds
// the folder (SIGUSR2; it writes into its TUIJIN_BACKUP_DIR and says how it went in a status file).
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { dataLockHolder } from '../server/db/dataLock.js';
import { backupSource, backUp } from '../server/db/backup/backUp.js';
import { STATUS_FILE, type BackupStatus } from '../server/jobs/backupJob.js';

export type Output = Pick<Console, 'log' | 'error'>;

const MB = 1024 * 1024;
const describe = (file: string, bytes: number, ms: number) => `✔ Backup written: ${file} (${(bytes / MB).toFixed(1)} MB in ${(ms / 1000).toFixed(1)} s); checksum in ${path.basename(file)}.sha256`;

/** Asks the server holding the data folder for a backup and waits for its status file to report it. */
async function throughServer(pid: number, dir: string, out: Output, waitMs: number): Promise<number> {
  const statusFile = path.join(dir, STATUS_FILE);
  const asked = Date.now();
  out.log(`The embedded database is held by running server pid ${pid}: asking it for the backup (SIGUSR2); it writes into ${dir}.`);
  process.kill(pid, 'SIGUSR2');
  while (Date.now() - asked < waitMs) {
    await new Promise((r) => setTimeout(r, 100));
    let status: BackupStatus;
    try {
      status = JSON.parse(fs.readFileSync(statusFile, 'utf8')) as BackupStatus;
    } catch {
      continue;
    }
    if (status.by !== 'signal' || status.startedAt < asked - 1000) continue;
    if (!status.ok) {
      out.error(`✖ The server's backup failed: ${status.error}`);
      return 1;
    }
    out.log(describe(status.file!, status.bytes!, status.ms!));
    return 0;
  }
  out.error(`✖ No answer from server pid ${pid} in ${waitMs / 1000} s. Its log says why; check that it runs with the same TUIJIN_BACKUP_DIR (${dir}).`);
  return 1;
}

export async function runBackup(env: NodeJS.ProcessEnv, out: Output, opts: { waitMs?: number } = {}): Promise<number> {
  const config = loadConfig(env);
  const dir = config.backup.dir;
  if (!config.databaseUrl) {
    if (!fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'))) {
      out.error(`✖ No embedded database in ${config.dataDir} (set DATA_DIR, or DATABASE_URL for a PostgreSQL server).`);
      return 1;
    }
    const holder = dataLockHolder(config.dataDir);
    if (holder !== undefined) return throughServer(holder, dir, out, opts.waitMs ?? 30 * 60_000);
  }
  const database = config.databaseUrl ? await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 2, migrate: false }) : await openDatabase({ dataDir: config.dataDir, migrate: false });
  try {
    const { result } = await backUp(database, { dir, source: backupSource(config), databaseUrl: config.databaseUrl, by: 'command' });
    const r = result!;
    const rows = r.manifest.tables.reduce((n, t) => n + t.rows, 0);
    out.log(describe(r.file, r.bytes, r.ms));
    out.log(`  ${rows} rows in ${r.manifest.tables.length} tables, ${r.manifest.files.length} evidence files, audit chain to record ${r.manifest.audit.lastId}, schema at migration ${r.manifest.migrations.count}`);
    return 0;
  } finally {
    await database.close();
  }
}
