import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../testing/databases.js';
import { docxText } from '../testing/docxText.js';
import { makeRegion, makeUnit, useDistrict } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { dayFrom, reportingApi, today } from '../testing/reportingCalls.js';
import { makeDistrict, makePerson, makeTask, type District, type Person } from '../testing/workFactories.js';
import { readXlsx } from '../testing/xlsx.js';

/**
 * Documents and sheets name the region they are of (issue 25): an export the reader's own region
 * (a district's reader its district, a city's the city), a bulletin its own region's 督查室 — never
 * the first region the deployment was set up with. Each district's 督查室 numbers its bulletins in a
 * series of its own: both issue their year's 1号.
 */
describe.each(DATABASE_KINDS)('documents name their own region, and bulletins are numbered per region, on %s', (kind) => {
  let h: Harness;
  let api: ReturnType<typeof reportingApi>;
  /** 甲区 was set up first: the region a deployment-wide name would take. */
  let first: District;
  let second: District;
  let inspectorFirst: Person;
  let inspectorSecond: Person;
  let cityHq: Person;

  beforeAll(async () => {
    h = await startHarness(kind);
    const db = h.db.database;
    api = reportingApi(h.app, db);
    useDistrict(db, await makeRegion(db, { fresh: true, over: { name: '甲区' } }));
    first = await makeDistrict(h.app, db);
    inspectorFirst = await makePerson(h.app, db, [{ role: 'inspector' }], first.unitB.id);
    const city = await makeRegion(db, { fresh: true, over: { name: '丙市', kind: 'city' } });
    useDistrict(db, await makeRegion(db, { fresh: true, over: { name: '乙区', parentId: city.id } }));
    second = await makeDistrict(h.app, db);
    inspectorSecond = await makePerson(h.app, db, [{ role: 'inspector' }], second.unitB.id);
    cityHq = await makePerson(h.app, db, [{ role: 'hq_office' }], (await makeUnit(db, { regionId: city.id })).id);
    for (const d of [first, second]) await makeTask(db, d.plan.id, [{ unitId: d.unitA.id }]);
  });
  afterAll(async () => h?.close());

  const sheet = async (who: Person, url: string) => {
    const res = await api.get(who, url);
    expect(res.statusCode, res.body).toBe(200);
    return readXlsx(res.rawPayload);
  };

  it('titles a district’s exports with that district, a city’s with the city', async () => {
    const tasks = await sheet(second.hq, '/api/exports/tasks.xlsx');
    expect(tasks[0]![0]).toMatch(/^乙区任务分解表（/);
    expect(tasks.flat().join('\n')).not.toContain('甲区');
    expect((await sheet(first.hq, '/api/exports/tasks.xlsx'))[0]![0]).toMatch(/^甲区任务分解表（/);
    expect((await sheet(second.hq, '/api/exports/hq-desk.xlsx'))[0]![0]).toMatch(/^乙区/);
    expect((await sheet(inspectorSecond, '/api/ledger.xlsx'))[0]![0]).toMatch(/^乙区/);
    expect((await sheet(second.hq, '/api/exports/targets.xlsx'))[0]![0]).toMatch(/^乙区/);
    // The city reads its districts together: its sheet is the city's.
    const cityTasks = await sheet(cityHq, '/api/exports/tasks.xlsx');
    expect(cityTasks[0]![0]).toMatch(/^丙市任务分解表（/);
  });

  it('numbers each district’s bulletins in its own series and signs them with its own 督查室', async () => {
    const year = today().slice(0, 4);
    const draft = async (who: Person) => (await api.write(who, 'POST', '/api/bulletins', { periodFrom: dayFrom(-10), periodTo: today() }, 200)).json().data as { id: string; docNumber: string; issuer: string };
    const ofFirst = await draft(inspectorFirst);
    const ofSecond = await draft(inspectorSecond);
    // Each district's first bulletin of the year: the same 文号, told apart by who issues it.
    expect(ofFirst).toMatchObject({ docNumber: `督通〔${year}〕1号`, issuer: '甲区督查室' });
    expect(ofSecond).toMatchObject({ docNumber: `督通〔${year}〕1号`, issuer: '乙区督查室' });
    const doc = await api.get(inspectorSecond, `/api/bulletins/${ofSecond.id}.docx`);
    expect(doc.statusCode, doc.body).toBe(200);
    const text = await docxText(doc.rawPayload);
    expect(text).toContain('乙区督查室');
    expect(text).toContain(`督通〔${year}〕1号`);
    expect(text).not.toContain('甲区');

    // The next of the second district's is its 2号; a number its own series already gave is taken, one of the other district's is not.
    const next = await draft(inspectorSecond);
    expect(next.docNumber).toBe(`督通〔${year}〕2号`);
    const taken = await api.write(inspectorSecond, 'PATCH', `/api/bulletins/${next.id}`, { version: 0, docNumber: `督通〔${year}〕1号` }, 409, 'duplicate');
    expect(Object.keys(taken.json().error.fields)).toEqual(['docNumber']);
    await api.write(inspectorFirst, 'PATCH', `/api/bulletins/${ofFirst.id}`, { version: 0, docNumber: `督通〔${year}〕2号` }, 200);
  });

  it('numbers each district’s notices (督办单) in its own series, as bulletins', async () => {
    const year = today().slice(0, 4);
    const overdue = (d: District) =>
      makeTask(h.db.database, d.plan.id, [{ unitId: d.unitB.id }], { light: 'red', leadUnitId: d.unitB.id, lightReasons: [{ code: 'overdue', level: 'red', params: { workdays: 12, deadline: dayFrom(-20) } }] });
    const notice = async (d: District) => (await api.write(d.hq, 'POST', '/api/notices', { subject: { type: 'task', id: (await overdue(d)).id } }, 200)).json().data as { docNumber: string };
    // Each district's first 督办单 of the year is its 1号; the next of one district is its 2号, whatever the other gave.
    expect((await notice(first)).docNumber).toBe(`督办〔${year}〕1号`);
    expect((await notice(second)).docNumber).toBe(`督办〔${year}〕1号`);
    expect((await notice(second)).docNumber).toBe(`督办〔${year}〕2号`);
    expect((await notice(first)).docNumber).toBe(`督办〔${year}〕2号`);
  });
});
