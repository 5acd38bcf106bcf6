import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../domain/calendar/days.js';
import { WorkdayCalendar } from '../../domain/calendar/workdays.js';
import type { DigestItem } from '../../domain/reminders/digest.js';
import { itemLine } from '../../domain/reminders/words.js';
import { now as clockNow } from '../clock.js';
import { send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeRegion, makeUnit, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { makePlan, makeProgram, makeTask } from '../testing/workFactories.js';
import { runReminders } from './reminderJob.js';

const cal = new WorkdayCalendar();
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

type Line = Pick<DigestItem, 'kind' | 'step' | 'code' | 'title' | 'workdays' | 'due' | 'period' | 'milestone'>;

/**
 * 待审核认领 and 被退回认领 in the daily digests: a claim the unit's liaison submitted waits for the
 * unit head, who hears of it; one the head sent back waits for the liaison. Claimed and returned
 * through the API today; the runs are on the workdays after.
 */
describe.each(DATABASE_KINDS)('reminders of claims awaiting approval or returned on %s', (kind) => {
  let h: Harness;
  let liaison: Session;
  let head: Session;
  let hq: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  const lines = async (s: Session): Promise<Line[]> => ((await send(h.app, { method: 'GET', url: '/api/inbox?perPage=50' }, s)).json().data as { items: Line[] }[]).flatMap((m) => m.items);
  const said = (ls: Line[]) => ls.map((l) => `${l.code} ${l.kind}:${l.step} ${itemLine(l, 'zh-CN').split('：')[1]}`).sort();

  it('tells the head of a claim to approve and the liaison of a claim to redo, up the ladder to the HQ office', async () => {
    const database = h.db.database;
    const region = await makeRegion(database);
    const unit = await makeUnit(database, { regionId: region.id });
    liaison = await loginAs(h.app, await makeUser(database, [{ role: 'liaison' }], { unitId: unit.id }));
    head = await loginAs(h.app, await makeUser(database, [{ role: 'unit_head' }], { unitId: unit.id }));
    hq = await loginAs(h.app, await makeUser(database, [{ role: 'hq_office' }]));
    const plan = await makePlan(database, (await makeProgram(database, region.id)).id);
    // Far-off work: no report, deadline or claim deadline is due meanwhile, only the claims' own steps.
    const far = { startDate: '2099-01-01', deadline: '2099-12-31', reportPeriod: 'quarterly' };
    const toApprove = await makeTask(database, plan.id, [{ unitId: unit.id, claimStatus: 'unclaimed' }], { ...far, code: 'K-1', title: '建设化工新材料产业园' });
    const toRedo = await makeTask(database, plan.id, [{ unitId: unit.id, claimStatus: 'unclaimed' }], { ...far, code: 'K-2', title: '推进老旧小区改造' });
    const claim = { version: 0, measures: '成立工作专班，每月调度一次', milestones: [] };
    for (const t of [toApprove, toRedo]) expect((await send(h.app, { method: 'POST', url: `/api/tasks/${t.id}/claim`, payload: claim }, liaison)).statusCode).toBe(200);
    const returned = await send(h.app, { method: 'POST', url: `/api/tasks/${toRedo.id}/claim/return`, payload: { version: 1, reason: '举措不够具体' } }, head);
    expect(returned.statusCode, returned.body).toBe(200);

    const today = shanghaiDate(clockNow());
    const due = cal.addWorkdays(today, 3);
    // The next workday: both due in 2 workdays; the head hears of the one to approve, the liaison of the one returned.
    await runReminders(database, at(cal.addWorkdays(today, 1)));
    expect(said(await lines(head))).toEqual([`K-1 claim_review:before 待审核认领还有 2 个工作日到期（${due}）`]);
    expect(said(await lines(liaison))).toEqual([`K-2 claim_returned:before 被退回认领（须重新认领）还有 2 个工作日到期（${due}）`]);
    expect(await lines(hq)).toEqual([]);

    // 6 workdays late: 督办, up to the HQ office (its desk follows claims), the head of both.
    await runReminders(database, at(cal.addWorkdays(today, 9)));
    const supervised = (s: Session) => lines(s).then((ls) => said(ls.filter((l) => l.step === 'supervise')));
    expect(await supervised(head)).toEqual([`K-1 claim_review:supervise 待审核认领已逾期 6 个工作日（${due}）`, `K-2 claim_returned:supervise 被退回认领（须重新认领）已逾期 6 个工作日（${due}）`]);
    expect(await supervised(liaison)).toEqual([`K-2 claim_returned:supervise 被退回认领（须重新认领）已逾期 6 个工作日（${due}）`]);
    expect(await supervised(hq)).toEqual([`K-1 claim_review:supervise 待审核认领已逾期 6 个工作日（${due}）`, `K-2 claim_returned:supervise 被退回认领（须重新认领）已逾期 6 个工作日（${due}）`]);

    // Approved: nothing more about it (and the returned one has had its highest step).
    expect((await send(h.app, { method: 'POST', url: `/api/tasks/${toApprove.id}/claim/approve`, payload: { version: 1 } }, head)).statusCode).toBe(200);
    const before = (await lines(head)).length;
    expect(await runReminders(database, at(cal.addWorkdays(today, 10)))).toMatchObject({ skipped: false });
    expect((await lines(head)).length).toBe(before);
  });
});
