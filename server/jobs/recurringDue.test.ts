import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextDue, type Recurrence } from '../../domain/deadlines.js';
import { refreshRecurringDue } from '../commands/planning/taskFacts.js';
import type { Executor } from '../db/client.js';
import { milestones, tasks } from '../db/schema/index.js';
import { lightEnv, refreshAllLights, rollUpTask, type LightEnv } from '../lights/refresh.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { makeRegion, makeUnit } from '../testing/factories.js';
import { makePlan, makeProgram, makeTask } from '../testing/workFactories.js';

/** The former implementation, kept as the reference: one task at a time, each rolled up its tree. */
async function oneByOne(db: Executor, env: LightEnv): Promise<number> {
  const rows = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.deadlineKind, 'recurring'), eq(tasks.done, false)));
  let moved = 0;
  for (const t of rows) {
    const due = nextDue({ deadlineKind: 'recurring', deadline: t.deadline, recurrence: t.recurrence as Recurrence | null, startDate: t.startDate }, env.today, env.calendar);
    if (due === t.nextDue) continue;
    await db.update(tasks).set({ nextDue: due }).where(eq(tasks.id, t.id));
    await rollUpTask(db, t.id, env);
    moved++;
  }
  return moved;
}

class Rollback extends Error {}

/** Every task as stored, but for when its light was refreshed (the clock differs between runs). */
const snapshot = (rows: (typeof tasks.$inferSelect)[]) => rows.map(({ lightAt, ...rest }) => ({ ...rest, refreshed: lightAt !== null }));

/** Runs `work` in a transaction, reads every task (all but the refresh time), and rolls back. */
async function trial(db: TestDatabase, work: (tx: Executor) => Promise<number>) {
  let out: { moved: number; rows: ReturnType<typeof snapshot> } | undefined;
  await db.database.db
    .transaction(async (tx) => {
      const moved = await work(tx);
      const rows = snapshot(await tx.select().from(tasks).orderBy(asc(tasks.id)));
      out = { moved, rows };
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return out!;
}

const MONTHLY: Recurrence = { every: 'month', day: 10 };
const QUARTERLY: Recurrence = { every: 'quarter', day: 15 };

describe.each(DATABASE_KINDS)('recurring due dates moving at once on %s', (kind) => {
  let db: TestDatabase;
  let env: LightEnv;
  let recurring = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    const database = db.database;
    env = { ...(await lightEnv(database.db)), today: '2026-06-15' };
    const region = await makeRegion(database);
    const unit = await makeUnit(database, { regionId: region.id });
    const plan = await makePlan(database, (await makeProgram(database, region.id)).id);
    const child = async (parent: typeof tasks.$inferSelect, over: Partial<typeof tasks.$inferInsert>) => {
      const id = crypto.randomUUID();
      const [row] = await database.db
        .insert(tasks)
        .values({ id, planId: plan.id, parentId: parent.id, path: `${parent.path}.${id}`, depth: parent.depth + 1, code: `T-${id.slice(0, 8)}`, title: '子任务', leadUnitId: unit.id, ...over })
        .returning();
      return row!;
    };
    const stale = (over: Partial<typeof tasks.$inferInsert> = {}) => ({
      deadlineKind: 'recurring',
      recurrence: MONTHLY,
      nextDue: '2026-01-12',
      startDate: '2026-01-01',
      ...over,
    });
    // Twelve trees, three levels deep. The parents' stored progress, done flag and last report are
    // out of date on purpose, so a roll-up changes them; weights differ so the mean is weighted.
    for (let i = 0; i < 12; i++) {
      const root = await makeTask(database, plan.id, [{ unitId: unit.id }], {
        deadline: '2026-12-31',
        startDate: '2026-01-01',
        lastReportDate: i % 3 === 0 ? '2026-06-01' : null,
        ...(i % 4 === 0 ? stale({ recurrence: QUARTERLY }) : {}),
      });
      for (let j = 0; j < 3; j++) {
        const mid = await child(root, {
          weight: String(j + 1),
          progress: '0',
          deadline: '2026-12-31',
          lastReportDate: j === 0 ? '2026-05-20' : null,
          // Stored as done though its subtasks are not: the roll-up corrects it.
          ...(j === 1 ? stale({ done: i % 5 === 0 }) : {}),
        });
        for (let k = 0; k < 3; k++) {
          const leaf = await child(mid, {
            weight: k === 2 ? '2.5' : '1',
            progress: String((i * 7 + j * 13 + k * 29) % 101) + '.33',
            done: i % 5 === 0 && j === 2,
            deadline: '2026-12-31',
            lastReportDate: `2026-0${1 + ((i + j + k) % 6)}-1${k}`,
            ...(k < 2 ? stale({ recurrence: k === 0 ? MONTHLY : QUARTERLY, nextDue: k === 0 ? '2026-05-11' : '2026-04-15' }) : {}),
            // A rule that ends before today: the next due date becomes none.
            ...(k === 1 && j === 0 ? stale({ deadline: '2026-03-31' }) : {}),
            // Not started yet: the first due date after the start.
            ...(k === 2 && j === 0 ? stale({ startDate: '2026-09-01' }) : {}),
            // Already up to date: does not move.
            ...(k === 1 && j === 2 ? stale({ nextDue: nextDue({ deadlineKind: 'recurring', deadline: null, recurrence: MONTHLY, startDate: null }, env.today, env.calendar) }) : {}),
          });
          if (k === 0 && j === 1) await database.db.insert(milestones).values({ taskId: leaf.id, name: '方案印发', due: '2026-03-02' });
        }
      }
    }
    // A finished recurring task does not move.
    await makeTask(database, plan.id, [{ unitId: unit.id }], stale({ done: true }));
    recurring = (await database.db.select().from(tasks).where(and(eq(tasks.deadlineKind, 'recurring'), eq(tasks.done, false)))).length;
  }, 120_000);
  afterAll(async () => db?.drop());

  it('moves them all and rolls up their trees exactly as one task at a time did', async () => {
    const before = await trial(db, async () => 0);
    const reference = await trial(db, (tx) => oneByOne(tx, env));
    const batched = await trial(db, (tx) => refreshRecurringDue(tx, env));
    expect(reference.moved).toBeGreaterThan(50);
    expect(reference.moved).toBeLessThan(recurring);
    expect(batched.moved).toBe(reference.moved);
    expect(batched.rows).toEqual(reference.rows);
    // Not a vacuous comparison: due dates, parents' progress and lights all changed.
    const changed = (field: string) =>
      reference.rows.filter((r, i) => JSON.stringify((r as Record<string, unknown>)[field]) !== JSON.stringify((before.rows[i] as Record<string, unknown>)[field])).length;
    expect(changed('nextDue')).toBe(reference.moved);
    expect(changed('progress')).toBeGreaterThan(10);
    expect(changed('done')).toBeGreaterThan(0);
    expect(changed('lastReportDate')).toBeGreaterThan(10);
    expect(changed('refreshed')).toBeGreaterThan(reference.moved);
  });

  it('gives the midnight job the same end state when it leaves the lights to the full refresh', async () => {
    const reference = await trial(db, async (tx) => {
      const moved = await oneByOne(tx, env);
      await refreshAllLights(tx, env);
      return moved;
    });
    const batched = await trial(db, async (tx) => {
      const moved = await refreshRecurringDue(tx, env, { lights: false });
      await refreshAllLights(tx, env);
      return moved;
    });
    expect(batched).toEqual(reference);
  });

  it('does nothing when no due date moves', async () => {
    // The first run's roll-up reopens a parent stored as done, which the second run then moves (as before).
    let settled: ReturnType<typeof snapshot> = [];
    const third = await trial(db, async (tx) => {
      await refreshRecurringDue(tx, env);
      expect(await refreshRecurringDue(tx, env)).toBeLessThan(5);
      settled = snapshot(await tx.select().from(tasks).orderBy(asc(tasks.id)));
      return refreshRecurringDue(tx, env);
    });
    expect(third.moved).toBe(0);
    expect(third.rows).toEqual(settled);
  });
});
