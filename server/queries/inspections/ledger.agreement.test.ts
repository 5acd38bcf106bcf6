import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber } from '../../../domain/calendar/days.js';
import { LEDGER_STATUSES, ledgerOverdue } from '../../../domain/ledger.js';
import type { Actor } from '../../context.js';
import { today } from '../../clock.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases.js';
import { makeRegion, makeUnit } from '../../testing/factories.js';
import { makeLedgerEntry } from '../../testing/inspectionCalls.js';
import { listLedger } from './ledger.js';

const entry = fc.record({ status: fc.constantFrom(...LEDGER_STATUSES), days: fc.integer({ min: -10, max: 10 }) });
/** The district's inspector: sees the ledger of the district's units (its regions are set once the district exists). */
const inspector = (regionId: string): Actor => ({ userId: '00000000-0000-4000-8000-000000000001', account: 'inspector', unitId: '00000000-0000-4000-8000-000000000002', regionIds: [regionId], roles: [{ role: 'inspector', unitId: null, bodyId: null }] });

describe.each(DATABASE_KINDS)('the ledger’s overdue filter and domain/ledger.ts on %s', (kind) => {
  let db: TestDatabase;
  let regionId: string;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    regionId = (await makeRegion(db.database)).id;
  });
  afterAll(async () => db?.drop());

  it('lists as late exactly the entries ledgerOverdue calls late, and the rest as not late', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 8 }), async (entries) => {
        const unitId = (await makeUnit(db.database, { regionId })).id;
        const late: string[] = [];
        const inTime: string[] = [];
        for (const e of entries) {
          const deadline = fromDayNumber(dayNumber(today()) + e.days);
          const row = await makeLedgerEntry(db.database, unitId, { status: e.status, over: { deadline } });
          (ledgerOverdue(e.status, deadline, today()) ? late : inTime).push(row.id);
        }
        const ids = async (overdue: boolean) => (await listLedger(db.database.db, inspector(regionId), { unit: unitId, overdue }, today(), 1, 100)).rows.map((r) => r.entry.id).sort();
        expect(await ids(true)).toEqual(late.sort());
        expect(await ids(false)).toEqual(inTime.sort());
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
