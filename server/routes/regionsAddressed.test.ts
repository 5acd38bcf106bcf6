import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../testing/databases.js';
import { makeRegion, makeUnit, useDistrict } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { reportingApi } from '../testing/reportingCalls.js';
import { makeDistrict, makePerson, makeTask, type District, type Person } from '../testing/workFactories.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
type Recipient = { unitId: string; unitName: string };

/**
 * What a city addresses to a district's units (issue 25; docs/ARCHITECTURE.md "Regions", what is
 * addressed across levels): a city's order or campaign naming a unit of the east district is read
 * there — by that unit and by east's readers of the whole district — though it stays the city's; the
 * west district, to which it was not sent, never sees it; east sees none of west's part of it, and
 * only the city steps or edits it.
 */
describe.each(DATABASE_KINDS)('a city’s order or campaign addressed to a district’s units, on %s', (kind) => {
  let h: Harness;
  let api: ReturnType<typeof reportingApi>;
  let east: District;
  let west: District;
  let cityHq: Person;
  let cityInspector: Person;
  let eastInspector: Person;
  /** Sent to east's unit A only; sent to east's unit A and west's unit B; a draft to east's unit A. */
  let toEast: string;
  let toBoth: string;
  let draft: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    const db = h.db.database;
    api = reportingApi(h.app, db);
    const city = await makeRegion(db, { fresh: true, over: { name: '滨海市', kind: 'city' } });
    const district = async (name: string) => {
      useDistrict(db, await makeRegion(db, { fresh: true, over: { name, kind: 'district', parentId: city.id } }));
      return makeDistrict(h.app, db);
    };
    east = await district('东区');
    west = await district('西区');
    eastInspector = await makePerson(h.app, db, [{ role: 'inspector' }], east.unitB.id);
    const cityUnit = await makeUnit(db, { regionId: city.id, name: '市委督查室' });
    cityHq = await makePerson(h.app, db, [{ role: 'hq_office' }], cityUnit.id);
    cityInspector = await makePerson(h.app, db, [{ role: 'inspector' }], cityUnit.id);

    const order = async (title: string, unitIds: string[], send = true) => {
      const made = await api.call(cityHq, 'POST', '/api/dispatches', { kind: 'question', title, content: '请报告落实情况。', unitIds });
      expect(made.statusCode, made.body).toBe(200);
      const id = made.json().data.id as string;
      if (send) expect((await api.call(cityHq, 'POST', `/api/dispatches/${id}/send`, { version: 0 })).statusCode).toBe(200);
      return id;
    };
    toEast = await order('市级调度：东区汛期值守', [east.unitA.id]);
    toBoth = await order('市级调度：两区安全生产', [east.unitA.id, west.unitB.id]);
    draft = await order('市级调度：尚未发出', [east.unitA.id], false);
  });
  afterAll(async () => h?.close());

  const listIds = async (who: Person, url: string) => {
    const res = await api.get(who, url);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().data as { id: string }[]).map((d) => d.id);
  };
  const said = async (who: Person, url: string) => {
    const res = await api.get(who, url);
    return `${res.statusCode} ${res.statusCode >= 400 ? res.json().error.code : ''}`;
  };

  it('shows a city’s order to a district’s unit to that unit’s liaison and to the district’s HQ, not to another district', async () => {
    for (const who of [east.liaisonA, east.hq, east.leader]) {
      const ids = await listIds(who, '/api/dispatches?perPage=50');
      expect(ids).toEqual(expect.arrayContaining([toEast, toBoth]));
      expect(ids).not.toContain(draft);
      const one = await api.get(who, `/api/dispatches/${toEast}`);
      expect(one.statusCode, one.body).toBe(200);
      expect(one.json().data).toMatchObject({ title: '市级调度：东区汛期值守', status: 'sent', unitCount: 1 });
    }
    // East's unit B was not sent it; west's office was sent neither: both are answered as for an order that does not exist.
    expect(await listIds(east.liaisonB, '/api/dispatches?perPage=50')).not.toContain(toEast);
    expect(await listIds(west.hq, '/api/dispatches?perPage=50')).not.toContain(toEast);
    const nothing = await said(west.hq, `/api/dispatches/${randomUUID()}`);
    expect(nothing).toBe('404 not_found');
    expect(await said(west.hq, `/api/dispatches/${toEast}`)).toBe(nothing);
    expect(await said(east.liaisonB, `/api/dispatches/${toEast}`)).toBe(nothing);
    // A draft is the city office's until it is sent.
    expect(await said(east.hq, `/api/dispatches/${draft}`)).toBe(nothing);
  });

  it('shows each district only its own part of an order sent to both, and only the city steps it', async () => {
    const seen = (await api.get(east.hq, `/api/dispatches/${toBoth}`)).json();
    expect(seen.data.recipients.map((r: Recipient) => r.unitName)).toEqual([east.unitA.name]);
    expect(seen.data).toMatchObject({ unitCount: 1, repliedCount: 0 });
    expect(JSON.stringify(seen)).not.toContain(west.unitB.id);
    expect(JSON.stringify(seen)).not.toContain(west.unitB.name);
    // East's office reads it but does not chase, close or edit the city's order.
    expect(seen.policies).toMatchObject({ read: true, chase: false, close: false, update: false });
    for (const step of ['chase', 'close']) await api.write(east.hq, 'POST', `/api/dispatches/${toBoth}/${step}`, { version: 1 }, 404, 'not_found');
    await api.write(east.hq, 'PATCH', `/api/dispatches/${toBoth}`, { version: 1, title: '改' }, 404, 'not_found');
    const west_ = (await api.get(west.hq, `/api/dispatches/${toBoth}`)).json().data;
    expect(west_.recipients.map((r: Recipient) => r.unitName)).toEqual([west.unitB.name]);

    // East's unit replies; the city sees both units, one replied; west still sees its own line pending.
    const replied = await api.write(east.liaisonA, 'POST', `/api/dispatches/${toBoth}/replies`, { answer: '已安排专人值守' }, 200);
    expect(replied.json().data.recipients).toEqual([expect.objectContaining({ unitId: east.unitA.id, status: 'replied', answer: '已安排专人值守' })]);
    const city = (await api.get(cityHq, `/api/dispatches/${toBoth}`)).json();
    expect(city.data).toMatchObject({ unitCount: 2, repliedCount: 1 });
    expect(city.policies).toMatchObject({ chase: true, close: true });
    expect((await api.get(west.hq, `/api/dispatches/${toBoth}`)).json().data).toMatchObject({ unitCount: 1, repliedCount: 0 });
    // The city chases the unit still silent.
    await api.write(cityHq, 'POST', `/api/dispatches/${toBoth}/chase`, { version: 1 }, 200);
  });

  it('shows a city’s campaign to the district’s units it inspects, trimmed to that district', async () => {
    const westTask = await makeTask(h.db.database, west.plan.id, [{ unitId: west.unitB.id }]);
    const eastTask = await makeTask(h.db.database, east.plan.id, [{ unitId: east.unitA.id }]);
    const made = await api.call(cityInspector, 'POST', '/api/inspections', {
      kind: 'special',
      title: '市级专项督查：安全生产',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
      unitIds: [east.unitA.id, west.unitB.id],
      items: [
        { itemType: 'task', itemId: eastTask.id },
        { itemType: 'task', itemId: westTask.id },
      ],
    });
    expect(made.statusCode, made.body).toBe(200);
    const campaign = made.json().data.id as string;

    for (const who of [east.liaisonA, east.hq]) {
      expect(await listIds(who, '/api/inspections?perPage=50')).toContain(campaign);
      const one = await api.get(who, `/api/inspections/${campaign}`);
      expect(one.statusCode, one.body).toBe(200);
      const data = one.json().data;
      expect(data.unitIds).toEqual([east.unitA.id]);
      expect(data.items.map((i: { itemId: string }) => i.itemId)).toEqual([eastTask.id]);
      const ids = new Set([...JSON.stringify(one.json()).matchAll(UUID)].map((m) => m[0]));
      expect(ids.has(west.unitB.id) || ids.has(westTask.id)).toBe(false);
    }
    // East's unit B is not inspected; east's inspector reads it but does not edit the city's campaign.
    expect(await listIds(east.liaisonB, '/api/inspections?perPage=50')).not.toContain(campaign);
    const byEastInspector = await api.get(eastInspector, `/api/inspections/${campaign}`);
    expect(byEastInspector.json().policies).toMatchObject({ read: true, update: false });
    await api.write(eastInspector, 'PATCH', `/api/inspections/${campaign}`, { version: 0, title: '改' }, 404, 'not_found');
    // The city reads it whole.
    expect((await api.get(cityInspector, `/api/inspections/${campaign}`)).json().data.unitIds).toEqual([east.unitA.id, west.unitB.id]);
    // A campaign of the city that names only west's units is not east's to see.
    const westOnly = (
      await api.call(cityInspector, 'POST', '/api/inspections', { kind: 'special', title: '市级专项督查：西区', periodFrom: '2026-03-01', periodTo: '2026-03-31', unitIds: [west.unitB.id] })
    ).json().data.id as string;
    expect(await listIds(east.hq, '/api/inspections?perPage=50')).not.toContain(westOnly);
    expect(await said(east.hq, `/api/inspections/${westOnly}`)).toBe(await said(east.hq, `/api/inspections/${randomUUID()}`));
  });
});
