import { and, eq } from 'drizzle-orm';
import { DEFAULT_SECURITY_POLICY, SecurityPolicySchema, type SecurityPolicy } from '../../domain/securityPolicy.js';
import type { Executor } from '../db/client.js';
import { settings } from '../db/schema/index.js';
import { perDatabaseCache } from './perDatabaseCache.js';

const KEY = 'security_policy';

export async function readSecurityPolicy(db: Executor): Promise<{ policy: SecurityPolicy; version: number }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  if (!row) return { policy: DEFAULT_SECURITY_POLICY, version: 0 };
  const parsed = SecurityPolicySchema.safeParse(row.value);
  return { policy: parsed.success ? parsed.data : DEFAULT_SECURITY_POLICY, version: row.version };
}

export const writeSecurityPolicy = (db: Executor, policy: SecurityPolicy, version: number): Promise<boolean> => writeVersionedSetting(db, KEY, policy, version);

/**
 * Saves a settings row if `version` is still the stored one (0: none stored yet); false when
 * someone saved meanwhile, so the caller answers 409 instead of overwriting their change.
 */
export async function writeVersionedSetting(db: Executor, key: string, value: unknown, version: number): Promise<boolean> {
  if (version === 0) {
    const inserted = await db.insert(settings).values({ key, value, version: 1 }).onConflictDoNothing().returning();
    return inserted.length === 1;
  }
  const updated = await db
    .update(settings)
    .set({ value, version: version + 1 })
    .where(and(eq(settings.key, key), eq(settings.version, version)))
    .returning();
  return updated.length === 1;
}

/** The policy is read on every request; a short cache spares the database without hiding a change for long. */
const policyCache = perDatabaseCache(5000, async (db) => (await readSecurityPolicy(db)).policy);
export const currentSecurityPolicy = (db: Executor): Promise<SecurityPolicy> => policyCache.get(db);
export const forgetSecurityPolicy = (db: Executor): void => policyCache.forget(db);
