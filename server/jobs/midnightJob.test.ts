import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../domain/calendar/days.js';
import { auditLog, importPreviews, tasks } from '../db/schema/index.js';
import { auditCount, verifyAuditChain } from '../audit.js';
import { openDatabase } from '../db/client.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { makeRegion, makeUnit, makeUser } from '../testing/factories.js';
import { makePlan, makeProgram, makeTask } from '../testing/workFactories.js';
import { lastMidnightRun } from './midnightRuns.js';
import { runMidnightJob, startMidnightJob } from './midnightJob.js';
import { runReminders } from './reminderJob.js';
import { now as clockNow } from '../clock.js';

describe('the midnight job', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('embedded');
  });
  afterAll(async () => db?.drop());

  it('moves recurring due dates, recomputes lights, marks the day, with one audit record', async () => {
    const database = db.database;
    const region = await makeRegion(database);
    const program = await makeProgram(database, region.id);
    const plan = await makePlan(database, program.id);
    const unit = await makeUnit(database, { regionId: region.id });
    // 每月10日前, last due on a date long past; its stored light is stale too.
    const task = await makeTask(database, plan.id, [{ unitId: unit.id }], {
      deadlineKind: 'recurring',
      recurrence: { every: 'month', day: 10 },
      nextDue: '2020-01-10',
      startDate: '2020-01-01',
      light: 'green',
    });
    const now = clockNow();
    const before = await auditCount(database.db);
    const r = await runMidnightJob(database, now);
    expect(r).toMatchObject({ date: shanghaiDate(now), movedDueDates: 1 });
    expect(r.tasks).toBeGreaterThanOrEqual(1);
    const [after] = await database.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(after!.nextDue! >= shanghaiDate(now)).toBe(true);
    expect(after!.lightAt).not.toBeNull();
    expect(after!.light).toBe('red'); // never reported since 2020
    expect(await lastMidnightRun(database.db)).toBe(shanghaiDate(now));
    expect((await auditCount(database.db)) - before).toBe(1);
    const [last] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'system.lights_refreshed'));
    expect(last!.after).toMatchObject({ date: shanghaiDate(now), movedDueDates: 1 });
    expect((await verifyAuditChain(database.db)).intact).toBe(true);
  });

  it('deletes import previews that expired uncommitted, keeping live ones and the record of each import', async () => {
    const database = db.database;
    const region = await makeRegion(database);
    const plan = await makePlan(database, (await makeProgram(database, region.id)).id);
    const hq = await makeUser(database, [{ role: 'hq_office' }]);
    const now = clockNow();
    const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
    const preview = (expiresAt: Date, committedAt: Date | null) => ({ kind: 'tasks_xlsx', planId: plan.id, createdById: hq.id, expiresAt, committedAt, sha256: 'x'.repeat(64), rows: [] });
    const made = await database.db
      .insert(importPreviews)
      .values([preview(at(-2), null), preview(at(1), null), preview(at(-30), at(-31))])
      .returning({ id: importPreviews.id });
    const r = await runMidnightJob(database, now);
    expect(r.droppedPreviews).toBe(1);
    const left = (await database.db.select({ id: importPreviews.id }).from(importPreviews)).map((p) => p.id);
    expect(left).not.toContain(made[0]!.id);
    expect(left).toEqual(expect.arrayContaining([made[1]!.id, made[2]!.id]));
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'system.lights_refreshed')).orderBy(desc(auditLog.id)).limit(1);
    expect(audit!.after).toMatchObject({ droppedPreviews: 1 });
  });

  it('runs at start only when the last run was before today, and stops cleanly', async () => {
    const database = db.database;
    const logs: string[] = [];
    // The day's reminders follow the midnight job in the same wake-up (jobs/reminderJob.ts): done today too.
    await runReminders(database);
    const count = await auditCount(database.db);
    const today = startMidnightJob(database, { log: (m) => logs.push(m) });
    await today.started;
    await today.stop();
    expect(await auditCount(database.db)).toBe(count); // already ran today
    const tomorrow = startMidnightJob(database, { now: () => new Date(clockNow().getTime() + 86_400_000), log: (m) => logs.push(m) });
    await tomorrow.started;
    await tomorrow.stop();
    // Tomorrow: the midnight job's record and the reminders' one.
    expect(await auditCount(database.db)).toBe(count + 2);
    expect(logs.some((l) => l.startsWith('midnight job'))).toBe(true);
    expect(logs.some((l) => l.startsWith('reminders'))).toBe(true);
  });
});

// Only where the run has PostgreSQL (the date matrix runs on the embedded database alone).
describe.runIf(DATABASE_KINDS.includes('postgres'))('the midnight job with two app instances on one PostgreSQL database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
  });
  afterAll(async () => db?.drop());

  it('runs the day once: the second instance waits for the first, then finds the day done', async () => {
    const other = await openDatabase({ databaseUrl: db.url!, poolSize: 2, migrate: false });
    try {
      const day = new Date(clockNow().getTime() + 3 * 86_400_000);
      const both = await Promise.all([runMidnightJob(db.database, day, { onlyIfDue: true }), runMidnightJob(other, day, { onlyIfDue: true })]);
      expect(both.map((r) => !!r.skipped).sort()).toEqual([false, true]);
      const runs = await db.database.db.select().from(auditLog).where(eq(auditLog.action, 'system.lights_refreshed'));
      expect(runs.filter((r) => (r.after as { date?: string }).date === shanghaiDate(day))).toHaveLength(1);
      // Run by hand (tests, the bench's generator), it still runs: only the scheduler's run asks whether the day is due.
      expect((await runMidnightJob(db.database, day)).skipped).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
