import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { loginFailures } from '../db/schema/index.js';

/** Whose failures: a known user, or an unknown account by the name typed (lower case). */
export type LoginSubject = { userId: string } | { account: string };

const ofSubject = (s: LoginSubject) => ('userId' in s ? eq(loginFailures.userId, s.userId) : and(isNull(loginFailures.userId), eq(loginFailures.account, s.account)));
const fromAddress = (ip: string | null) => sql`${loginFailures.ip} is not distinct from ${ip}`;

/**
 * The failed logins of one subject from one address that still count: within `sinceMs`
 * (lockoutHorizonMs) and after the secadmin's last unlock. A success deletes the pair's rows.
 */
export async function recentFailures(db: Executor, subject: LoginSubject, ip: string | null, lockResetAt: Date | null, sinceMs: number, now = new Date()): Promise<Date[]> {
  const floor = Math.max(now.getTime() - sinceMs, lockResetAt?.getTime() ?? 0);
  const rows = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(ofSubject(subject), fromAddress(ip), gt(loginFailures.at, new Date(floor))));
  return rows.map((r) => r.at);
}

export async function recordLoginFailure(db: Executor, subject: LoginSubject, ip: string | null, at: Date): Promise<void> {
  await db.insert(loginFailures).values({ ...('userId' in subject ? { userId: subject.userId } : { account: subject.account }), ip, at });
}

/** A login finished from this address: its earlier failures stop counting (other addresses' still do). */
export async function clearLoginFailures(db: Executor, userId: string, ip: string | null): Promise<void> {
  await db.delete(loginFailures).where(and(eq(loginFailures.userId, userId), fromAddress(ip)));
}
