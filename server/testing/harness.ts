import { buildApp, type App, type AppOptions } from '../app.js';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './databases.js';

export interface Harness {
  app: App;
  db: TestDatabase;
  close(): Promise<void>;
}

/**
 * Tests log in far more often than people do, all from 127.0.0.1: unless a test asks for the
 * limits under test (`authLimits`), the per-address and overall counts are out of its way. The
 * bounded pool keeps its production size, so that no test relies on more than production allows.
 */
export const ROOMY_AUTH_LIMITS: AppOptions['authLimits'] = { perAddressPerMinute: 1_000_000, overallPerMinute: 1_000_000 };
/** Likewise public complaints and lookups, unless a test asks for the limits under test (`publicLimits`). */
export const ROOMY_PUBLIC_LIMITS: AppOptions['publicLimits'] = { submitPerAddress: 1_000_000, submitOverallPerMinute: 1_000_000, lookupPerAddressPerMinute: 1_000_000, lookupOverallPerMinute: 1_000_000, readPerAddressPerMinute: 1_000_000 };
/** Likewise every refusal is recorded, so that a test can count on its access.refused record. */
export const ROOMY_REFUSAL_LIMITS: AppOptions['refusalLimits'] = { perAddress: 1_000_000, overall: 1_000_000 };

/** A fresh app on a fresh database of the given kind. */
export async function startHarness(kind: DatabaseKind, opts: Pick<AppOptions, 'authLimits' | 'refusalLimits' | 'feedLimits' | 'publicLimits' | 'metricsToken' | 'backupDir'> = {}): Promise<Harness> {
  const db = await openTestDatabase(kind);
  const app = await buildApp({
    database: db.database,
    logLevel: 'silent',
    authLimits: opts.authLimits ?? ROOMY_AUTH_LIMITS,
    refusalLimits: opts.refusalLimits ?? ROOMY_REFUSAL_LIMITS,
    publicLimits: opts.publicLimits ?? ROOMY_PUBLIC_LIMITS,
    ...(opts.feedLimits ? { feedLimits: opts.feedLimits } : {}),
    ...(opts.metricsToken ? { metricsToken: opts.metricsToken } : {}),
    ...(opts.backupDir ? { backupDir: opts.backupDir } : {}),
  });
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
