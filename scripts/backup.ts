// `npm run backup`: a consistent, compressed backup of the database (DATABASE_URL, or the embedded
// one in DATA_DIR) and its evidence files into TUIJIN_BACKUP_DIR (default DATA_DIR/backups), with
// its SHA-256 beside it; safe while the server runs (README "Backups"). Exit 1 when it failed.
import { runBackup } from './backupRun.js';

runBackup(process.env, console).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('✖ backup failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
