import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber } from '../../domain/calendar/days.js';
import { rollUpParent, type ChildFacts } from '../../domain/rollup.js';
import { tasks } from '../db/schema/index.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { makeRegion, makeUnit } from '../testing/factories.js';
import { makePlan, makeProgram, makeSubtask, makeTask } from '../testing/workFactories.js';
import { lightEnv, rollUpTask, type LightEnv } from './refresh.js';

// Figures as the columns hold them: progress numeric(5,2) in [0, 100], weight numeric(10,4) above 0.
const fixed = (n: number, places: number) => {
  const s = String(n).padStart(places + 1, '0');
  return `${s.slice(0, -places)}.${s.slice(-places)}`;
};
const date = fc.option(fc.integer({ min: 0, max: 800 }).map((d) => fromDayNumber(dayNumber('2025-01-01') + d)), { nil: null });
const facts = fc.record({
  progress: fc.integer({ min: 0, max: 10_000 }).map((c) => fixed(c, 2)),
  weight: fc.oneof(fc.integer({ min: 1, max: 9_999_999_999 }), fc.integer({ min: 1, max: 30_000 })).map((w) => fixed(w, 4)),
  done: fc.boolean(),
  lastReportDate: date,
});
/** A parent with its children; the first child may have children of its own (two levels roll up). */
const tree = fc.record({
  own: date,
  children: fc.array(facts, { minLength: 1, maxLength: 5 }),
  grandchildren: fc.array(facts, { maxLength: 4 }),
});

describe.each(DATABASE_KINDS)('the stored roll-up and domain/rollup.ts on %s', (kind) => {
  let db: TestDatabase;
  let env: LightEnv;
  let planId: string;
  let unitId: string;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    env = await lightEnv(db.database.db);
    const region = await makeRegion(db.database);
    unitId = (await makeUnit(db.database, { regionId: region.id })).id;
    planId = (await makePlan(db.database, (await makeProgram(db.database, region.id)).id)).id;
  });
  afterAll(async () => db?.drop());

  it('agree on every generated tree: rollUpTask stores what rollUpParent says', async () => {
    const stored = async (id: string) => {
      const [r] = await db.database.db.select({ progress: tasks.progress, done: tasks.done, lastReportDate: tasks.lastReportDate }).from(tasks).where(eq(tasks.id, id));
      return r!;
    };
    await fc.assert(
      fc.asyncProperty(tree, async ({ own, children, grandchildren }) => {
        // A parent's stored figures before the roll-up are stale on purpose: the roll-up must replace them.
        const parent = await makeTask(db.database, planId, [{ unitId }], { lastReportDate: own, progress: '55.55', done: true });
        const rows = [];
        for (const c of children) rows.push(await makeSubtask(db.database, parent, c));
        for (const g of grandchildren) await makeSubtask(db.database, rows[0]!, g);
        const grand = grandchildren.length ? await db.database.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.parentId, rows[0]!.id)) : [];
        await rollUpTask(db.database.db, grand[0]?.id ?? rows[0]!.id, env);

        const first: ChildFacts = grandchildren.length ? { ...children[0]!, ...rollUpParent(children[0]!.lastReportDate, grandchildren) } : children[0]!;
        if (grandchildren.length) expect(await stored(rows[0]!.id)).toEqual(rollUpParent(children[0]!.lastReportDate, grandchildren));
        expect(await stored(parent.id)).toEqual(rollUpParent(own, [first, ...children.slice(1)]));
      }),
      { numRuns: 150 },
    );
  }, 300_000);
});
