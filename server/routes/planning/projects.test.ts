import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkdayCalendar } from '../../../domain/calendar/workdays.js';
import { eq } from 'drizzle-orm';
import { projectMonths, projects } from '../../db/schema/index.js';
import { expectError } from '../../testing/api.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { call, code, makeArea, makePlan, makeProgram, ok, planningCast, Y } from '../../testing/planning.js';
import { today as clockToday } from '../../clock.js';

const cal = new WorkdayCalendar();
const today = clockToday();

describe.each(DATABASE_KINDS)('projects on %s', (kind) => {
  let h: Harness;
  let cast: Awaited<ReturnType<typeof planningCast>>;
  let plan: { id: string };
  let area: { id: string };
  beforeAll(async () => {
    h = await startHarness(kind);
    cast = await planningCast(h.app, h.db.database);
    const program = await makeProgram(h.app, cast.hq);
    plan = await makePlan(h.app, cast.hq, program.id);
    area = await makeArea(h.app, cast.hq, program.id, '项目建设');
  });
  afterAll(async () => h?.close());

  const newProject = (over: Record<string, unknown> = {}) => ({
    code: code('XM'),
    name: '百万吨级乙烯项目',
    planId: plan.id,
    areaId: area.id,
    ownerEnterprise: '某石化有限公司',
    location: '精细化工产业园',
    responsibleUnitId: cast.unitA.id,
    totalInvestment: '1234.50',
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}) => ok(await call(h.app, cast.hq, 'POST', '/api/projects', newProject(over)));

  it('creates a project with exact money; only the HQ office writes, everyone reads', async () => {
    const p = await create();
    expect(p).toMatchObject({ totalInvestment: '1234.50', stage: 'planning', responsibleUnitName: cast.unitA.name, yearPlans: [], months: [], totals: { planned: '0.00', done: '0.00' } });
    expect(ok(await call(h.app, cast.liaisonB, 'GET', `/api/projects/${p.id}`)).id).toBe(p.id);
    for (const s of [cast.liaisonA, cast.sysadmin, cast.leader]) expectError(await call(h.app, s, 'POST', '/api/projects', newProject()), 403);
    expectError(await call(h.app, cast.headA, 'PATCH', `/api/projects/${p.id}`, { version: p.version, name: '改' }), 403);
    expectError(await call(h.app, cast.hq, 'POST', '/api/projects', newProject({ code: p.code })), 409, 'duplicate');
    expectError(await call(h.app, cast.hq, 'GET', `/api/projects/${crypto.randomUUID()}`), 404);
  });

  it('refuses floating-point money and bad references, naming the field', async () => {
    for (const [over, field] of [
      [{ totalInvestment: 1234.5 }, 'totalInvestment'],
      [{ totalInvestment: '12.345' }, 'totalInvestment'],
      [{ totalInvestment: '-1' }, 'totalInvestment'],
      [{ stage: 'dreaming' }, 'stage'],
      [{ stageDates: { started: { planned: '2026-02-30' } } }, 'stageDates.started.planned'],
    ] as const) {
      const e = expectError(await call(h.app, cast.hq, 'POST', '/api/projects', newProject(over)), 400, 'validation');
      expect(Object.keys(e.fields!), JSON.stringify(over)).toEqual([field]);
    }
    const foreign = await makeArea(h.app, cast.hq, (await makeProgram(h.app, cast.hq)).id);
    for (const [over, field] of [
      [{ responsibleUnitId: crypto.randomUUID() }, 'responsibleUnitId'],
      [{ planId: crypto.randomUUID() }, 'planId'],
      [{ areaId: foreign.id }, 'areaId'],
      [{ planId: null, areaId: crypto.randomUUID() }, 'areaId'],
    ] as const) {
      const e = expectError(await call(h.app, cast.hq, 'POST', '/api/projects', newProject(over)), 422, 'reference_invalid');
      expect(Object.keys(e.fields!)).toEqual([field]);
    }
  });

  it('sorts by total investment as a number (100.00 above 20.50 above 9.00), either way, and by light most urgent first', async () => {
    const program = await makeProgram(h.app, cast.hq);
    const own = await makePlan(h.app, cast.hq, program.id);
    const made = [];
    for (const total of ['9.00', '100.00', '20.50']) made.push(await create({ planId: own.id, areaId: null, totalInvestment: total }));
    const totals = async (query: string) => (await call(h.app, cast.liaisonA, 'GET', `/api/projects?plan=${own.id}&${query}`)).json().data.map((p: { totalInvestment: string }) => p.totalInvestment);
    expect(await totals('sort=investment&order=desc')).toEqual(['100.00', '20.50', '9.00']);
    expect(await totals('sort=investment')).toEqual(['9.00', '20.50', '100.00']);
    expect(expectError(await call(h.app, cast.liaisonA, 'GET', '/api/projects?sort=name'), 400).fields).toHaveProperty('sort');
    await h.db.database.db.update(projects).set({ light: 'red' }).where(eq(projects.id, made[2]!.id));
    const first = (await call(h.app, cast.liaisonA, 'GET', `/api/projects?plan=${own.id}&sort=light`)).json().data[0];
    expect(first.id).toBe(made[2]!.id);
    // The plan's page counts its three projects by light, the red one among them.
    const counts = ok(await call(h.app, cast.liaisonA, 'GET', `/api/plans/${own.id}`)).projectLights;
    expect(counts.red).toBe(1);
    expect(Object.values(counts).reduce((a: number, b) => a + (b as number), 0)).toBe(3);
  });

  it('plans yearly investment and charts planned vs. done by month, exactly: 0.10 + 0.20 = 0.30', async () => {
    let p = await create();
    const put = (years: unknown, version = p.version) => call(h.app, cast.hq, 'PUT', `/api/projects/${p.id}/plan`, { version, years });
    p = ok(await put([{ year: Y, planned: '0.10' }, { year: Y + 1, planned: '0.20' }]));
    expect(p.yearPlans).toEqual([{ year: Y, planned: '0.10' }, { year: Y + 1, planned: '0.20' }]);
    expect(p.totals.planned).toBe('0.30');
    expect(p.months).toHaveLength(24);
    expect(p.months[11]).toMatchObject({ month: `${Y}-12`, plannedCumulative: '0.10' });
    await h.db.database.db.insert(projectMonths).values([
      { projectId: p.id, month: `${Y}-03`, done: '0.10' },
      { projectId: p.id, month: `${Y}-04`, done: '0.20' },
    ]);
    p = ok(await call(h.app, cast.liaisonA, 'GET', `/api/projects/${p.id}`));
    expect(p.totals).toEqual({ planned: '0.30', done: '0.30' });
    expect(p.months[3]).toMatchObject({ month: `${Y}-04`, done: '0.20', doneCumulative: '0.30' });
    expectError(await put([], p.version - 1), 409, 'version_conflict');
    expect(Object.keys(expectError(await put([{ year: Y, planned: '1000' }, { year: Y + 1, planned: '234.51' }]), 422, 'plan_exceeds_total').fields!)).toEqual(['years']);
    expect(Object.keys(expectError(await put([{ year: Y, planned: '1' }, { year: Y, planned: '2' }]), 400).fields!)).toEqual(['years.1.year']);
    const shrink = expectError(await call(h.app, cast.hq, 'PATCH', `/api/projects/${p.id}`, { version: p.version, totalInvestment: '0.29' }, 'zh-CN'), 422, 'plan_exceeds_total');
    expect(Object.keys(shrink.fields!)).toEqual(['totalInvestment']);
    expect(shrink.message).toContain('0.30');
    expect(shrink.message.startsWith('总投资：')).toBe(true);
    expectError(await call(h.app, cast.liaisonA, 'PUT', `/api/projects/${p.id}/plan`, { version: p.version, years: [] }), 403);
  });

  it("lists each project with this year's investment done against planned, and the completion rate", async () => {
    let p = await create();
    p = ok(await call(h.app, cast.hq, 'PUT', `/api/projects/${p.id}/plan`, { version: p.version, years: [{ year: Y, planned: '1200.30' }] }));
    const row = async () => (await call(h.app, cast.liaisonA, 'GET', `/api/projects?q=${p.code}`)).json().data[0];
    expect((await row()).thisYear).toEqual({ year: Y, planned: '1200.30', done: '0.00', rate: '0.0' });
    await h.db.database.db.insert(projectMonths).values([
      { projectId: p.id, month: `${Y}-01`, done: '100.10' },
      { projectId: p.id, month: `${Y}-02`, done: '200.20' },
      // Next year's month is not this year's investment.
      { projectId: p.id, month: `${Y + 1}-01`, done: '50.00' },
    ]);
    // 300.30 of 1200.30 is 25.0187…%.
    expect((await row()).thisYear).toEqual({ year: Y, planned: '1200.30', done: '300.30', rate: '25.0' });
    expect(ok(await call(h.app, cast.liaisonA, 'GET', `/api/projects/${p.id}`)).thisYear).toEqual((await row()).thisYear);
    const unplanned = await create();
    expect((await call(h.app, cast.liaisonA, 'GET', `/api/projects?q=${unplanned.code}`)).json().data[0].thisYear).toEqual({ year: Y, planned: null, done: '0.00', rate: null });
  });

  it('moves stages forward only, dating each one reached, and lights overdue stages', async () => {
    const signedDue = cal.addWorkdays(today, -8);
    let p = await create({ stageDates: { signed: { planned: signedDue }, started: { planned: cal.addWorkdays(today, 30) } } });
    const late = -cal.workdaysUntil(today, signedDue);
    expect(p.light).toBe('red');
    expect(p.lightReasons[0]).toMatchObject({ code: 'milestone_overdue', text: `节点“签约”逾期${late}个工作日` });
    p = ok(await call(h.app, cast.hq, 'PATCH', `/api/projects/${p.id}`, { version: p.version, stage: 'signed' }));
    expect(p.stageDates.signed).toEqual({ planned: signedDue, actual: today });
    expect(p.lightReasons.map((r: { code: string }) => r.code)).not.toContain('milestone_overdue');
    const back = expectError(await call(h.app, cast.hq, 'PATCH', `/api/projects/${p.id}`, { version: p.version, stage: 'planning' }, 'en-US'), 422, 'stage_backwards');
    expect(Object.keys(back.fields!)).toEqual(['stage']);
    expect(back.message).toContain('from signed back to planning');
    expect(back.message.startsWith('Stage: ')).toBe(true);
    expectError(await call(h.app, cast.hq, 'PATCH', `/api/projects/${p.id}`, { version: p.version - 1, name: '旧' }), 409, 'version_conflict');

    const listed = await call(h.app, cast.liaisonB, 'GET', `/api/projects?unit=${cast.unitA.id}&stage=signed&area=${area.id}`);
    expect(listed.json().data.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect(listed.json().policies).toEqual({ read: true, create: false, update: false });
    const reds = (await call(h.app, cast.hq, 'GET', `/api/projects?plan=${plan.id}&light=red`)).json();
    expect(reds.data.every((x: { light: string }) => x.light === 'red')).toBe(true);
    expect(reds.counts.red).toBe(reds.page.total);
  });
});
