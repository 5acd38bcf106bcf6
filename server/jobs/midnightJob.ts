import { recordAudit } from '../audit.js';
import { dropExpiredPreviews } from '../commands/imports/dropExpiredPreviews.js';
import { refreshRecurringDue } from '../commands/planning/taskFacts.js';
import type { Database } from '../db/client.js';
import { dropExpiredKeys } from '../db/idempotencyStore.js';
import { IDEMPOTENCY_WINDOW_MS } from '../../domain/idempotencyKey.js';
import { lightEnv, refreshAllLights } from '../lights/refresh.js';
import { escalateWaitingBlockers } from './escalateBlockers.js';
import { lastMidnightRun, markMidnightRun } from './midnightRuns.js';
import { delayUntilNextRun, runIsDue } from './midnightSchedule.js';
import { lastReminderRun, runReminders } from './reminderJob.js';
import { now as clockNow } from '../clock.js';
import { recordJobRun } from './jobHealth.js';
import { sql } from 'drizzle-orm';
import { shanghaiDate } from '../../domain/calendar/days.js';

/**
 * The advisory lock the midnight job holds for its transaction: two app instances on one
 * PostgreSQL wake at the same midnight; the second waits, then finds the day done (the scheduler's
 * run) instead of escalating the same waiting blockers a second time. "tuijin:m".
 */
export const MIDNIGHT_LOCK = 0x7475696a696e3a6dn;

export interface MidnightResult {
  date: string;
  movedDueDates: number;
  /** Blockers that waited too long at their level and went up by themselves. */
  escalatedBlockers: number;
  /** Import previews that expired uncommitted and were deleted. */
  droppedPreviews: number;
  /** Idempotency keys older than their 24 hours, deleted (server/idempotency/). */
  droppedKeys: number;
  tasks: number;
  targets: number;
  projects: number;
  ms: number;
  /** True when another run (another instance) had done the day meanwhile: nothing was changed. */
  skipped?: boolean;
}

/**
 * Time passed: recurring tasks move to their next due date, then every light is recomputed
 * (deadlines come closer, reports go stale), and import previews that expired uncommitted are
 * deleted (commands/imports/dropExpiredPreviews.ts), as are idempotency keys past their 24 hours.
 * One transaction, one audit record, and the day is marked as done in the same transaction, so a
 * crash half-way leaves it to run again.
 */
export async function runMidnightJob(database: Database, now = clockNow(), opts: { onlyIfDue?: boolean } = {}): Promise<MidnightResult> {
  const started = Date.now();
  const done = await database.db.transaction(async (tx): Promise<MidnightResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIDNIGHT_LOCK.toString()}::bigint)`);
    // The scheduler's run re-reads the mark under the lock: another instance may have just done the day.
    if (opts.onlyIfDue) {
      const last = await lastMidnightRun(tx);
      const today = shanghaiDate(now);
      if (last !== null && last >= today) return { date: today, movedDueDates: 0, escalatedBlockers: 0, droppedPreviews: 0, droppedKeys: 0, tasks: 0, targets: 0, projects: 0, ms: Date.now() - started, skipped: true };
    }
    const env = await lightEnv(tx, now);
    // Every light is recomputed next, so the moved tasks' own refresh would be wasted work.
    const movedDueDates = await refreshRecurringDue(tx, env, { lights: false });
    const escalatedBlockers = await escalateWaitingBlockers(tx, env, now);
    const counts = await refreshAllLights(tx, env);
    const droppedPreviews = await dropExpiredPreviews(tx, now);
    const droppedKeys = await dropExpiredKeys(tx, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS));
    await markMidnightRun(tx, env.today);
    const result = { date: env.today, movedDueDates, escalatedBlockers, droppedPreviews, droppedKeys, ...counts, ms: Date.now() - started };
    await recordAudit(tx, { actor: null, ip: null, requestId: 'midnight' }, 'system.lights_refreshed', { entity: 'system', entityId: null, after: result });
    return result;
  });
  await database.linkAudit();
  return done;
}

export interface MidnightScheduler {
  /** Resolves when the catch-up check at start (and its run, when due) is over. */
  started: Promise<void>;
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  now?: () => Date;
  log?: (msg: string, err?: unknown) => void;
}

/**
 * Runs the midnight job, then the day's reminders (jobs/reminderJob.ts), at 00:00 Asia/Shanghai,
 * and at start when either last ran before today. Each wake-up re-reads the last run, so an early or repeated timer never runs a day twice.
 */
export function startMidnightJob(database: Database, opts: SchedulerOptions = {}): MidnightScheduler {
  const now = opts.now ?? clockNow;
  const log = opts.log ?? (() => {});
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    const at = now();
    try {
      if (runIsDue(await lastMidnightRun(database.db), at)) {
        const r = await runMidnightJob(database, at, { onlyIfDue: true });
        if (!r.skipped) log(`midnight job ${r.date}: ${r.tasks} tasks, ${r.targets} targets, ${r.projects} projects, ${r.movedDueDates} due dates moved, ${r.escalatedBlockers} blockers escalated, ${r.ms} ms`);
      }
      recordJobRun(database, 'midnight', Date.now());
    } catch (e) {
      // A failed run is retried at the next wake-up; the server keeps serving meanwhile.
      recordJobRun(database, 'midnight', Date.now(), e);
      log('midnight job failed', e);
    }
    // The reminders after the lights and due dates moved, in a transaction of their own: a failure
    // of one leaves the other done, and each has its own mark of the last day it ran.
    try {
      if (runIsDue(await lastReminderRun(database.db), at)) {
        const r = await runReminders(database, at);
        if (!r.skipped) log(`reminders ${r.date}: ${r.digests} digests, ${r.items} items, ${r.ms} ms`);
      }
      recordJobRun(database, 'reminders', Date.now());
    } catch (e) {
      recordJobRun(database, 'reminders', Date.now(), e);
      log('reminders failed', e);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().then(schedule);
    }, delayUntilNextRun(now()) + 1000);
    timer.unref();
  };
  running = tick().then(schedule);
  return {
    started: running,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
