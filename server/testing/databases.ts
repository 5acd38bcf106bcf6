import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.js';
import { readEmbeddedTemplate } from './embeddedTemplate.js';
import { createTestDatabase } from './serverTemplate.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The two databases every API test runs on. */
const ALL_KINDS = ['embedded', 'postgres'] as const;
export type DatabaseKind = (typeof ALL_KINDS)[number];
/** TEST_DATABASES=embedded narrows a run to one (the CI's date matrix runs on the embedded database only). */
export const DATABASE_KINDS: readonly DatabaseKind[] = process.env.TEST_DATABASES
  ? ALL_KINDS.filter((k) => process.env.TEST_DATABASES!.split(',').includes(k))
  : ALL_KINDS;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestDatabase {
  database: Database;
  url: string | null;
  drop(): Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the server (a copy of the migrated template) dropped afterwards. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'embedded') {
    const database = await openDatabase({ loadDataDir: readEmbeddedTemplate() });
    return { database, url: null, drop: () => database.close() };
  }
  const name = `tuijin_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await createTestDatabase(admin, name);
  await admin.end();
  const url = withDatabase(TEST_DATABASE_URL, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
