import { openDatabase, type Database } from '../db/client.js';
import { giveBackServerDatabase, lendEmbedded, lendServerDatabase } from './databasePool.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The two databases every API test runs on. */
const ALL_KINDS = ['embedded', 'postgres'] as const;
export type DatabaseKind = (typeof ALL_KINDS)[number];
/** TEST_DATABASES=embedded narrows a run to one (the CI's date matrix runs on the embedded database only). */
export const DATABASE_KINDS: readonly DatabaseKind[] = process.env.TEST_DATABASES
  ? ALL_KINDS.filter((k) => process.env.TEST_DATABASES!.split(',').includes(k))
  : ALL_KINDS;

export interface TestDatabase {
  database: Database;
  url: string | null;
  drop(): Promise<void>;
}

/**
 * A database as the migrations left it: in-memory PGlite, or a database on the server. Both come
 * from this worker's pool (server/testing/databasePool.ts): drop() puts it back, emptied, for the
 * next test file.
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'embedded') {
    const database = await openDatabase({ embeddedClient: await lendEmbedded() });
    return { database, url: null, drop: () => database.close() };
  }
  const { name, url } = await lendServerDatabase(TEST_DATABASE_URL);
  const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await giveBackServerDatabase(TEST_DATABASE_URL, name);
    },
  };
}
