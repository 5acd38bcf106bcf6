import { eq, sql } from 'drizzle-orm';
import { shanghaiDate } from '../../domain/calendar/days.js';
import { planDigests } from '../../domain/reminders/digest.js';
import { askedPeriods, dueThings } from '../../domain/reminders/dueThings.js';
import { recordAudit } from '../audit.js';
import { now as clockNow } from '../clock.js';
import { loadSentSteps, storeDigests } from '../commands/reminders/storeMessages.js';
import type { Database, Executor, Tx } from '../db/client.js';
import { settings } from '../db/schema/index.js';
import { loadCalendar } from '../queries/calendar.js';
import { loadDueFacts, loadPeople } from '../queries/reminders/dueFacts.js';
import { readLadder } from '../queries/reminders/ladder.js';

/** The settings row that remembers the last day the reminders ran (Asia/Shanghai). */
export const REMINDER_RUN_KEY = 'jobs.reminders.last_run';

/**
 * The advisory lock the run holds for its transaction: two app instances on one PostgreSQL
 * wake at the same midnight; the second waits for the first, then finds the day done.
 * Any fixed 64-bit number does; this one spells "tuijin:r".
 */
export const REMINDER_LOCK = 0x7475696a696e3a72n;

export interface ReminderRunResult {
  date: string;
  /** True when the day had already run (by this instance or another): nothing was read or sent. */
  skipped: boolean;
  digests: number;
  items: number;
  ms: number;
}

export async function lastReminderRun(db: Executor): Promise<string | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, REMINDER_RUN_KEY));
  const date = (row?.value as { date?: unknown } | undefined)?.date;
  return typeof date === 'string' ? date : null;
}

/**
 * Decides and stores the reminders of `today` inside the caller's transaction: what is due
 * (queries/reminders/dueFacts.ts), which step each thing reaches and who hears it
 * (domain/reminders), one digest per person with its inbox delivery. The demo's load calls it too.
 */
export async function sendReminders(tx: Tx, today: string): Promise<{ digests: number; items: number }> {
  const calendar = await loadCalendar(tx);
  const { ladder } = await readLadder(tx);
  const things = dueThings(await loadDueFacts(tx, askedPeriods(today, calendar)), today, calendar);
  const people = await loadPeople(tx);
  const sent = await loadSentSteps(
    tx,
    things.map((t) => t.key),
  );
  return storeDigests(tx, planDigests({ today, calendar, settings: ladder, things, people, sent }));
}

/** Records that `day`'s reminders are done (the start-up catch-up and the other instances then skip it). */
export async function markReminderRun(db: Executor, day: string): Promise<void> {
  await db
    .insert(settings)
    .values({ key: REMINDER_RUN_KEY, value: { date: day } })
    .onConflictDoUpdate({ target: settings.key, set: { value: { date: day }, version: sql`${settings.version} + 1` } });
}

/**
 * The day's reminders (issue 20 item 4): what is due (queries/reminders/dueFacts.ts), which step
 * each thing reaches and who hears it (domain/reminders), one digest per person, stored with its
 * inbox delivery, the day marked done and one audit record — one transaction under an advisory
 * lock. A day missed (the server was down) needs no replay: each thing's step is sent when it is
 * reached and not yet sent, so today's digests carry what the missed day would have, once.
 */
export async function runReminders(database: Database, now = clockNow()): Promise<ReminderRunResult> {
  const started = Date.now();
  const today = shanghaiDate(now);
  const result = await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REMINDER_LOCK.toString()}::bigint)`);
    const last = await lastReminderRun(tx);
    if (last !== null && last >= today) return { date: today, skipped: true, digests: 0, items: 0, ms: Date.now() - started };
    const stored = await sendReminders(tx, today);
    await markReminderRun(tx, today);
    const out = { date: today, skipped: false, ...stored, ms: Date.now() - started };
    await recordAudit(tx, { actor: null, ip: null, requestId: 'reminders' }, 'system.reminders_sent', { entity: 'system', entityId: null, after: { date: today, digests: stored.digests, items: stored.items } });
    return out;
  });
  await database.linkAudit();
  return result;
}
