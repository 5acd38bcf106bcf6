// One migrated database on the PostgreSQL server per set of migrations, copied by every test that
// needs a fresh one: creating a database and running the migrations took each file about 1.5–2 s,
// a copy (CREATE DATABASE … TEMPLATE) a quarter of that. Named by the migrations' hash, so a new
// migration makes a new template, and runs on the same server (other checkouts) share it.
import pg from 'pg';
import { openDatabase } from '../db/client.js';
import { migrationsHash } from './embeddedTemplate.js';

/** Serialises the template's creation between runs that start together (pg_advisory_lock's key). */
const TEMPLATE_LOCK = 7_241_926;

export const serverTemplateName = () => `tuijin_tpl_${migrationsHash()}`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function exists(c: pg.Client, name: string): Promise<boolean> {
  return (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
}

/** Builds the template when this set of migrations has none yet (vitest's global setup). */
export async function ensureServerTemplate(adminUrl: string): Promise<void> {
  const name = serverTemplateName();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (await exists(admin, name)) return;
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      if (await exists(admin, name)) return;
      // Migrated under another name and renamed when complete: a copy is never taken of half a template.
      const partial = `${name}_partial_${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS ${partial}`);
      await admin.query(`CREATE DATABASE ${partial}`);
      const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, partial), poolSize: 1 });
      await database.close();
      await admin.query(`ALTER DATABASE ${partial} RENAME TO ${name}`);
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  } finally {
    await admin.end();
  }
}

/**
 * CREATE DATABASE for a test: a copy of the template when there is one (a file run alone by path may
 * not have it), else an empty database the caller migrates. Two copies taken at the same instant
 * can meet PostgreSQL's "source database is being accessed by other users" (55006): tried again.
 */
export async function createTestDatabase(admin: pg.Client, name: string): Promise<void> {
  const template = serverTemplateName();
  if (!(await exists(admin, template))) {
    await admin.query(`CREATE DATABASE ${name}`);
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}
