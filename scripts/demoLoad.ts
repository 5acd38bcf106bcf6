// `npm run demo:load`: loads the demo district into the configured database — DATABASE_URL's, or
// the embedded one in DATA_DIR (stop the server first: the embedded database has one user at a time)
// — and prints its logins. Only into an empty database: a database with any region or account is
// refused, so that nobody mixes the demo's well-known accounts into real data.
// Exit codes: 0 loaded, 1 refused (not empty), 2 could not run.
import { sql } from 'drizzle-orm';
import { demoLoginLines, loadDemoIfEmpty } from '../demo/index.js';
import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { DataLockedError } from '../server/db/dataLock.js';
import { regions, users } from '../server/db/schema/index.js';

async function open(): Promise<{ database: Database; where: string } | string> {
  const config = loadConfig();
  if (config.databaseUrl) {
    const u = new URL(config.databaseUrl);
    return { database: await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 1 }), where: `PostgreSQL database ${u.pathname.slice(1) || '(default)'} on ${u.host}` };
  }
  try {
    return { database: await openDatabase({ dataDir: config.dataDir }), where: `embedded database in ${config.dataDir}` };
  } catch (e) {
    if (e instanceof DataLockedError) return `✖ The data folder ${config.dataDir} is held by running server pid ${e.pid}: stop it, run this again, then start it.`;
    throw e;
  }
}

async function main(): Promise<number> {
  const opened = await open();
  if (typeof opened === 'string') {
    console.error(opened);
    return 2;
  }
  const { database, where } = opened;
  try {
    await database.linkAudit();
    const password = loadConfig().demoPassword;
    const logins = await loadDemoIfEmpty(database, password);
    if (!logins) {
      const count = async (table: typeof regions | typeof users) => (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
      const [r, u] = [await count(regions), await count(users)];
      console.error(
        `✖ The ${where} is not empty (${r} region(s), ${u} account(s)): the demo loads only into an empty database.\n` +
          '  Create a new database for it (createdb tuijin_demo; DATABASE_URL=postgres://…/tuijin_demo npm run demo:load), or use another DATA_DIR.',
      );
      return 1;
    }
    console.log(`✔ Demo district loaded into the ${where} (audited as system.demo_loaded).`);
    for (const line of demoLoginLines(logins, password)) console.log(line);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('✖ demo:load failed:', e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
