// `npm run restore -- FILE`: restores a backup (scripts/backup.ts) into an empty database
// (DATABASE_URL, created beforehand) or an empty DATA_DIR, and verifies row counts, evidence file
// hashes and the audit chain against it. Exit 1 when refused or not verified, 2 without a file.
import { runRestore } from './restoreRun.js';

runRestore(process.argv[2], process.env, console).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('✖ restore failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
