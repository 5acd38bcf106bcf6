import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../testing/databases.js';
import { makeRegion, makeUnit, useDistrict } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { reportingApi } from '../testing/reportingCalls.js';
import { makeDistrict, makePerson, makeTask, type District, type Person } from '../testing/workFactories.js';
import { readXlsx } from '../testing/xlsx.js';

type Panels = {
  lights: { task: Record<string, number> };
  scope: { whole: boolean; region: { id: string; name: string } | null };
  byRegion: { id: string; name: string; counts: Record<string, number> }[];
} & Record<'byPlan' | 'byTaskForce' | 'byUnit', { id: string; counts: Record<string, number> }[]>;
const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

/**
 * A city's dashboard (issue 25 item 3): its districts summed, and each of them on its own when the
 * reader drills into it; another city's district is answered as one that does not exist.
 */
describe.each(DATABASE_KINDS)('a city drills into its districts on the dashboard, on %s', (kind) => {
  let h: Harness;
  let api: ReturnType<typeof reportingApi>;
  let east: District;
  let west: District;
  let elsewhere: District;
  let cityOffice: Person;
  const tasksIn = async (...regionIds: string[]) =>
    Number(
      (
        (await h.db.database.db.execute(
          sql`select count(*)::int as n from tasks t join plans p on p.id = t.plan_id join programs pr on pr.id = p.program_id where pr.region_id in (${sql.join(regionIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0]!.n,
    );

  beforeAll(async () => {
    h = await startHarness(kind);
    const db = h.db.database;
    api = reportingApi(h.app, db);
    const city = await makeRegion(db, { fresh: true, over: { name: '滨海市', kind: 'city' } });
    const otherCity = await makeRegion(db, { fresh: true, over: { name: '山城市', kind: 'city' } });
    const district = async (name: string, parentId: string) => {
      useDistrict(db, await makeRegion(db, { fresh: true, over: { name, kind: 'district', parentId } }));
      return makeDistrict(h.app, db);
    };
    east = await district('东区', city.id);
    west = await district('西区', city.id);
    elsewhere = await district('山区', otherCity.id);
    for (const [d, n] of [[east, 2], [west, 3], [elsewhere, 4]] as const) for (let i = 0; i < n; i++) await makeTask(db, d.plan.id, [{ unitId: d.unitA.id }]);
    // One red task of west's three, and one of east's two: east's share is the larger (before any read: replies are kept until a write).
    for (const d of [east, west]) await db.db.execute(sql`update tasks set light = 'red' where id = (select t.id from tasks t where t.plan_id = ${d.plan.id} order by t.id limit 1)`);
    cityOffice = await makePerson(h.app, db, [{ role: 'hq_office' }], (await makeUnit(db, { regionId: city.id })).id);
  });
  afterAll(async () => h?.close());

  const dashboard = async (who: Person, q = '') => api.get(who, `/api/dashboard?period=month${q}`);
  const panels = async (who: Person, q = '') => {
    const res = await dashboard(who, q);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as Panels;
  };

  it('sums the city’s districts, and counts one alone when the reader drills into it', async () => {
    const all = await panels(cityOffice);
    expect(all.scope).toMatchObject({ whole: true, region: null });
    expect(sum(all.lights.task)).toBe(await tasksIn(east.region.id, west.region.id));
    expect(sum(all.lights.task)).toBeGreaterThan(0);

    const eastOnly = await panels(cityOffice, `&region=${east.region.id}`);
    expect(eastOnly.scope.region).toEqual({ id: east.region.id, name: '东区' });
    expect(sum(eastOnly.lights.task)).toBe(await tasksIn(east.region.id));
    const westOnly = await panels(cityOffice, `&region=${west.region.id}`);
    expect(sum(westOnly.lights.task)).toBe(await tasksIn(west.region.id));
    expect(sum(eastOnly.lights.task) + sum(westOnly.lights.task)).toBe(sum(all.lights.task));
  });

  it('ranks the city’s districts side by side, the largest share of red first', async () => {
    const all = await panels(cityOffice);
    expect(all.byRegion.map((r) => r.name)).toEqual(['东区', '西区']);
    expect(all.byRegion.map((r) => r.counts.red)).toEqual([1, 1]);
    expect(all.byRegion.map((r) => sum(r.counts))).toEqual([await tasksIn(east.region.id), await tasksIn(west.region.id)]);
    // The other city's district is not among them, and a district's own reader has one line.
    expect((await panels(elsewhere.hq)).byRegion.map((r) => r.name)).toEqual(['山区']);
    // Plans, task forces and units of both districts side by side for the city, each with its own
    // items; a district's reader sees its own groups and none of its neighbour's.
    const ofGroups = (rows: { id: string; counts: Record<string, number> }[]) => Object.fromEntries(rows.map((r) => [r.id, sum(r.counts)]));
    expect(ofGroups(all.byPlan)).toEqual({ [east.plan.id]: 2, [west.plan.id]: 3 });
    expect(ofGroups(all.byTaskForce)).toEqual({ [east.tfBody.id]: 2, [west.tfBody.id]: 3 });
    expect(ofGroups(all.byUnit)).toEqual({ [east.unitA.id]: 2, [west.unitA.id]: 3 });
    const own = await panels(east.hq);
    expect([ofGroups(own.byPlan), ofGroups(own.byTaskForce), ofGroups(own.byUnit)]).toEqual([{ [east.plan.id]: 2 }, { [east.tfBody.id]: 2 }, { [east.unitA.id]: 2 }]);
  });

  it('answers another city’s district, and a district’s neighbour, exactly as a region that does not exist', async () => {
    const missing = await dashboard(cityOffice, `&region=${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    const foreign = await dashboard(cityOffice, `&region=${elsewhere.region.id}`);
    expect([foreign.statusCode, foreign.json()]).toEqual([missing.statusCode, missing.json()]);
    expect(missing.json().error.message).toMatch(/行政区/);
    // A district's office drills into nothing but itself.
    const neighbour = await dashboard(east.hq, `&region=${west.region.id}`);
    expect([neighbour.statusCode, neighbour.json()]).toEqual([missing.statusCode, missing.json()]);
    expect(sum((await panels(east.hq, `&region=${east.region.id}`)).lights.task)).toBe(sum((await panels(east.hq)).lights.task));
  });

  it('opens the lists behind the dashboard within the region drilled into, and refuses one outside the reader’s as missing', async () => {
    const ids = async (who: Person, url: string) => {
      const res = await api.get(who, url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { data: { id: string }[]; page: { total: number } };
    };
    const all = await ids(cityOffice, '/api/tasks?perPage=100');
    const eastOnly = await ids(cityOffice, `/api/tasks?perPage=100&region=${east.region.id}`);
    expect(eastOnly.page.total).toBe(await tasksIn(east.region.id));
    expect(all.page.total).toBe(await tasksIn(east.region.id, west.region.id));
    const redEast = await ids(cityOffice, `/api/tasks?light=red&region=${east.region.id}`);
    expect(redEast.page.total).toBe(1);
    expect(eastOnly.data.map((t) => t.id)).toEqual(expect.arrayContaining(redEast.data.map((t) => t.id)));
    for (const list of ['/api/targets', '/api/projects', '/api/blockers?status=unresolved']) {
      expect((await api.get(cityOffice, `${list}${list.includes('?') ? '&' : '?'}region=${west.region.id}`)).statusCode, list).toBe(200);
    }
    // The overview's roll-up by unit: east's units only.
    const byUnit = await api.get(cityOffice, `/api/lights/rollup?by=unit&region=${east.region.id}`);
    expect(byUnit.statusCode, byUnit.body).toBe(200);
    const rolled = (byUnit.json().data as { id: string }[]).map((g) => g.id);
    expect(rolled).toContain(east.unitA.id);
    expect(rolled).not.toContain(west.unitA.id);
    // Another city's district and a district's neighbour are a region that does not exist, on every list.
    for (const list of ['/api/tasks?', '/api/targets?', '/api/projects?', '/api/blockers?', '/api/lights/rollup?by=unit&']) {
      const missing = await api.get(cityOffice, `${list}region=${randomUUID()}`);
      expect(missing.statusCode, list).toBe(404);
      const foreign = await api.get(cityOffice, `${list}region=${elsewhere.region.id}`);
      expect([foreign.statusCode, foreign.json()], list).toEqual([missing.statusCode, missing.json()]);
      const neighbour = await api.get(east.hq, `${list}region=${west.region.id}`);
      expect([neighbour.statusCode, neighbour.json()], list).toEqual([missing.statusCode, missing.json()]);
    }
    // The task sheet exported from the drilled list holds its rows and names its district.
    const sheet = await api.get(cityOffice, `/api/exports/tasks.xlsx?region=${east.region.id}`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    const rows = await readXlsx(sheet.rawPayload);
    expect(rows[0]![0]).toMatch(/^东区任务分解表/);
    expect(rows.flat().join('\n')).not.toContain('西区');
  });

  it('names the field of a region that is not an id', async () => {
    for (const bad of ['abc', '%00', '%ED%A0%80']) {
      const res = await dashboard(cityOffice, `&region=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.fields, bad).toHaveProperty('region');
    }
  });
});
