import { recordAudit } from '../audit.js';
import { refreshRecurringDue } from '../commands/planning/taskFacts.js';
import type { Database } from '../db/client.js';
import { lightEnv, refreshAllLights } from '../lights/refresh.js';
import { escalateWaitingBlockers } from './escalateBlockers.js';
import { lastMidnightRun, markMidnightRun } from './midnightRuns.js';
import { delayUntilNextRun, runIsDue } from './midnightSchedule.js';
import { lastReminderRun, runReminders } from './reminderJob.js';
import { now as clockNow } from '../clock.js';

export interface MidnightResult {
  date: string;
  movedDueDates: number;
  /** Blockers that waited too long at their level and went up by themselves. */
  escalatedBlockers: number;
  tasks: number;
  targets: number;
  projects: number;
  ms: number;
}

/**
 * Time passed: recurring tasks move to their next due date, then every light is recomputed
 * (deadlines come closer, reports go stale). One transaction, one audit record, and the day is
 * marked as done in the same transaction, so a crash half-way leaves it to run again.
 */
export async function runMidnightJob(database: Database, now = clockNow()): Promise<MidnightResult> {
  const started = Date.now();
  const done = await database.db.transaction(async (tx) => {
    const env = await lightEnv(tx, now);
    // Every light is recomputed next, so the moved tasks' own refresh would be wasted work.
    const movedDueDates = await refreshRecurringDue(tx, env, { lights: false });
    const escalatedBlockers = await escalateWaitingBlockers(tx, env, now);
    const counts = await refreshAllLights(tx, env);
    await markMidnightRun(tx, env.today);
    const result = { date: env.today, movedDueDates, escalatedBlockers, ...counts, ms: Date.now() - started };
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
        const r = await runMidnightJob(database, at);
        log(`midnight job ${r.date}: ${r.tasks} tasks, ${r.targets} targets, ${r.projects} projects, ${r.movedDueDates} due dates moved, ${r.escalatedBlockers} blockers escalated, ${r.ms} ms`);
      }
    } catch (e) {
      // A failed run is retried at the next wake-up; the server keeps serving meanwhile.
      log('midnight job failed', e);
    }
    // The reminders after the lights and due dates moved, in a transaction of their own: a failure
    // of one leaves the other done, and each has its own mark of the last day it ran.
    try {
      if (runIsDue(await lastReminderRun(database.db), at)) {
        const r = await runReminders(database, at);
        if (!r.skipped) log(`reminders ${r.date}: ${r.digests} digests, ${r.items} items, ${r.ms} ms`);
      }
    } catch (e) {
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
