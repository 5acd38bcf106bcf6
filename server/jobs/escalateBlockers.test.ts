import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockerItems, blockers, auditLog, settings, tasks } from '../db/schema/index.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { makeRegion, makeUnit } from '../testing/factories.js';
import { makePlan, makeProgram, makeTask } from '../testing/workFactories.js';
import { runMidnightJob } from './midnightJob.js';

/** Noon on a day in Asia/Shanghai. */
const at = (day: string) => new Date(`${day}T12:00:00+08:00`);

describe.each(DATABASE_KINDS)('automatic escalation of blockers on %s (issue 21 item 3)', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.drop());

  it('takes up what waited N workdays at its level or passed its resolver’s due day, by nobody, audited, and the lights name the new level', async () => {
    const database = db.database;
    const region = await makeRegion(database);
    const program = await makeProgram(database, region.id);
    const plan = await makePlan(database, program.id);
    const [unit, resolver] = [await makeUnit(database, { regionId: region.id }), await makeUnit(database, { regionId: region.id })];
    const task = await makeTask(database, plan.id, [{ unitId: unit.id }]);
    await database.db.insert(settings).values({ key: 'blocker_escalation', value: { workdays: 3 } }).onConflictDoUpdate({ target: settings.key, set: { value: { workdays: 3 } } });
    const row = (title: string, more: Partial<typeof blockers.$inferInsert>) => ({ itemType: 'task', itemId: task.id, unitId: unit.id, title, ...more });
    // Friday 2026-11-20 is the day of the run, in a week without holidays (Mid-Autumn fell on Friday 25 September in 2026).
    const inserted = await database.db
      .insert(blockers)
      .values([
        // Arrived Monday 16 Nov: Tue, Wed, Thu, Fri are 4 workdays > 3 → up.
        row('等太久', { level: 'unit', levelSince: at('2026-11-16') }),
        // Arrived Tuesday 17 Nov: Wed, Thu, Fri = 3 → up (exactly N).
        row('刚好三天', { level: 'task_force', levelSince: at('2026-11-17') }),
        // Arrived Wednesday: 2 workdays → stays.
        row('还不到', { level: 'unit', levelSince: at('2026-11-18') }),
        // Given to a resolver, due yesterday: up, and no longer the resolver's.
        row('交办逾期', { level: 'hq', status: 'assigned', resolverUnitId: resolver.id, dueDate: '2026-11-19', levelSince: at('2026-11-02') }),
        // Given to a resolver, due today: stays with it, however long it has waited.
        row('交办未到期', { level: 'unit', status: 'assigned', resolverUnitId: resolver.id, dueDate: '2026-11-20', levelSince: at('2026-08-03') }),
        // At the top, or resolved: never moves.
        row('已到顶', { level: 'leading_group', levelSince: at('2026-01-05') }),
        row('已办理', { level: 'unit', status: 'resolved', levelSince: at('2026-01-05') }),
      ])
      .returning();
    await database.db.insert(blockerItems).values(inserted.map((b) => ({ blockerId: b.id, itemType: b.itemType, itemId: b.itemId })));

    const r = await runMidnightJob(database, at('2026-11-20'));
    expect(r.escalatedBlockers).toBe(3);
    const after = new Map((await database.db.select().from(blockers).where(inArray(blockers.id, inserted.map((b) => b.id)))).map((b) => [b.title, b]));
    expect(Object.fromEntries([...after].map(([t, b]) => [t, `${b.status}@${b.level}`]))).toEqual({
      等太久: 'open@task_force',
      刚好三天: 'open@hq',
      还不到: 'open@unit',
      交办逾期: 'open@leading_group',
      交办未到期: 'assigned@unit',
      已到顶: 'open@leading_group',
      已办理: 'resolved@unit',
    });
    expect(after.get('交办逾期')).toMatchObject({ resolverUnitId: null, dueDate: null, version: 1 });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'blocker.escalated'));
    expect(audits.filter((a) => inserted.some((b) => b.id === a.entityId))).toHaveLength(3);
    expect(audits.every((a) => a.actorId === null && (a.after as { automatic?: boolean }).automatic === true)).toBe(true);
    // The task's light names its oldest unresolved blocker where it now sits.
    const [t] = await database.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect((t!.lightReasons as { code: string; params: Record<string, unknown> }[]).find((x) => x.code === 'blocked')?.params).toMatchObject({ count: 6 });

    // The same night run again (a restart) moves nothing further: each waited since tonight.
    expect((await runMidnightJob(database, at('2026-11-20'))).escalatedBlockers).toBe(0);
  });
});
