// `npm run restore -- FILE` (scripts/restore.ts) as a function the tests call in-process.
import { loadConfig } from '../server/config.js';
import { BackupCheckError } from '../server/db/backup/readBackup.js';
import { restoreBackup, RestoreVerifyError, TargetNotEmptyError } from '../server/db/backup/restoreBackup.js';
import { DataLockedError } from '../server/db/dataLock.js';
import type { Output } from './backupRun.js';

export async function runRestore(file: string | undefined, env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  if (!file) {
    out.error('✖ Name the backup to restore: npm run restore -- data/backups/tuijin-backup-….tar.gz');
    return 2;
  }
  const config = loadConfig(env);
  try {
    const s = await restoreBackup(file, { databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const m = s.manifest;
    out.log(`✔ Restored ${file} into the ${s.where} in ${(s.ms / 1000).toFixed(1)} s`);
    out.log(`  backup of ${m.source.kind === 'server' ? 'PostgreSQL database' : 'embedded database'} ${m.source.name}, taken ${m.createdAt}, schema at migration ${m.migrations.count} (${m.migrations.last})`);
    out.log(`  ✔ row counts: ${s.rows} rows in ${s.tables} tables, as in the backup`);
    out.log(`  ✔ evidence files: ${s.files}, each hashing to its SHA-256`);
    out.log(`  ✔ audit chain intact: ${s.auditRecords} records, head at record ${m.audit.lastId} as in the backup`);
    out.log('  Start the server on it (it applies any newer migrations). Put the audit key (TUIJIN_AUDIT_KEY or its file) back beside it; it is never in a backup.');
    return 0;
  } catch (e) {
    if (e instanceof BackupCheckError) out.error(`✖ Backup refused, nothing restored — check failed: ${e.message}`);
    else if (e instanceof TargetNotEmptyError || e instanceof DataLockedError) out.error(`✖ ${e.message}`);
    else if (e instanceof RestoreVerifyError) out.error(`✖ The restored database does not match the backup: ${e.message}. Do not use it; drop it and restore again.`);
    else throw e;
    return 1;
  }
}
