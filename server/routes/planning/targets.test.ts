import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../testing/api.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { LIGHTS } from '../../../domain/lights.js';
import { call, code, makeArea, makePlan, makeProgram, ok, planningCast, Y } from '../../testing/planning.js';

describe.each(DATABASE_KINDS)('targets on %s', (kind) => {
  let h: Harness;
  let cast: Awaited<ReturnType<typeof planningCast>>;
  let program: { id: string };
  let plan: { id: string };
  let area: { id: string };
  beforeAll(async () => {
    h = await startHarness(kind);
    cast = await planningCast(h.app, h.db.database);
    program = await makeProgram(h.app, cast.hq);
    plan = await makePlan(h.app, cast.hq, program.id);
    area = await makeArea(h.app, cast.hq, program.id);
  });
  afterAll(async () => h?.close());

  const newTarget = (over: Record<string, unknown> = {}) => ({
    planId: plan.id,
    areaId: area.id,
    code: code('T'),
    name: '规上工业增加值',
    measureUnit: '亿元',
    baseline: '100',
    direction: 'higher',
    dataUnitId: cast.unitA.id,
    period: 'monthly',
    goals: [
      { year: Y, goal: '112' },
      { year: Y + 1, goal: '124' },
    ],
    ...over,
  });
  const actual = (id: string, period: string, value: string) => call(h.app, cast.hq, 'POST', `/api/targets/${id}/actuals`, { period, value });

  it('creates a target with a linear trajectory; only the HQ office may', async () => {
    const t = ok(await call(h.app, cast.hq, 'POST', '/api/targets', newTarget()));
    expect(t).toMatchObject({ baseline: '100.0000', trajectoryKind: 'linear', dataUnitName: cast.unitA.name });
    expect(LIGHTS).toContain(t.light);
    expect(t.lightReasons.length).toBeGreaterThan(0);
    expect(t.trajectory).toHaveLength(24);
    expect(t.trajectory[0]).toEqual({ period: `${Y}-01`, year: Y, expected: '101.0000', entered: false });
    expect(t.firstYear).toEqual({ year: Y, goal: '112.0000', value: null, basis: 'none', willMeet: null, title: '首战告捷' });
    for (const s of [cast.liaisonA, cast.sysadmin, cast.leader]) expectError(await call(h.app, s, 'POST', '/api/targets', newTarget()), 403);
    expect(ok(await call(h.app, cast.liaisonB, 'GET', `/api/targets/${t.id}`)).id).toBe(t.id);
    expectError(await call(h.app, cast.hq, 'POST', '/api/targets', newTarget({ code: t.code })), 409, 'duplicate');
  });

  it('refuses numbers for decimals and other bad input with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ baseline: 100 }, ['baseline']],
      [{ baseline: '1e5' }, ['baseline']],
      [{ goals: [] }, ['goals']],
      [{ goals: [{ year: Y, goal: '1' }, { year: Y, goal: '2' }] }, ['goals.1.year']],
      [{ period: 'weekly', direction: 'up' }, ['direction', 'period']],
    ];
    for (const [over, fields] of cases) {
      const e = expectError(await call(h.app, cast.hq, 'POST', '/api/targets', newTarget(over)), 400, 'validation');
      expect(Object.keys(e.fields!).sort(), JSON.stringify(over)).toEqual(fields);
    }
  });

  it('refuses bad references and goal years outside the program with 422 naming the field', async () => {
    const other = await makeArea(h.app, cast.hq, (await makeProgram(h.app, cast.hq)).id);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ dataUnitId: crypto.randomUUID() }, 'dataUnitId', 'reference_invalid'],
      [{ areaId: other.id }, 'areaId', 'reference_invalid'],
      [{ planId: crypto.randomUUID() }, 'planId', 'reference_invalid'],
      [{ goals: [{ year: Y + 5, goal: '1' }] }, 'goals.0.year', 'year_out_of_range'],
    ];
    for (const [over, field, errCode] of cases) {
      const e = expectError(await call(h.app, cast.hq, 'POST', '/api/targets', newTarget(over)), 422, errCode);
      expect(Object.keys(e.fields!)).toEqual([field]);
    }
  });

  it('follows how its figures add up: a year-to-date revenue is planned, forecast and lit against the year’s goal pro rata (issue 17 item 4)', async () => {
    expect(ok(await call(h.app, cast.hq, 'POST', '/api/targets', newTarget())).accumulation).toBe('level');
    expectError(await call(h.app, cast.hq, 'POST', '/api/targets', newTarget({ accumulation: 'ytd' })), 400, 'validation');
    const revenue = ok(await call(h.app, cast.hq, 'POST', '/api/targets', newTarget({ name: '一般公共预算收入', baseline: '18.6', accumulation: 'cumulative', goals: [{ year: Y, goal: '19.8' }] })));
    expect(revenue.accumulation).toBe('cumulative');
    expect(revenue.trajectory.find((p: { period: string }) => p.period === `${Y}-05`).expected).toBe('8.2500');
    for (const [p, v] of [[`${Y}-01`, '1.7'], [`${Y}-03`, '5.0'], [`${Y}-05`, '8.4']]) ok(await actual(revenue.id, p!, v!));
    const seen = ok(await call(h.app, cast.hq, 'GET', `/api/targets/${revenue.id}`));
    // Read as a level, 8.4亿 against 19.8亿 was "预计难以完成"; as the year to date it is on course.
    expect(seen.firstYear).toMatchObject({ value: '20.2', basis: 'trend', willMeet: true });
    expect(seen.light).toBe('green');
    expect(seen.lightReasons[0].text).toBe(`${Y}-05实际值8.4亿元，达到计划值8.3亿元`);
    // Changed to 当期值, the same figures add up to 15.1亿 by May: far ahead of the plan to date.
    const periodic = ok(await call(h.app, cast.hq, 'PATCH', `/api/targets/${revenue.id}`, { version: seen.version, accumulation: 'periodic' }));
    expect(periodic.accumulation).toBe('periodic');
    expect(periodic.lightReasons[0].text).toBe(`${Y}-05实际值15.1亿元，达到计划值8.3亿元`);
  });

  it('records actuals, forecasts the year end, and answers whether 首战告捷 will be met', async () => {
    const onPace = ok(await call(h.app, cast.hq, 'POST', '/api/targets', newTarget({ dataUnitId: cast.unitB.id })));
    for (const [p, v] of [[`${Y}-01`, '101'], [`${Y}-02`, '102'], [`${Y}-03`, '103']]) ok(await actual(onPace.id, p!, v!));
    const good = ok(await call(h.app, cast.liaisonA, 'GET', `/api/targets/${onPace.id}`));
    expect(good.firstYear).toEqual({ year: Y, goal: '112.0000', value: '112', basis: 'trend', willMeet: true, title: '首战告捷' });
    expect(good.actuals.map((a: { period: string; value: string }) => [a.period, a.value])).toEqual([[`${Y}-01`, '101.0000'], [`${Y}-02`, '102.0000'], [`${Y}-03`, '103.0000']]);
    expect(good.light).toBe('green');
    expect(good.lightReasons[0]).toMatchObject({ code: 'target_on_track', text: `${Y}-03实际值103亿元，达到计划值103亿元` });

    const lagging = ok(await call(h.app, cast.hq, 'POST', '/api/targets', newTarget({ dataUnitId: cast.unitB.id })));
    for (const [p, v] of [[`${Y}-01`, '100.5'], [`${Y}-02`, '101'], [`${Y}-03`, '101.5']]) ok(await actual(lagging.id, p!, v!));
    const bad = ok(await call(h.app, cast.hq, 'GET', `/api/targets/${lagging.id}`, undefined, 'en-US'));
    expect(bad.firstYear).toMatchObject({ willMeet: false, basis: 'trend', value: '106.0' });
    expect(bad.forecasts[1]).toEqual({ year: Y + 1, goal: '124.0000', value: null, basis: 'none', willMeet: null });
    expect(bad.light).toBe('red');
    expect(bad.lightReasons[0]).toMatchObject({ code: 'target_behind', level: 'red', text: `${Y}-03 actual 101.5 亿元 is behind the planned 103.0 亿元` });

    const listed = await call(h.app, cast.liaisonB, 'GET', `/api/targets?plan=${plan.id}&unit=${cast.unitB.id}&light=red`);
    expect(listed.json().data.map((t: { id: string }) => t.id)).toEqual([lagging.id]);
    expect(listed.json().counts).toMatchObject({ red: 1, green: 1 });
    expect(listed.json().policies).toEqual({ read: true, create: false, update: false, recordActual: false });
    // A list row states what the page states: the newest actual, and this year's goal and outlook.
    const [row] = listed.json().data;
    expect(row.latestActual).toEqual({ period: `${Y}-03`, value: '101.5000' });
    expect(row.thisYear).toEqual({ year: Y, goal: '112.0000', value: '106.0', basis: 'trend', willMeet: false });
    expect(bad.thisYear).toEqual(row.thisYear);
    const fresh = ok(await call(h.app, cast.hq, 'POST', '/api/targets', newTarget({ dataUnitId: cast.unitB.id })));
    const [none] = (await call(h.app, cast.hq, 'GET', `/api/targets?q=${fresh.code}`)).json().data;
    expect(none).toMatchObject({ latestActual: null, thisYear: { year: Y, goal: '112.0000', value: null, basis: 'none', willMeet: null } });
    expect(ok(await call(h.app, cast.liaisonB, 'GET', `/api/targets/${lagging.id}/actuals`))).toHaveLength(3);
    // The plan's page counts its targets' lights as the target list does.
    const inPlan = (await call(h.app, cast.hq, 'GET', `/api/targets?plan=${plan.id}`)).json().counts;
    expect(inPlan.red).toBeGreaterThan(0);
    expect(ok(await call(h.app, cast.leader, 'GET', `/api/plans/${plan.id}`)).targetLights).toEqual(inPlan);
  });

  it('refuses actuals outside the target’s periods, and from anyone but the HQ office', async () => {
    const t = ok(await call(h.app, cast.hq, 'POST', '/api/targets', newTarget()));
    for (const period of [`${Y}-Q1`, `${Y + 5}-01`]) {
      const e = expectError(await actual(t.id, period, '1'), 422, 'target_period_invalid');
      expect(Object.keys(e.fields!)).toEqual(['period']);
    }
    expect(Object.keys(expectError(await actual(t.id, `${Y}-13`, '1'), 400).fields!)).toEqual(['period']);
    expectError(await call(h.app, cast.liaisonA, 'POST', `/api/targets/${t.id}/actuals`, { period: `${Y}-01`, value: '1' }), 403);
    expectError(await actual(crypto.randomUUID(), `${Y}-01`, '1'), 404);
  });

  it('takes an entered trajectory, and edits with optimistic versions', async () => {
    let t = ok(await call(h.app, cast.hq, 'POST', '/api/targets', newTarget({ baseline: '0.1', goals: [{ year: Y, goal: '0.3' }], period: 'quarterly' })));
    expect(t.trajectory.map((p: { expected: string }) => p.expected)).toEqual(['0.1500', '0.2000', '0.2500', '0.3000']);
    const put = (body: Record<string, unknown>) => call(h.app, cast.hq, 'PUT', `/api/targets/${t.id}/trajectory`, { version: t.version, ...body });
    expect(Object.keys(expectError(await put({ points: [{ period: `${Y}-02`, expected: '0.2' }] }), 422, 'target_period_invalid').fields!)).toEqual(['points.0.period']);
    t = ok(await put({ points: [{ period: `${Y}-Q2`, expected: '0.12' }] }));
    expect(t.trajectoryKind).toBe('entered');
    expect(t.trajectory[1]).toEqual({ period: `${Y}-Q2`, year: Y, expected: '0.1200', entered: true });
    expectError(await call(h.app, cast.hq, 'PUT', `/api/targets/${t.id}/trajectory`, { version: t.version - 1, points: [] }), 409, 'version_conflict');
    expectError(await call(h.app, cast.liaisonA, 'PUT', `/api/targets/${t.id}/trajectory`, { version: t.version, points: [] }), 403);

    const locked = expectError(await call(h.app, cast.hq, 'PATCH', `/api/targets/${t.id}`, { version: t.version, period: 'monthly' }), 422, 'target_period_locked');
    expect(Object.keys(locked.fields!)).toEqual(['period']);
    t = ok(await put({ points: [] }));
    expect(t.trajectoryKind).toBe('linear');
    t = ok(await call(h.app, cast.hq, 'PATCH', `/api/targets/${t.id}`, { version: t.version, period: 'monthly', name: '研发投入强度', goals: [{ year: Y, goal: '0.6' }] }));
    expect(t).toMatchObject({ period: 'monthly', name: '研发投入强度' });
    expect(t.trajectory).toHaveLength(12);
    expectError(await call(h.app, cast.hq, 'PATCH', `/api/targets/${t.id}`, { version: 0, name: '旧' }), 409, 'version_conflict');
  });
});
