import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../domain/calendar/days.js';
import { now } from '../clock.js';
import { areas, blockerItems, blockers, projectMonths, projectYearPlans, targetActuals } from '../db/schema/index.js';
import { runMidnightJob } from '../jobs/midnightJob.js';
import { lightEnv, refreshTargetLight } from '../lights/refresh.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { reportingApi } from '../testing/reportingCalls.js';
import { makeDistrict, makeProject, makeTarget, makeTask, type District, type Person } from '../testing/workFactories.js';

type Panels = {
  period: { kind: string; from: string; to: string };
  lights: Record<'task' | 'target' | 'project', Record<string, number>>;
  blockers: { unresolved: { level: string; age: string; n: number }[]; toVerify: number; raisedInPeriod: number };
  overdue: { task: number; worst: { itemId: string; workdays: number }[] };
  movement: { turnedRed: number; newlyRed: { itemId: string }[] };
  byPlan: { id: string; turnedRed: number; recovered: number }[];
  byTaskForce: { id: string; turnedRed: number }[];
  byUnit: { id: string; turnedRed: number }[];
  unitsTotal: number;
  targets: { thisYear: { met: number; missed: number; unknown: number }; firstYear: { met: number; missed: number; unknown: number; missing: { id: string }[] } };
  investment: { year: number; planned: string; done: string; byMonth: { month: string; done: string }[]; byStage: { stage: string; n: number; planned: string }[] };
};

describe.each(DATABASE_KINDS)('the leading group’s dashboard on %s (issue 21 item 1)', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  const panels = async (q = 'period=month') => {
    const res = await api.get(d.leader, `/api/dashboard?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as Panels;
  };
  const count = async (q: ReturnType<typeof sql>) => Number(((await h.db.database.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

  it('counts what the lists hold: lights, overdue items, blockers by level and age, investment exactly', async () => {
    const today = shanghaiDate(now());
    const year = Number(today.slice(0, 4));
    const late = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { deadline: '2020-06-30', startDate: '2020-01-01' });
    await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const project = await makeProject(h.db.database, d.loosePlan.id, d.unitB.id);
    await h.db.database.db.insert(projectYearPlans).values({ projectId: project.id, year, planned: '1000.10' });
    await h.db.database.db.insert(projectMonths).values([
      { projectId: project.id, month: `${year}-01`, done: '0.10' },
      { projectId: project.id, month: `${year}-02`, done: '0.20' },
    ]);
    // A blocker raised today through the API, and one that has sat at the HQ for months.
    await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: late.id, title: '资金缺口' }, 200);
    const [old] = await h.db.database.db.insert(blockers).values({ itemType: 'task', itemId: late.id, unitId: d.unitA.id, title: '用地', level: 'hq', levelSince: new Date(Date.now() - 90 * 86_400_000) }).returning();
    await h.db.database.db.insert(blockerItems).values({ blockerId: old!.id, itemType: 'task', itemId: late.id });
    await api.write(d.hq, 'POST', `/api/blockers/${old!.id}/escalate`, {}, 200); // recomputes the task's light, now overdue

    const p = await panels();
    expect(p.period).toEqual({ kind: 'month', from: `${today.slice(0, 7)}-01`, to: p.period.to });
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(sum(p.lights.task)).toBe(await count(sql`select count(*)::int as n from tasks`));
    expect(p.lights.task.red).toBe(await count(sql`select count(*)::int as n from tasks where light = 'red'`));
    expect(p.overdue.task).toBe(await count(sql`select count(*)::int as n from tasks where light_reasons @> '[{"code":"overdue"}]'::jsonb`));
    expect(p.overdue.worst.map((w) => w.itemId)).toContain(late.id);
    // The escalation recomputed its light: it turned red this period, and is named among those newly red.
    expect(p.movement.turnedRed).toBeGreaterThanOrEqual(1);
    expect(p.movement.newlyRed.map((m) => m.itemId)).toContain(late.id);
    // Its history holds the one change, written by the database whatever path stored the light.
    const changes = (await h.db.database.db.execute(sql`select to_light from light_changes where item_id = ${late.id} order by id`)) as unknown as { rows: { to_light: string }[] };
    expect(changes.rows.map((r) => r.to_light)).toEqual(['red']);
    // …and counted where it belongs: its plan, its plan's task force and its unit each turned one red.
    const turned = (rows: { id: string; turnedRed: number }[], id: string) => rows.find((r) => r.id === id)?.turnedRed;
    expect(turned(p.byPlan, d.plan.id)).toBe(1);
    expect(turned(p.byTaskForce, d.tfBody.id)).toBe(1);
    expect(turned(p.byUnit, d.unitA.id)).toBe(1);
    expect(turned(p.byPlan, d.loosePlan.id) ?? 0).toBe(0);
    // A unit's own dashboard counts its items' turns only: unit A's liaison sees the task turn red, unit B's does not.
    const ofUnit = async (who: typeof d.liaisonA) => {
      const res = await api.get(who, '/api/dashboard?period=month');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().data as Panels;
    };
    const [a, b] = [await ofUnit(d.liaisonA), await ofUnit(d.liaisonB)];
    expect(a.movement.newlyRed.map((m) => m.itemId)).toContain(late.id);
    expect(turned(a.byUnit, d.unitA.id)).toBe(1);
    expect(b.movement.newlyRed.map((m) => m.itemId)).not.toContain(late.id);
    expect(turned(b.byUnit, d.unitA.id) ?? 0).toBe(0);
    // The fresh one at unit level; the old one is now at the leading group and fresh there (it just arrived).
    expect(p.blockers.unresolved).toEqual(expect.arrayContaining([{ level: 'unit', age: 'fresh', n: 1 }, { level: 'leading_group', age: 'fresh', n: 1 }]));
    expect(p.blockers.raisedInPeriod).toBeGreaterThanOrEqual(1);
    // Money adds up exactly: 0.10 + 0.20 is 0.30, not 0.30000000000000004.
    expect(p.investment).toMatchObject({ year, planned: '1000.10', done: '0.30' });
    expect(p.investment.byMonth).toEqual([
      { month: `${year}-01`, done: '0.10' },
      { month: `${year}-02`, done: '0.20' },
    ]);
    expect(p.investment.byStage.reduce((n, s) => n + s.n, 0)).toBe(await count(sql`select count(*)::int as n from projects`));
    expect(p.investment.byStage.find((s) => s.planned === '1000.10')).toMatchObject({ n: 1 });
  });

  it('keeps a reply only until the next write: a blocker raised after a read is counted at the next one', async () => {
    const task = await makeTask(h.db.database, d.loosePlan.id, [{ unitId: d.unitB.id }]);
    const raised = async () => (await panels()).blockers.raisedInPeriod;
    const before = await raised();
    expect(await raised()).toBe(before);
    await api.write(d.liaisonB, 'POST', '/api/blockers', { itemType: 'task', itemId: task.id, title: '征迁' }, 200);
    expect(await raised()).toBe(before + 1);
  });

  it('counts 首战告捷 and this year from the verdicts stored with each target’s light, as it would from the actuals', async () => {
    const { database } = h.db;
    const year = Number(shanghaiDate(now()).slice(0, 4));
    // Two monthly 时点值 targets with January and February in: one heading for its goal of 112, one not.
    const ahead = await makeTarget(database, d.plan.id, d.unitA.id);
    const behind = await makeTarget(database, d.plan.id, d.unitA.id);
    const at = new Date();
    await database.db.insert(targetActuals).values([
      { targetId: ahead.id, period: `${year}-01`, value: '108', acceptedAt: at },
      { targetId: ahead.id, period: `${year}-02`, value: '112', acceptedAt: at },
      { targetId: behind.id, period: `${year}-01`, value: '100.5', acceptedAt: at },
      { targetId: behind.id, period: `${year}-02`, value: '100.6', acceptedAt: at },
    ]);
    // One target's light recomputed after a step stores its verdicts; the midnight run stores everyone's.
    await refreshTargetLight(database.db, behind.id, await lightEnv(database.db));
    const [one] = ((await database.db.execute(sql`select outlook from targets where id = ${behind.id}`)) as unknown as { rows: { outlook: { willMeet: boolean | null } | null }[] }).rows;
    expect(one?.outlook).toMatchObject({ year, willMeet: false });
    await runMidnightJob(database);
    const stored = (await database.db.execute(sql`select id, outlook from targets where id in (${ahead.id}, ${behind.id})`)) as unknown as { rows: { id: string; outlook: { year: number; willMeet: boolean | null } }[] };
    const verdict = (id: string) => stored.rows.find((r) => r.id === id)!.outlook;
    expect(verdict(ahead.id)).toMatchObject({ year, willMeet: true });
    expect(verdict(behind.id)).toMatchObject({ year, willMeet: false });
    // Each read asks for a period not asked before: the reply kept until the next write is not what is compared.
    const fromStored = (await panels('period=custom&from=2001-01-01&to=2001-01-31')).targets;
    await database.db.execute(sql`update targets set outlook = null`);
    const fromActuals = (await panels('period=custom&from=2001-02-01&to=2001-02-28')).targets;
    expect(fromStored).toEqual(fromActuals);
    expect(fromStored.thisYear.met).toBeGreaterThanOrEqual(1);
    expect(fromStored.thisYear.missed).toBeGreaterThanOrEqual(1);
    // Those missing it are named, as many as the page shows.
    expect(fromStored.firstYear.missing.length).toBe(Math.min(12, fromStored.firstYear.missed + fromStored.firstYear.unknown));
    // A verdict of another year is not used: last year's "met" does not count this year.
    await database.db.execute(sql`update targets set outlook = ${JSON.stringify({ year: year - 1, willMeet: true, firstYear: year - 1, firstWillMeet: true })}::jsonb where id = ${behind.id}`);
    expect((await panels('period=custom&from=2001-03-01&to=2001-03-31')).targets).toEqual(fromActuals);
  });

  it('takes the period asked for, and says which field is wrong for a custom one without its days', async () => {
    const q = await panels('period=custom&from=2026-03-01&to=2026-03-31');
    expect(q.period).toEqual({ kind: 'custom', from: '2026-03-01', to: '2026-03-31' });
    const bad = await api.get(d.leader, '/api/dashboard?period=custom&from=2026-03-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('to');
    expect((await api.get(d.leader, '/api/dashboard?period=decade')).statusCode).toBe(400);
  });

  it('gives every other role its own slice: a unit its items, a task force its plans, the whole district to those who steer', async () => {
    const { database } = h.db;
    // Unit B's overdue task on the plan without a task force, unit A's on the task force's plan.
    const bLate = await makeTask(database, d.loosePlan.id, [{ unitId: d.unitB.id }], { deadline: '2020-03-31', startDate: '2020-01-01' });
    const aOnPlan = await makeTask(database, d.plan.id, [{ unitId: d.unitA.id }], { deadline: '2020-03-31', startDate: '2020-01-01' });
    await makeProject(database, d.loosePlan.id, d.unitB.id);
    await api.write(d.liaisonB, 'POST', '/api/blockers', { itemType: 'task', itemId: bLate.id, title: '审批慢' }, 200);
    await api.write(d.liaisonA, 'POST', '/api/blockers', { itemType: 'task', itemId: aOnPlan.id, title: '资金缺口' }, 200);
    const as = async (who: Person) => {
      const res = await api.get(who, '/api/dashboard?period=month');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().data as Panels & { scope: { whole: boolean; units: { id: string }[]; taskForces: { id: string }[] } };
    };
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    const blockerTotal = (p: Panels) => p.blockers.unresolved.reduce((n, c) => n + c.n, 0);

    const b = await as(d.liaisonB);
    expect(b.scope).toMatchObject({ whole: false, units: [{ id: d.unitB.id }], taskForces: [] });
    expect(sum(b.lights.task)).toBe(await count(sql`select count(distinct task_id)::int as n from task_units where unit_id = ${d.unitB.id}`));
    expect(sum(b.lights.project)).toBe(await count(sql`select count(*)::int as n from projects where responsible_unit_id = ${d.unitB.id}`));
    expect(b.overdue.worst.map((w) => w.itemId)).toContain(bLate.id);
    expect(b.overdue.worst.map((w) => w.itemId)).not.toContain(aOnPlan.id);
    expect(blockerTotal(b)).toBe(await count(sql`select count(*)::int as n from blockers where unit_id = ${d.unitB.id} or resolver_unit_id = ${d.unitB.id}`));
    expect(b.byPlan.map((g) => g.id)).toEqual([d.loosePlan.id]);

    const tf = await as(d.taskForce);
    expect(tf.scope).toMatchObject({ whole: false, units: [], taskForces: [{ id: d.tfBody.id }] });
    expect(sum(tf.lights.task)).toBe(await count(sql`select count(*)::int as n from tasks where plan_id = ${d.plan.id}`));
    expect(tf.overdue.worst.map((w) => w.itemId)).toContain(aOnPlan.id);
    expect(tf.overdue.worst.map((w) => w.itemId)).not.toContain(bLate.id);
    expect(tf.byPlan.map((g) => g.id)).toEqual([d.plan.id]);
    expect(tf.byUnit.map((g) => g.id)).toContain(d.unitA.id);

    // A task force with no plan sees an empty slice, not the district.
    const other = await as(d.otherTaskForce);
    expect(sum(other.lights.task) + sum(other.lights.target) + sum(other.lights.project)).toBe(0);
    expect(blockerTotal(other)).toBe(0);

    // Someone with both shares sees both: unit B as its head, unit A as its liaison.
    const both = await as(d.headBLiaisonA);
    expect(both.overdue.worst.map((w) => w.itemId)).toEqual(expect.arrayContaining([bLate.id, aOnPlan.id]));

    for (const whole of [d.hq, d.leader, d.publicist]) {
      const p = await as(whole);
      expect(p.scope.whole).toBe(true);
      expect(sum(p.lights.task)).toBe(await count(sql`select count(*)::int as n from tasks`));
    }
  });

  // Last: its task shared by both units puts unit B's slice on the task force's plan too.
  it('counts each plan, area, task force and unit as its items are, a task for every unit it is shared with, within each reader’s slice', async () => {
    const { database } = h.db;
    const [area] = await database.db.insert(areas).values({ programId: d.program.id, code: `A${Date.now()}`, name: '城市更新' }).returning();
    // A task shared by both units on the task force's plan, one of unit A's on the other plan, a
    // target unit B supplies and a project of unit A's: unit A's items lie in both plans.
    const shared = await makeTask(database, d.plan.id, [{ unitId: d.unitA.id }, { unitId: d.unitB.id, role: 'support' }], { areaId: area!.id });
    const aLoose = await makeTask(database, d.loosePlan.id, [{ unitId: d.unitA.id }], { areaId: area!.id });
    const target = await makeTarget(database, d.loosePlan.id, d.unitB.id, { areaId: area!.id });
    const project = await makeProject(database, d.plan.id, d.unitA.id);
    for (const [table, id, light] of [['tasks', shared.id, 'red'], ['tasks', aLoose.id, 'yellow'], ['targets', target.id, 'green'], ['projects', project.id, 'done']] as const) {
      await database.db.execute(sql`update ${sql.identifier(table)} set light = ${light} where id = ${id}`);
    }
    // The same items folded here from their rows, for a reader whose slice holds `mine`.
    type Item = { kind: string; id: string; plan_id: string | null; area_id: string | null; light: string; units: string[] };
    const read = async <T,>(q: ReturnType<typeof sql>) => ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;
    const items = await read<Item>(sql`
      select 'task' as kind, t.id, t.plan_id, t.area_id, t.light, coalesce((select array_agg(tu.unit_id::text) from task_units tu where tu.task_id = t.id), '{}') as units from tasks t
      union all select 'target', id, plan_id, area_id, light, array[data_unit_id::text] from targets
      union all select 'project', id, plan_id, area_id, light, array[responsible_unit_id::text] from projects`);
    const taskForceOf = new Map((await read<{ id: string; tf: string | null }>(sql`select id, task_force_id as tf from plans`)).map((p) => [p.id, p.tf]));
    const expected = (mine: (i: Item) => boolean) => {
      type By = 'plan' | 'area' | 'taskForce' | 'unit';
      const out: Record<By, Map<string, Record<string, number>>> = { plan: new Map(), area: new Map(), taskForce: new Map(), unit: new Map() };
      const add = (by: By, key: string | null | undefined, light: string) => {
        if (!key) return;
        const c = out[by].get(key) ?? { green: 0, yellow: 0, red: 0, done: 0, not_started: 0 };
        c[light] = (c[light] ?? 0) + 1;
        out[by].set(key, c);
      };
      for (const i of items.filter(mine)) {
        add('plan', i.plan_id, i.light);
        add('area', i.area_id, i.light);
        add('taskForce', i.plan_id ? taskForceOf.get(i.plan_id) : null, i.light);
        for (const u of i.units) add('unit', u, i.light);
      }
      return out;
    };
    const shown = (rows: { id: string; counts?: Record<string, number> }[]) => new Map(rows.map((r) => [r.id, r.counts]));
    let q = 0;
    const check = async (who: Person, mine: (i: Item) => boolean) => {
      // A period not asked before: not a reply kept from an earlier read (the items were written underneath the API).
      const res = await api.get(who, `/api/dashboard?period=custom&from=2002-01-${String(++q).padStart(2, '0')}&to=2002-01-28`);
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json().data as { unitsTotal: number } & Record<'byPlan' | 'byArea' | 'byTaskForce' | 'byUnit', { id: string; counts: Record<string, number> }[]>;
      const want = expected(mine);
      expect(shown(p.byPlan)).toEqual(want.plan);
      expect(shown(p.byArea)).toEqual(want.area);
      expect(shown(p.byTaskForce)).toEqual(want.taskForce);
      // Every unit with items is among the few shown here (the panel keeps the worst twenty).
      expect(shown(p.byUnit)).toEqual(want.unit);
      expect(p.unitsTotal).toBe(want.unit.size);
      return { p, want };
    };
    const whole = await check(d.leader, () => true);
    expect(whole.want.unit.get(d.unitA.id)!.red).toBeGreaterThanOrEqual(1);
    expect(whole.want.area.get(area!.id)).toMatchObject({ red: 1, yellow: 1, green: 1 });
    // Unit B's liaison: its shared task counts for unit A too, unit A's own task does not.
    const b = await check(d.liaisonB, (i) => i.units.includes(d.unitB.id));
    expect(b.p.byUnit.find((u) => u.id === d.unitA.id)?.counts.yellow ?? 0).toBe(0);
    expect(b.p.byArea).toEqual([expect.objectContaining({ id: area!.id, counts: expect.objectContaining({ red: 1, green: 1, yellow: 0 }) })]);
    // The task force's reader: its plan's items, in every unit they are shared with.
    await check(d.taskForce, (i) => i.plan_id === d.plan.id);
  });
});
