import { lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { loginFailures, rateCounters } from '../db/schema/index.js';

export interface Count {
  key: string;
  hits: number;
  /** Seconds until the key's window ends. */
  retryAfter: number;
}

/**
 * Counts one hit on each key in its current fixed window (opened by the first hit, `windowSeconds`
 * long) and returns the counts, in one statement. The database's clock and row locks make the
 * count the same for every server process on it.
 */
export async function countHits(db: Executor, keys: string[], windowSeconds: number): Promise<Count[]> {
  const ends = sql`now() + make_interval(secs => ${windowSeconds})`;
  const expired = sql`${rateCounters.windowEnds} <= now()`;
  const rows = await db
    .insert(rateCounters)
    // Keys in a fixed order, so that two statements lock their shared rows in the same order.
    .values([...keys].sort().map((key) => ({ key, hits: 1, windowEnds: ends })))
    .onConflictDoUpdate({
      target: rateCounters.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateCounters.hits} + 1 end`,
        windowEnds: sql`case when ${expired} then excluded.window_ends else ${rateCounters.windowEnds} end`,
      },
    })
    .returning({ key: rateCounters.key, hits: rateCounters.hits, retryAfter: sql<number>`ceil(extract(epoch from ${rateCounters.windowEnds} - now()))::int` });
  return rows;
}

/** Drops ended windows. */
export async function pruneWindows(db: Executor): Promise<void> {
  await db.delete(rateCounters).where(lt(rateCounters.windowEnds, sql`now()`));
}

/** Drops ended windows, and failed logins too old to count for any lock (lockoutHorizonMs). */
export async function pruneAttempts(db: Executor, failuresOlderThanMs: number): Promise<void> {
  await pruneWindows(db);
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(Date.now() - failuresOlderThanMs)));
}
