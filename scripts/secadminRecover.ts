// `npm run secadmin:recover -- <account> [--new-password] [--reset-totp]`: the way back in for a
// locked-out security administrator, run on the server's console. Lifts every lock of the account;
// --new-password issues a one-time password (changed at the next login), --reset-totp clears the
// second factor (enrolled again at the next login). Audited as user.recovered.
// Opens the database of DATABASE_URL, or the embedded one in DATA_DIR (stop the server first: the
// embedded database has one user at a time). Exit codes: 0 done, 1 refused, 2 could not run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recoverSecadmin } from '../server/commands/recoverSecadmin.js';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { DataLockedError } from '../server/db/dataLock.js';
import { AppError } from '../server/errors.js';
import { message } from '../server/i18n.js';

const USAGE = 'usage: npm run secadmin:recover -- <account> [--new-password] [--reset-totp]';

async function open(): Promise<Database | string> {
  const config = loadConfig();
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl, poolSize: 1 });
  // Opening a missing folder would create (initdb) a new database: refuse instead.
  if (!fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'))) return `✖ No embedded database in ${config.dataDir} (set DATA_DIR, or DATABASE_URL for a PostgreSQL server).`;
  try {
    return await openDatabase({ dataDir: config.dataDir });
  } catch (e) {
    if (e instanceof DataLockedError) return `✖ The data folder ${config.dataDir} is held by running server pid ${e.pid}: stop it, run this again, then start it.`;
    throw e;
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--new-password' && f !== '--reset-totp');
  if (names.length !== 1 || unknown.length) {
    console.error(unknown.length ? `✖ unknown option ${unknown.join(' ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const opened = await open();
  if (typeof opened === 'string') {
    console.error(opened);
    return 2;
  }
  const database = opened;
  try {
    await database.linkAudit();
    const ctx = { database, actor: null, ip: null, requestId: `console:${os.userInfo().username}`, lang: 'zh-CN' as const, sessionId: null };
    const r = await recoverSecadmin(ctx, names[0]!, { newPassword: flags.has('--new-password'), resetTotp: flags.has('--reset-totp') });
    console.log(`✔ ${r.account}: every lock lifted (audited as user.recovered).`);
    if (r.initialPassword) console.log(`  One-time password: ${r.initialPassword}   (to be changed at the next login; every session ended)`);
    if (r.totpReset) console.log('  Second factor cleared: enrol again at the next login.');
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`✖ ${message(e.code, 'en-US', { ...e.params, entity: 'Account' })}\n  ${message(e.code, 'zh-CN', { ...e.params, entity: '账号' })}`);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('✖ secadmin:recover failed:', e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
