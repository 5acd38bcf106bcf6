import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { auditLog, notificationDeliveries, notifications, settings } from '../db/schema/index.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { makeBody, makeRegion, makeUnit, makeUser } from '../testing/factories.js';
import { makePlan, makeProgram, makeTask } from '../testing/workFactories.js';
import { REMINDER_RUN_KEY, runReminders } from './reminderJob.js';

/** 10:00 in Shanghai on a day: the run's clock. */
const on = (day: string) => new Date(`${day}T10:00:00+08:00`);

/**
 * A unit with a liaison and a head, a task force over the plan, and one task due Friday
 * 12 June 2026 (claimed, started in June so that no May report is asked for).
 */
async function scene(t: TestDatabase) {
  const database = t.database;
  const region = await makeRegion(database);
  const unit = await makeUnit(database, { regionId: region.id });
  const body = await makeBody(database, { kind: 'task_force' });
  const plan = await makePlan(database, (await makeProgram(database, region.id)).id, { taskForceId: body.id });
  const liaison = await makeUser(database, [{ role: 'liaison' }], { unitId: unit.id });
  const head = await makeUser(database, [{ role: 'unit_head' }], { unitId: unit.id });
  const taskForce = await makeUser(database, [{ role: 'task_force', bodyId: body.id }]);
  await makeTask(database, plan.id, [{ unitId: unit.id }], { deadline: '2026-06-12', startDate: '2026-06-01', reportPeriod: 'quarterly' });
  return { liaison, head, taskForce };
}

/** Each person's digests, as `day step,step`. */
async function inbox(t: TestDatabase, userId: string) {
  const rows = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, 'digest'))).orderBy(notifications.day);
  return rows.map((r) => `${r.day} ${r.items.map((i) => `${i.kind}:${i.step}`).join(',')}`);
}

describe.each(DATABASE_KINDS)('the daily reminders on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => t?.drop());

  it('sends one digest a day, climbs the ladder, catches up a missed day once, and rests on holidays', async () => {
    const { liaison, head, taskForce } = await scene(t);
    // Monday 15 June: 1 workday late → 逾期提醒 to the liaison alone.
    expect(await runReminders(t.database, on('2026-06-15'))).toMatchObject({ skipped: false, digests: 1, items: 1 });
    expect(await inbox(t, liaison.id)).toEqual(['2026-06-15 deadline:remind']);
    expect(await inbox(t, head.id)).toEqual([]);

    // The same day again: nothing read, nothing sent; even with the day's mark gone, the unique keys hold.
    expect(await runReminders(t.database, on('2026-06-15'))).toMatchObject({ skipped: true, digests: 0 });
    await t.database.db.delete(settings).where(eq(settings.key, REMINDER_RUN_KEY));
    expect(await runReminders(t.database, on('2026-06-15'))).toMatchObject({ skipped: false, digests: 0 });

    // Tuesday and Wednesday missed (the server was down); Thursday sends the 催办 reached meanwhile, once.
    expect(await runReminders(t.database, on('2026-06-18'))).toMatchObject({ digests: 2 });
    expect(await runReminders(t.database, on('2026-06-18'))).toMatchObject({ skipped: true });
    // Friday 19 June is the Dragon Boat Festival: no message; Monday has nothing new.
    expect(await runReminders(t.database, on('2026-06-19'))).toMatchObject({ skipped: false, digests: 0 });
    expect(await runReminders(t.database, on('2026-06-22'))).toMatchObject({ digests: 0 });
    // Tuesday: 6 workdays late → 督办, to the task force as well.
    expect(await runReminders(t.database, on('2026-06-23'))).toMatchObject({ digests: 3 });

    expect(await inbox(t, liaison.id)).toEqual(['2026-06-15 deadline:remind', '2026-06-18 deadline:urge', '2026-06-23 deadline:supervise']);
    expect(await inbox(t, head.id)).toEqual(['2026-06-18 deadline:urge', '2026-06-23 deadline:supervise']);
    expect(await inbox(t, taskForce.id)).toEqual(['2026-06-23 deadline:supervise']);
    const deliveries = await t.database.db.select().from(notificationDeliveries);
    expect(deliveries.map((d) => `${d.channel} ${d.status}`)).toEqual(Array(6).fill('inbox sent'));
    const runs = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'system.reminders_sent'));
    expect(runs.length).toBeGreaterThanOrEqual(5);
  });

  it.runIf(kind === 'postgres')('runs once when two app instances wake together', async () => {
    const other = await openDatabase({ databaseUrl: t.url!, poolSize: 2, migrate: false });
    try {
      await scene(t);
      const both = await Promise.all([runReminders(t.database, on('2026-06-24')), runReminders(other, on('2026-06-24'))]);
      expect(both.map((r) => r.skipped).sort()).toEqual([false, true]);
      const today = await t.database.db.select().from(notifications).where(eq(notifications.day, '2026-06-24'));
      expect(new Set(today.map((n) => n.userId)).size).toBe(today.length);
    } finally {
      await other.close();
    }
  });
});
