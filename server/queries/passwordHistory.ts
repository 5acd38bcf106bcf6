import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { passwordHistory } from '../db/schema/index.js';

/** The hashes of the user's `n` latest earlier passwords, newest first. */
export async function earlierPasswordHashes(db: Executor, userId: string, n: number): Promise<string[]> {
  if (n <= 0) return [];
  const rows = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.id))
    .limit(n);
  return rows.map((r) => r.hash);
}

/** Keeps a replaced password's hash, and only the `keep` latest of them. */
export async function rememberPassword(db: Executor, userId: string, passwordHash: string, keep: number): Promise<void> {
  await db.insert(passwordHistory).values({ userId, passwordHash });
  const kept = db.select({ id: passwordHistory.id }).from(passwordHistory).where(eq(passwordHistory.userId, userId)).orderBy(desc(passwordHistory.id)).limit(keep);
  await db.delete(passwordHistory).where(and(eq(passwordHistory.userId, userId), notInArray(passwordHistory.id, kept)));
}
