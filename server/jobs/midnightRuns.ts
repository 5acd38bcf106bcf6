import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { settings } from '../db/schema/index.js';

/** The settings row that remembers the day the midnight job last ran (Asia/Shanghai date). */
export const MIDNIGHT_RUN_KEY = 'jobs.midnight.last_run';

export async function lastMidnightRun(db: Executor): Promise<string | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, MIDNIGHT_RUN_KEY));
  const date = (row?.value as { date?: unknown } | undefined)?.date;
  return typeof date === 'string' ? date : null;
}

/** Records that today's run is done (the demo load counts: it computes every light itself). */
export async function markMidnightRun(db: Executor, date: string): Promise<void> {
  await db
    .insert(settings)
    .values({ key: MIDNIGHT_RUN_KEY, value: { date } })
    .onConflictDoUpdate({ target: settings.key, set: { value: { date }, version: sql`${settings.version} + 1` } });
}
