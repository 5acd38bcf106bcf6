import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from '../calendar/workdays.js';
import { planDigests, recipientsOf, sentKey, type DueThing, type People } from './digest.js';
import { askedPeriods, dueThings, reportDuePeriods, type ShareFact } from './dueThings.js';
import { DEFAULT_LADDER, type ReminderStep } from './ladder.js';
import { digestTitle, itemLine } from './words.js';

const cal = new WorkdayCalendar();
const people: People = {
  liaisons: new Map([['u1', ['lia1']], ['u2', ['lia2']]]),
  heads: new Map([['u1', ['head1']], ['u2', ['head2']], ['u3', ['head3']]]),
  taskForces: new Map([['tf', ['tf1']]]),
  hqOffice: new Map([['d1', ['hq1']], ['d2', ['hq2']], ['city', ['hqCity']]]),
  // u1–u3 in district d1; u4 in d2; u5 in d3, which has no office of its own: the city's chases it.
  unitRegion: new Map([['u1', 'd1'], ['u2', 'd1'], ['u3', 'd1'], ['u4', 'd2'], ['u5', 'd3']]),
  regionParent: new Map([['d1', 'city'], ['d2', 'city'], ['d3', 'city'], ['city', null]]),
};
const thing = (over: Partial<DueThing> = {}): DueThing => ({
  kind: 'deadline',
  key: 'deadline:t1:u1:2026-06-12',
  itemType: 'task',
  itemId: 't1',
  code: 'T-1',
  title: '建设产业园',
  unitId: 'u1',
  taskForceId: 'tf',
  due: '2026-06-12',
  ...over,
});
const plan = (today: string, things: DueThing[], sent: Map<string, ReminderStep[]> = new Map()) =>
  planDigests({ today, calendar: cal, settings: DEFAULT_LADDER, things, people, sent });

describe('who hears which step', () => {
  it('tells the liaison first, the head from 催办 on, the task force or HQ office at 督办', () => {
    expect(recipientsOf(thing(), 'before', people)).toEqual(['lia1']);
    expect(recipientsOf(thing(), 'remind', people)).toEqual(['lia1']);
    expect(recipientsOf(thing(), 'urge', people)).toEqual(['lia1', 'head1']);
    expect(recipientsOf(thing(), 'supervise', people)).toEqual(['lia1', 'head1', 'tf1']);
    expect(recipientsOf(thing({ taskForceId: null }), 'supervise', people)).toEqual(['lia1', 'head1', 'hq1']);
    expect(recipientsOf(thing({ kind: 'claim' }), 'supervise', people)).toEqual(['lia1', 'head1', 'hq1']);
  });

  it('sends 督办 to the unit’s own district’s HQ office, never another district’s; the nearest above when it has none', () => {
    const heads = new Map([...people.heads, ['u4', ['head4']], ['u5', ['head5']]]);
    const wider = { ...people, heads };
    expect(recipientsOf(thing({ kind: 'claim', unitId: 'u4' }), 'supervise', wider)).toEqual(['head4', 'hq2']);
    expect(recipientsOf(thing({ kind: 'claim', unitId: 'u5' }), 'supervise', wider)).toEqual(['head5', 'hqCity']);
    expect(recipientsOf(thing({ kind: 'claim', unitId: 'nowhere' }), 'supervise', wider)).toEqual([]);
  });

  it('tells only the head of a claim awaiting approval, the liaison of a returned one, and the HQ office at 督办', () => {
    expect(recipientsOf(thing({ kind: 'claim_review' }), 'before', people)).toEqual(['head1']);
    expect(recipientsOf(thing({ kind: 'claim_review' }), 'urge', people)).toEqual(['head1']);
    expect(recipientsOf(thing({ kind: 'claim_review' }), 'supervise', people)).toEqual(['head1', 'hq1']);
    expect(recipientsOf(thing({ kind: 'claim_returned' }), 'remind', people)).toEqual(['lia1']);
    expect(recipientsOf(thing({ kind: 'claim_returned' }), 'urge', people)).toEqual(['lia1', 'head1']);
    expect(recipientsOf(thing({ kind: 'claim_returned' }), 'supervise', people)).toEqual(['lia1', 'head1', 'hq1']);
  });

  it('tells the head when the unit has no liaison', () => {
    expect(recipientsOf(thing({ unitId: 'u3' }), 'before', people)).toEqual(['head3']);
  });
});

describe('one digest per person per day', () => {
  it('lists each person’s items, most pressing first, and nothing for those with none', () => {
    const things = [thing(), thing({ key: 'deadline:t2:u1:2026-06-05', itemId: 't2', code: 'T-2', due: '2026-06-05' }), thing({ key: 'x', unitId: 'u2', due: '2026-12-31' })];
    const digests = plan('2026-06-15', things);
    expect(digests.map((d) => [d.userId, d.items.map((i) => `${i.code} ${i.step} ${i.workdays}`)])).toEqual([
      ['head1', ['T-2 supervise 6']],
      ['lia1', ['T-2 supervise 6', 'T-1 remind 1']],
      ['tf1', ['T-2 supervise 6']],
    ]);
    expect(plan('2026-06-01', [thing({ due: '2026-12-31' })])).toEqual([]);
  });

  it('sends nothing again for a step already sent, the same day or later', () => {
    const sent = new Map<string, ReminderStep[]>([[sentKey('lia1', thing().key), ['remind']]]);
    expect(plan('2026-06-15', [thing()], sent)).toEqual([]);
    expect(plan('2026-06-16', [thing()], sent)).toEqual([]);
    expect(plan('2026-06-17', [thing()], sent).map((d) => d.userId)).toEqual(['head1', 'lia1']);
  });

  it('is the same for the same input', () => {
    const things = [thing(), thing({ key: 'k2', itemId: 't9', code: 'T-9' })];
    expect(plan('2026-06-23', things)).toEqual(plan('2026-06-23', [...things].reverse()));
  });

  it('titles a digest by its steps, with no wording for an empty one', () => {
    const items = plan('2026-06-23', [thing(), thing({ kind: 'report', key: 'r', period: '2026-05', due: '2026-06-17' })])[1]!.items;
    expect(digestTitle(items, 'zh-CN')).toBe('今日提醒 2 项：督办 1 项、催报 1 项');
    expect(digestTitle(items, 'en-US')).toBe("Today's reminders (2): 1 supervised, 1 report chased");
    expect(itemLine(items[1]!, 'zh-CN')).toBe('T-1 建设产业园：2026-05 进展报送已逾期 3 个工作日（2026-06-17）');
  });
});

describe('what is due', () => {
  const share = (over: Partial<ShareFact> = {}): ShareFact => ({
    taskId: 't1',
    code: 'T-1',
    title: '建设产业园',
    unitId: 'u1',
    role: 'lead',
    claimStatus: 'approved',
    assignedDay: '2026-01-05',
    claimedDay: '2026-01-06',
    returnedDay: null,
    deadlineKind: 'date',
    deadline: '2026-12-31',
    nextDue: null,
    startDate: null,
    reportPeriod: 'monthly',
    taskForceId: 'tf',
    reported: [],
    ...over,
  });
  const facts = (shares: ShareFact[]) => ({ shares, targets: [], projects: [], milestones: [] });

  it('asks for the upcoming and the last passed report period', () => {
    // 10 June 2026: May's report was due 5 June (passed), June's is due 7 July.
    expect(reportDuePeriods('monthly', '2026-06-10', cal)).toEqual({ upcoming: { period: '2026-06', due: '2026-07-07' }, passed: { period: '2026-05', due: '2026-06-05' } });
    expect(askedPeriods('2026-06-10', cal)).toContain('2026-Q1');
    const keys = dueThings(facts([share()]), '2026-06-10', cal).map((t) => t.key);
    expect(keys).toEqual(['report:task:t1:u1:2026-05', 'report:task:t1:u1:2026-06', 'deadline:t1:u1:2026-12-31']);
    expect(dueThings(facts([share({ reported: ['2026-05'], role: 'support' })]), '2026-06-10', cal).map((t) => t.key)).toEqual(['report:task:t1:u1:2026-06']);
  });

  it('asks a share never claimed for its claim by the claim deadline, and no report yet', () => {
    const things = dueThings(facts([share({ claimStatus: 'unclaimed', assignedDay: '2026-06-01', role: 'support' })]), '2026-06-10', cal);
    expect(things.map((t) => [t.kind, t.due])).toEqual([['claim', '2026-06-08']]);
  });

  it('asks the head to approve a submitted claim within 3 workdays of it, and the unit to claim a returned one again within 3 of the return', () => {
    // Submitted Friday 5 June 2026: due Wednesday 10 June; its reports are asked meanwhile, as before.
    const review = dueThings(facts([share({ claimStatus: 'submitted', claimedDay: '2026-06-05', role: 'support' })]), '2026-06-10', cal);
    expect(review.map((t) => [t.kind, t.key, t.due])).toEqual([
      ['claim_review', 'claim_review:t1:u1:2026-06-05', '2026-06-10'],
      ['report', 'report:task:t1:u1:2026-05', '2026-06-05'],
      ['report', 'report:task:t1:u1:2026-06', '2026-07-07'],
    ]);
    // Returned Monday 8 June: due Thursday 11 June; a returned claim is not asked for reports.
    const returned = dueThings(facts([share({ claimStatus: 'returned', claimedDay: '2026-06-05', returnedDay: '2026-06-08', role: 'support' })]), '2026-06-10', cal);
    expect(returned.map((t) => [t.kind, t.key, t.due])).toEqual([['claim_returned', 'claim_returned:t1:u1:2026-06-08', '2026-06-11']]);
    // Returned before its day was kept: counted from the claim.
    expect(dueThings(facts([share({ claimStatus: 'returned', claimedDay: '2026-06-05', role: 'support' })]), '2026-06-10', cal)[0]!.due).toBe('2026-06-10');
    // The ladder then runs as for any claim: the head's 督办 reaches the HQ office.
    const digests = plan('2026-06-18', review.filter((t) => t.kind === 'claim_review'));
    expect(digests.map((d) => [d.userId, d.items.map((i) => `${i.kind} ${i.step} ${i.workdays}`)])).toEqual([
      ['head1', ['claim_review supervise 6']],
      ['hq1', ['claim_review supervise 6']],
    ]);
    expect(itemLine(digests[0]!.items[0]!, 'zh-CN')).toBe('T-1 建设产业园：待审核认领已逾期 6 个工作日（2026-06-10）');
    expect(itemLine({ ...digests[0]!.items[0]!, kind: 'claim_returned', step: 'before', workdays: 1, due: '2026-06-11' }, 'zh-CN')).toBe('T-1 建设产业园：被退回认领（须重新认领）还有 1 个工作日到期（2026-06-11）');
    expect(itemLine(digests[0]!.items[0]!, 'en-US')).toBe('T-1 建设产业园: Claim awaiting your approval, 6 workday(s) late (due 2026-06-10)');
  });

  it('does not ask for a period that ended before the work began', () => {
    expect(dueThings(facts([share({ startDate: '2026-06-02', role: 'support' })]), '2026-06-10', cal).map((t) => t.period)).toEqual(['2026-06']);
  });
});
