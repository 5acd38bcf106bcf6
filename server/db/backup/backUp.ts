import { NO_UNIT, recordAudit } from '../../audit.js';
import type { Database } from '../client.js';
import { exclusivelyOnServer } from '../exclusive.js';
import { pruneBackups } from './backupFiles.js';
import { writeBackup, type BackupResult } from './writeBackup.js';

/** The backup lock's key: "tuijin:b" in ASCII, beside the start lock's "tuijin:s" and the midnight job's "tuijin:m". */
export const BACKUP_LOCK = 0x7475696a696e3a62n;

export interface BackUpOptions {
  dir: string;
  /** What the manifest names as the backup's source (the data folder, or database@host). */
  source: string;
  /** Keep only this many backups in `dir` afterwards (none deleted when undefined). */
  keep?: number | undefined;
  /** A server database: one backup at a time across app instances and the command line. */
  databaseUrl?: string | undefined;
  /** Whether to write at all: the scheduled run skips when another instance has just made one (read under the lock). */
  due?: () => boolean;
  /** Who asked, for the audit record: the schedule, the command line, a signal from it. */
  by: 'schedule' | 'command' | 'signal';
}

/**
 * A backup, its audit record (`backup.created`, after the snapshot: not in it) and the retention:
 * the one path of the schedule, the command line and its signal to a running embedded server.
 */
export async function backUp(database: Database, opts: BackUpOptions): Promise<{ result: BackupResult | null; pruned: string[] }> {
  const work = async () => {
    if (opts.due && !opts.due()) return { result: null, pruned: [] };
    const result = await writeBackup(database, { dir: opts.dir, source: opts.source });
    await database.db.transaction((tx) =>
      recordAudit(tx, { actor: null, ip: null, requestId: `backup-${opts.by}` }, 'backup.created', {
        entity: 'backup',
        entityId: null,
        after: { file: result.file, bytes: result.bytes, sha256: result.sha256, ms: result.ms, tables: result.manifest.tables.length, rows: result.manifest.tables.reduce((n, t) => n + t.rows, 0), by: opts.by },
        scope: NO_UNIT,
      }),
    );
    await database.linkAudit();
    const pruned = opts.keep ? pruneBackups(opts.dir, opts.keep) : [];
    return { result, pruned };
  };
  return opts.databaseUrl ? exclusivelyOnServer(opts.databaseUrl, BACKUP_LOCK, work) : work();
}

/** The database a backup is of, as the manifest and the messages name it (never the password). */
export function backupSource(config: { databaseUrl: string | undefined; dataDir: string }): string {
  if (!config.databaseUrl) return config.dataDir;
  const u = new URL(config.databaseUrl);
  return `${u.pathname.slice(1) || 'postgres'}@${u.hostname}:${u.port || '5432'}`;
}
