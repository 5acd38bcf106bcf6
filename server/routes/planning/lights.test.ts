import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areas } from '../../db/schema/index.js';
import { expectError } from '../../testing/api.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { makeBody, makeRegion, makeUnit } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { call, ok, sessionAs } from '../../testing/planning.js';
import { makePlan, makeProgram, makeProject, makeTarget, makeTask } from '../../testing/workFactories.js';

const hex = () => randomBytes(3).toString('hex');
type Row = { id: string; code: string; name: string; light: string; counts: Record<string, number> };

describe.each(DATABASE_KINDS)('light roll-ups on %s', (kind) => {
  let h: Harness;
  let w: Awaited<ReturnType<typeof world>>;

  /** Two plans of one task force; plan A holds a red task, plan B only green and done items; plan C nothing. */
  async function world() {
    const database = h.db.database;
    const region = await makeRegion(database);
    const program = await makeProgram(database, region.id);
    const [areaRow] = await database.db.insert(areas).values({ programId: program.id, code: `a_${hex()}`, name: '工业振兴' }).returning();
    const area = areaRow!;
    const tf = await makeBody(database, { kind: 'task_force', regionId: region.id });
    const [lead, support] = [await makeUnit(database, { regionId: region.id }), await makeUnit(database, { regionId: region.id })];
    const planA = await makePlan(database, program.id, { taskForceId: tf.id });
    const planB = await makePlan(database, program.id, { taskForceId: tf.id });
    const planC = await makePlan(database, program.id);
    await makeTask(database, planA.id, [{ unitId: lead.id }, { unitId: support.id, role: 'support' }], { light: 'red', areaId: area.id });
    await makeTask(database, planA.id, [{ unitId: lead.id }], { light: 'green', areaId: area.id });
    await makeTask(database, planB.id, [{ unitId: support.id }], { light: 'done' });
    await makeTarget(database, planB.id, lead.id, { light: 'yellow', areaId: area.id });
    await makeProject(database, planB.id, support.id, { light: 'green' });
    return { region, area, tf, lead, support, planA, planB, planC };
  }

  beforeAll(async () => {
    h = await startHarness(kind);
    w = await world();
  });
  afterAll(async () => h?.close());

  const rollup = async (by: string, item?: string) => {
    const hq = await sessionAs(h.app, h.db.database, 'hq_office');
    const res = ok<Row[]>(await call(h.app, hq, 'GET', `/api/lights/rollup?by=${by}${item ? `&item=${item}` : ''}`));
    return new Map(res.map((r) => [r.id, r]));
  };

  it('rolls tasks, targets and projects up per plan: the worst light wins, with the counts behind it', async () => {
    const rows = await rollup('plan');
    expect(rows.get(w.planA.id)).toMatchObject({ code: w.planA.code, light: 'red', counts: { red: 1, green: 1, yellow: 0, done: 0, not_started: 0 } });
    expect(rows.get(w.planB.id)).toMatchObject({ light: 'yellow', counts: { done: 1, yellow: 1, green: 1, red: 0 } });
    expect(rows.get(w.planC.id)).toMatchObject({ light: 'not_started', counts: { green: 0, yellow: 0, red: 0, done: 0, not_started: 0 } });
    // Narrowed to one kind of item: plan B's tasks are all done.
    expect((await rollup('plan', 'task')).get(w.planB.id)).toMatchObject({ light: 'done', counts: { done: 1, yellow: 0, green: 0 } });
  });

  it('per area, per task force and per unit (a supporting unit answers for its share too)', async () => {
    expect((await rollup('area')).get(w.area.id)).toMatchObject({ name: '工业振兴', light: 'red', counts: { red: 1, green: 1, yellow: 1 } });
    expect((await rollup('taskForce')).get(w.tf.id)).toMatchObject({ light: 'red', counts: { red: 1, green: 2, yellow: 1, done: 1 } });
    const units = await rollup('unit');
    expect(units.get(w.lead.id)).toMatchObject({ light: 'red', counts: { red: 1, green: 1, yellow: 1, done: 0 } });
    expect(units.get(w.support.id)).toMatchObject({ light: 'red', counts: { red: 1, done: 1, green: 1, yellow: 0 } });
    expect((await rollup('unit', 'project')).get(w.support.id)).toMatchObject({ light: 'green', counts: { green: 1, red: 0 } });
  });

  it('answers 401 without a session and 400 naming the field for an unknown grouping', async () => {
    expectError(await call(h.app, null, 'GET', '/api/lights/rollup?by=plan'), 401);
    const liaison = await sessionAs(h.app, h.db.database, 'liaison', w.lead.id);
    const e = expectError(await call(h.app, liaison, 'GET', '/api/lights/rollup?by=street'), 400, 'validation');
    expect(Object.keys(e.fields!)).toEqual(['by']);
    expect(ok(await call(h.app, liaison, 'GET', '/api/lights/rollup?by=unit')).length).toBeGreaterThan(0);
  });
});
