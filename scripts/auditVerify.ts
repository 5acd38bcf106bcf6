// `npm run audit:verify`: checks the audit hash chain of the database named by DATABASE_URL, or of
// the embedded database in DATA_DIR (default ./data), and that it passes through every keyed
// checkpoint the server wrote outside the database (TUIJIN_AUDIT_CHECKPOINTS, default
// DATA_DIR/audit-checkpoints.log; key: TUIJIN_AUDIT_KEY or TUIJIN_AUDIT_KEY_FILE, default
// DATA_DIR/audit.key). Reads only: never migrates, never writes.
// Exit codes: 0 intact, 1 broken, 2 could not check (folder in use, no database, not migrated, no key for the checkpoints).
// The check itself is runAuditVerify (scripts/auditVerifyRun.ts), which the tests also call in-process.
import { runAuditVerify } from './auditVerifyRun.js';

const CANNOT_CHECK = 2;

runAuditVerify(process.env, console).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('✖ audit:verify failed:', e instanceof Error ? e.message : e);
    process.exit(CANNOT_CHECK);
  },
);
