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

export async function writeSecurityPolicy(db: Executor, policy: SecurityPolicy, version: number): Promise<boolean> {
  if (version === 0) {
    const inserted = await db.insert(settings).values({ key: KEY, value: policy, version: 1 }).onConflictDoNothing().returning();
    return inserted.length === 1;
  }
  const updated = await db
    .update(settings)
    .set({ value: policy, version: version + 1 })
    .where(and(eq(settings.key, KEY), eq(settings.version, version)))
    .returning();
  return updated.length === 1;
}

/** The policy is read on every request; a short cache spares the database without hiding a change for long. */
const policyCache = perDatabaseCache(5000, async (db) => (await readSecurityPolicy(db)).policy);
export const currentSecurityPolicy = (db: Executor): Promise<SecurityPolicy> => policyCache.get(db);
export const forgetSecurityPolicy = (db: Executor): void => policyCache.forget(db);
