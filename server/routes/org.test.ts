import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, send, snapshot } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeRegion, makeUnit, makeUser, useDistrict, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { forgetCachedSessions } from '../security/sessions.js';

const STALE_ZH = '该记录已被他人修改，请刷新后再保存';
const STALE_EN = 'Someone else changed this record; reload it before saving';
const EN = { 'accept-language': 'en-US,en;q=0.9' };

describe.each(DATABASE_KINDS)('regions, units and bodies on %s', (kind) => {
  let h: Harness;
  let admin: Session;
  let admin2: Session;
  let liaison: Session;
  let city: Awaited<ReturnType<typeof makeRegion>>;
  beforeAll(async () => {
    h = await startHarness(kind);
    // Everyone here works in a city: its sysadmin sets up the districts under it.
    city = await makeRegion(h.db.database, { fresh: true, over: { kind: 'city' } });
    useDistrict(h.db.database, city);
    admin = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }]));
    admin2 = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }]));
    liaison = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'liaison' }]));
  });
  afterAll(async () => h?.close());

  const post = (url: string, payload: unknown, s = admin, headers = {}) => send(h.app, { method: 'POST', url, payload, headers }, s);
  const patch = (url: string, payload: unknown, s = admin, headers = {}) => send(h.app, { method: 'PATCH', url, payload, headers }, s);
  const get = (url: string, s = liaison) => send(h.app, { method: 'GET', url }, s);

  it('creates a region, lists it, renames it by version and refuses a stale version in both languages', async () => {
    const created = await post('/api/regions', { code: 'dalian-jz', name: '金州区', kind: 'district', parentId: city.id });
    expect(created.statusCode, created.body).toBe(200);
    const region = created.json().data;
    expect(region).toMatchObject({ code: 'dalian-jz', name: '金州区', kind: 'district', parentId: city.id, version: 0 });
    expect((await get('/api/regions')).json().data).toContainEqual(region);

    const renamed = await patch(`/api/regions/${region.id}`, { version: 0, name: '金州新区' });
    expect(renamed.json().data).toMatchObject({ name: '金州新区', version: 1 });
    expect(expectError(await patch(`/api/regions/${region.id}`, { version: 0, name: '旧名' }), 409, 'version_conflict').message).toBe(STALE_ZH);
    expect(expectError(await patch(`/api/regions/${region.id}`, { version: 0, name: '旧名' }, admin, EN), 409).message).toBe(STALE_EN);

    const dup = expectError(await post('/api/regions', { code: 'dalian-jz', name: '重复' }), 409, 'duplicate');
    // The field is named with an empty message: the form puts the main message on it.
    expect(dup.fields).toEqual({ code: '' });
    expect(dup.message).toBe('编号已存在：dalian-jz');
    const orphan = expectError(await post('/api/regions', { code: 'orphan', name: '孤儿区', parentId: randomUUID() }), 422, 'reference_invalid');
    expect(orphan.fields).toHaveProperty('parentId');
  });

  it('refuses a region under itself or below, and a kind under one it may not sit under, naming the field in zh-CN', async () => {
    const district = (await post('/api/regions', { code: 'gxq', name: '高新区', kind: 'district', parentId: city.id })).json().data;
    const underDistrict = expectError(await post('/api/regions', { code: 'bad-city', name: '区下之市', kind: 'city', parentId: district.id }), 422, 'region_parent_kind');
    expect(underDistrict.message).toBe('上级：市不能设在区（县）之下');
    expect(underDistrict.fields).toHaveProperty('parentId');
    const cycle = expectError(await patch(`/api/regions/${city.id}`, { version: city.version, parentId: district.id }), 422, 'region_own_ancestor');
    expect(cycle.message).toBe('上级：行政区不能设在自己或自己的下级之下');
    expect(expectError(await patch(`/api/regions/${city.id}`, { version: city.version, parentId: city.id }), 422, 'region_own_ancestor').fields).toHaveProperty('parentId');
    const demoted = expectError(await patch(`/api/regions/${city.id}`, { version: city.version, kind: 'district' }), 422, 'region_child_kind');
    expect(demoted.message).toBe('类型：改为区（县）后，其下的区（县）不能再设在它之下');
    expect(expectError(await patch(`/api/regions/${city.id}`, { version: city.version, kind: 'district' }, admin, EN), 422).message).toBe('Kind: as a district it could not hold the district under it');
  });

  it('keeps the top of the tree, and what lies outside its own region, from a district’s sysadmin', async () => {
    // A district under the city, with a sysadmin of its own, and a sibling district.
    const district = await makeRegion(h.db.database, { fresh: true, over: { kind: 'district', parentId: city.id } });
    const sibling = await makeRegion(h.db.database, { fresh: true, over: { kind: 'district', parentId: city.id } });
    forgetCachedSessions(h.db.database);
    const unit = await makeUnit(h.db.database, { regionId: district.id });
    const districtAdmin = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }], { unitId: unit.id }));
    const before = await snapshot(h.db.database);

    const root = expectError(await post('/api/regions', { code: 'rogue-top', name: '自立之区', kind: 'district' }, districtAdmin), 422, 'region_top_reserved');
    expect(root.fields).toEqual({ parentId: '' });
    expect(root.message).toBe('上级：请选择本级或下级行政区作为上级，顶级行政区只能由最上级行政区的系统管理员设立');
    expect(expectError(await post('/api/regions', { code: 'rogue-top', name: '自立之区', parentId: null }, districtAdmin, EN), 422).message).toMatch(/^Parent: /);
    // Under the city or the sibling: outside its scope, answered as a parent that does not exist.
    for (const parentId of [city.id, sibling.id]) {
      const outside = expectError(await post('/api/regions', { code: 'rogue-under', name: '越界之区', kind: 'district', parentId }, districtAdmin), 422, 'reference_invalid');
      expect(outside.fields).toEqual({ parentId: '' });
      expect(outside.message).toBe('上级：引用的记录不存在');
    }
    // Moving its own district to the top or under the sibling; the sibling itself is not found.
    expect(expectError(await patch(`/api/regions/${district.id}`, { version: 0, parentId: null }, districtAdmin), 422, 'region_top_reserved').fields).toEqual({ parentId: '' });
    expect(expectError(await patch(`/api/regions/${district.id}`, { version: 0, parentId: sibling.id }, districtAdmin), 422, 'reference_invalid').fields).toEqual({ parentId: '' });
    expectError(await patch(`/api/regions/${sibling.id}`, { version: 0, parentId: null }, districtAdmin), 404, 'not_found');
    expect(await snapshot(h.db.database)).toEqual(before);
    // It still renames its own district.
    expect((await patch(`/api/regions/${district.id}`, { version: 0, name: '改名之区' }, districtAdmin)).json().data).toMatchObject({ name: '改名之区', parentId: city.id });

    // The city's sysadmin stands at the top of this deployment: it may still set up a new top.
    const top = await post('/api/regions', { code: 'new-top', name: '新设之省', kind: 'province' });
    expect(top.statusCode, top.body).toBe(200);
    expect(top.json().data).toMatchObject({ parentId: null, kind: 'province' });
  });

  it('creates units, reads one, filters the list by kind and text', async () => {
    const region = await makeRegion(h.db.database);
    const res = await post('/api/units', { code: 'fgj', name: '区发展和改革局', kind: 'department', regionId: region.id, sort: 3 });
    expect(res.statusCode, res.body).toBe(200);
    const unit = res.json().data;
    expect(unit).toMatchObject({ code: 'fgj', name: '区发展和改革局', kind: 'department', regionId: region.id, sort: 3, disabled: false, version: 0 });
    const town = (await post('/api/units', { code: 'dwz', name: '大魏家街道', kind: 'subdistrict', regionId: region.id, parentId: unit.id })).json().data;
    expect(town.parentId).toBe(unit.id);

    const one = await get(`/api/units/${unit.id}`);
    expect(one.json()).toEqual({ data: unit, policies: { read: true, create: false, update: false } });
    const byKind = (await get('/api/units?kind=subdistrict')).json().data as { id: string; kind: string }[];
    expect(byKind.map((u) => u.id)).toContain(town.id);
    expect(byKind.every((u) => u.kind === 'subdistrict')).toBe(true);
    expect((await get(`/api/units?q=${encodeURIComponent('发展和改革')}`)).json().data.map((u: { id: string }) => u.id)).toEqual([unit.id]);
    expect(expectError(await get(`/api/units/${randomUUID()}`), 404, 'not_found').message).toBe('单位不存在');
  });

  it('updates a unit by version: 409 when stale, 422 naming a missing parent, 409 on a duplicate code', async () => {
    const region = await makeRegion(h.db.database);
    const a = await makeUnit(h.db.database, { regionId: region.id, code: 'a-unit' });
    const b = await makeUnit(h.db.database, { regionId: region.id, code: 'b-unit' });
    const ok = await patch(`/api/units/${a.id}`, { version: 0, name: '区工业和信息化局', disabled: true });
    expect(ok.json().data).toMatchObject({ name: '区工业和信息化局', disabled: true, version: 1 });
    expect((await get(`/api/units/${a.id}`)).json().data.name).toBe('区工业和信息化局');

    const before = await snapshot(h.db.database);
    expect(expectError(await patch(`/api/units/${a.id}`, { version: 0, name: '晚到的修改' }), 409, 'version_conflict').message).toBe(STALE_ZH);
    const missing = expectError(await patch(`/api/units/${a.id}`, { version: 1, parentId: randomUUID() }), 422, 'reference_invalid');
    expect(missing.fields).toEqual({ parentId: '' });
    expect(missing.message).toBe('上级：引用的记录不存在');
    const dup = expectError(await patch(`/api/units/${a.id}`, { version: 1, code: 'b-unit' }), 409, 'duplicate');
    expect(dup.fields).toEqual({ code: '' });
    expect(dup.message).toBe('编号已存在：b-unit');
    expect(expectError(await post('/api/units', { code: 'b-unit', name: '同码单位', kind: 'town', regionId: region.id }), 409, 'duplicate').fields).toEqual({ code: '' });
    expect(expectError(await post('/api/units', { code: 'x-unit', name: '无区单位', kind: 'town', regionId: randomUUID() }), 422).fields).toHaveProperty('regionId');
    expect(await snapshot(h.db.database)).toEqual(before);
    expect((await get(`/api/units/${b.id}`)).json().data.code).toBe('b-unit');

    // The same code in another region is a different unit.
    const other = await makeRegion(h.db.database, { fresh: true, over: { parentId: city.id } });
    // Written behind the server's back: the sessions learn their wider scope when read again.
    forgetCachedSessions(h.db.database);
    expect((await post('/api/units', { code: 'b-unit', name: '他区同码', kind: 'town', regionId: other.id })).statusCode).toBe(200);
  });

  it('keeps bodies with their lead unit and members; refuses missing references, stale versions and duplicates', async () => {
    const region = await makeRegion(h.db.database);
    const lead = await makeUnit(h.db.database, { regionId: region.id, name: '区商务局' });
    const created = await post('/api/bodies', { code: 'tf-invest', name: '招商引资专项推进组', kind: 'task_force', regionId: region.id, leadUnitId: lead.id });
    expect(created.statusCode, created.body).toBe(200);
    const body = created.json().data;
    expect(body).toMatchObject({ kind: 'task_force', leadUnitId: lead.id, leadUnitName: '区商务局', members: [], version: 0 });

    const noLead = expectError(await post('/api/bodies', { code: 'tf-x', name: '无头组', kind: 'task_force', regionId: region.id, leadUnitId: randomUUID() }), 422);
    expect(noLead.fields).toEqual({ leadUnitId: '' });
    expect(expectError(await post('/api/bodies', { code: 'tf-invest', name: '重复组', kind: 'task_force', regionId: region.id }), 409, 'duplicate').fields).toEqual({ code: '' });

    const member = await post(`/api/bodies/${body.id}/members`, { post: 'leader', title: '区长', unitId: lead.id, sort: 1 });
    expect(member.json().data).toMatchObject({ post: 'leader', title: '区长', unitId: lead.id, unitName: '区商务局', sort: 1 });
    expect(expectError(await post(`/api/bodies/${body.id}/members`, { post: 'member', title: '局长', userId: randomUUID() }), 422).fields).toHaveProperty('userId');
    const read = (await get(`/api/bodies/${body.id}`)).json().data;
    expect(read.members).toHaveLength(1);
    expect(read.version).toBe(1);

    expect(expectError(await patch(`/api/bodies/${body.id}`, { version: 0, name: '旧版本' }), 409).message).toBe(STALE_ZH);
    expect((await patch(`/api/bodies/${body.id}`, { version: 1, name: '招商引资和项目建设专项推进组' })).json().data).toMatchObject({ version: 2, members: [read.members[0]] });

    const del = await send(h.app, { method: 'DELETE', url: `/api/bodies/${body.id}/members/${read.members[0].id}` }, admin);
    expect(del.json()).toEqual({ ok: true });
    expect(expectError(await send(h.app, { method: 'DELETE', url: `/api/bodies/${body.id}/members/${read.members[0].id}` }, admin), 404).message).toBe('成员不存在');
    expect((await get(`/api/bodies/${body.id}`)).json().data.members).toEqual([]);
    expect(expectError(await get(`/api/bodies/${randomUUID()}`), 404).message).toBe('机构不存在');
  });

  it('lets exactly one of two sysadmins save the same unit version at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const unit = await makeUnit(h.db.database);
      const [a, b] = await Promise.all([
        patch(`/api/units/${unit.id}`, { version: 0, name: `甲的名称${round}` }, admin),
        patch(`/api/units/${unit.id}`, { version: 0, name: `乙的名称${round}` }, admin2),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? a : b;
      const saved = (await get(`/api/units/${unit.id}`)).json().data;
      expect(saved).toMatchObject({ name: winner.json().data.name, version: 1 });
    }
  });
});
