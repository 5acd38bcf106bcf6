import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumber, shanghaiDate } from '../../../domain/calendar/days.js';
import type { WorkdayCalendar } from '../../../domain/calendar/workdays.js';
import { claimDeadline, claimLate } from '../../../domain/claims.js';
import { CLAIM_STATUSES } from '../../../domain/work.js';
import { today } from '../../clock.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases.js';
import { makeRegion, makeUnit } from '../../testing/factories.js';
import { makePlan, makeProgram, makeTask } from '../../testing/workFactories.js';
import { currentCalendar } from '../calendar.js';
import { listUnclaimed } from './claims.js';

const MINUTE = 60_000;
// Assignment instants over the last 40 days, some a few minutes either side of a Shanghai midnight
// (16:00 UTC), where the instant's date and the calendar's day part.
const assignedAt = fc.oneof(
  fc.integer({ min: -40 * 24 * 60, max: 0 }),
  fc.tuple(fc.integer({ min: -40, max: 0 }), fc.integer({ min: -3, max: 3 })).map(([d, m]) => d * 24 * 60 + m),
);
const share = fc.record({ claimStatus: fc.constantFrom(...CLAIM_STATUSES), done: fc.boolean(), minutes: assignedAt });
const unitCase = fc.record({ shares: fc.array(share, { minLength: 1, maxLength: 8 }), workdays: fc.integer({ min: 0, max: 10 }) });

describe.each(DATABASE_KINDS)("the HQ desk's late claims query and domain/claims.ts on %s", (kind) => {
  let db: TestDatabase;
  let cal: WorkdayCalendar;
  let regionId: string;
  let planId: string;
  let midnight: number;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    cal = await currentCalendar(db.database.db);
    regionId = (await makeRegion(db.database)).id;
    planId = (await makePlan(db.database, (await makeProgram(db.database, regionId)).id)).id;
    // Today's Shanghai midnight, as an instant.
    midnight = dayNumber(today()) * 86_400_000 - 8 * 3_600_000;
  });
  afterAll(async () => db?.drop());

  it('list exactly the shares claimLate calls late, with their deadline and workdays late', async () => {
    await fc.assert(
      fc.asyncProperty(unitCase, async ({ shares, workdays }) => {
        const unitId = (await makeUnit(db.database, { regionId })).id;
        const expected: string[] = [];
        for (const s of shares) {
          const at = new Date(midnight + 12 * 60 * MINUTE + s.minutes * MINUTE);
          const t = await makeTask(db.database, planId, [{ unitId, claimStatus: s.claimStatus, assignedAt: at }], { done: s.done });
          const assigned = shanghaiDate(at);
          if (s.claimStatus === 'unclaimed' && !s.done && claimLate(cal, assigned, today(), workdays)) {
            const c = claimDeadline(cal, assigned, today(), workdays);
            expected.push(`${t.id} ${c.due} ${c.lateWorkdays}`);
          }
        }
        const got = await listUnclaimed(db.database.db, cal, today(), { workdays, unit: unitId, scope: [regionId] }, 1, 100);
        expect(got.rows.map((r) => `${r.task.id} ${r.claimDue} ${r.overdueWorkdays}`).sort()).toEqual(expected.sort());
        expect(got.total).toBe(expected.length);
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
