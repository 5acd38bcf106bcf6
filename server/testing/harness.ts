import { buildApp, type App } from '../app.js';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './databases.js';

export interface Harness {
  app: App;
  db: TestDatabase;
  close(): Promise<void>;
}

/** A fresh app on a fresh database of the given kind. */
export async function startHarness(kind: DatabaseKind): Promise<Harness> {
  const db = await openTestDatabase(kind);
  const app = await buildApp({ database: db.database, logLevel: 'silent' });
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
