import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oversightCases } from '../db/schema/index.js';
import { runMidnightJob } from '../jobs/midnightJob.js';
import { send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeRegion, makeUnit, makeUser, TEST_PASSWORD, type MadeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';

/**
 * The audit log and the oversight cases between districts (issue 25): a district's auditor reads
 * the records of its own people only — not another district's, nor a failed sign-in to another
 * district's account, nor the deployment's (a job's, a stranger's) — and the auditor at the top of
 * the tree reads them all; a public complaint naming no unit is a case of the top's oversight office.
 */
describe.each(DATABASE_KINDS)('the audit log and the cases between districts on %s', (kind) => {
  let h: Harness;
  const people: Record<'auditorA' | 'auditorCity' | 'oversightA' | 'oversightB' | 'oversightCity' | 'hqA' | 'hqB', MadeUser> = {} as never;
  const sessions = new Map<string, Session>();
  let caseOfNobody: string;
  let caseOfB: string;

  const get = async (who: keyof typeof people, url: string) => send(h.app, { method: 'GET', url }, sessions.get(who)!);
  const accounts = async (who: keyof typeof people, query = '') => {
    const res = await get(who, `/api/audit?perPage=200${query}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    return (res.json() as { data: { actorAccount: string | null; action: string; after: { account?: string } | null }[] }).data;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    const db = h.db.database;
    const city = await makeRegion(db, { fresh: true, over: { kind: 'city' } });
    const [a, b] = [await makeRegion(db, { fresh: true, over: { parentId: city.id } }), await makeRegion(db, { fresh: true, over: { parentId: city.id } })];
    const [unitA, unitB, unitCity] = [await makeUnit(db, { regionId: a.id }), await makeUnit(db, { regionId: b.id }), await makeUnit(db, { regionId: city.id })];
    people.auditorA = await makeUser(db, [{ role: 'auditor' }], { unitId: unitA.id });
    people.auditorCity = await makeUser(db, [{ role: 'auditor' }], { unitId: unitCity.id });
    people.oversightA = await makeUser(db, [{ role: 'oversight' }], { unitId: unitA.id });
    people.oversightB = await makeUser(db, [{ role: 'oversight' }], { unitId: unitB.id });
    people.oversightCity = await makeUser(db, [{ role: 'oversight' }], { unitId: unitCity.id });
    people.hqA = await makeUser(db, [{ role: 'hq_office' }], { unitId: unitA.id });
    people.hqB = await makeUser(db, [{ role: 'hq_office' }], { unitId: unitB.id });
    for (const [who, u] of Object.entries(people)) sessions.set(who, await loginAs(h.app, u));
    // A failed sign-in to B's account, one to an account nobody has, and the midnight run: records of no actor.
    for (const account of [people.hqB.account, 'nobody-here'])
      expect((await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { account, password: `${TEST_PASSWORD}x` } })).statusCode).toBe(401);
    await runMidnightJob(db);
    // A public complaint naming no unit, as the portal files it (no maker), and one B's office entered.
    const [nobody] = await db.db.insert(oversightCases).values({ category: 'business_environment', title: '无单位投诉', sourceKind: 'complaint' }).returning();
    const [ofB] = await db.db.insert(oversightCases).values({ category: 'business_environment', title: '乙区线索', createdById: people.oversightB.id }).returning();
    caseOfNobody = nobody!.id;
    caseOfB = ofB!.id;
    await db.linkAudit();
  }, 120_000);
  afterAll(async () => h?.close());

  it('shows a district’s auditor its own people’s records only, and the top’s auditor every record', async () => {
    const seenByA = await accounts('auditorA');
    const accountsA = new Set(seenByA.map((r) => r.actorAccount));
    expect(accountsA.has(people.hqA.account)).toBe(true);
    for (const other of [people.hqB.account, people.oversightB.account, people.auditorCity.account]) expect(accountsA.has(other), other).toBe(false);
    // A sign-in to an account nobody has names no one: the deployment's.
    const stranger = (r: { after: { account?: string } | null }) => r.after?.account === 'nobody-here';
    expect(seenByA.some(stranger)).toBe(false);
    expect(seenByA.some((r) => r.action === 'system.lights_refreshed')).toBe(false);
    // Asked by name, B's account is still not there; nor in the list of who acted.
    expect(await accounts('auditorA', `&actor=${people.hqB.account}`)).toEqual([]);
    const actorsA = (await get('auditorA', '/api/audit/actors')).json() as { data: { account: string }[] };
    expect(actorsA.data.map((x) => x.account)).not.toContain(people.hqB.account);

    const seenByCity = await accounts('auditorCity');
    const accountsCity = new Set(seenByCity.map((r) => r.actorAccount));
    for (const every of [people.hqA.account, people.hqB.account]) expect(accountsCity.has(every), every).toBe(true);
    expect(seenByCity.some((r) => r.after?.account === 'nobody-here')).toBe(true);
    expect(seenByCity.filter((r) => r.actorAccount === people.hqB.account).map((r) => r.action)).toContain('auth.login_failed');
    expect(seenByCity.some((r) => r.action === 'system.lights_refreshed')).toBe(true);
  });

  it('gives a public complaint of no unit to the top’s oversight office, and a case to its maker’s district', async () => {
    const ids = async (who: keyof typeof people) => ((await get(who, '/api/oversight/cases?perPage=100')).json() as { data: { id: string }[] }).data.map((c) => c.id);
    expect(await ids('oversightA')).not.toContain(caseOfNobody);
    expect(await ids('oversightA')).not.toContain(caseOfB);
    expect(await ids('oversightB')).toEqual([caseOfB]);
    expect((await ids('oversightCity')).sort()).toEqual([caseOfNobody, caseOfB].sort());
    // By id, and to write on it: as a case that does not exist.
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [caseOfNobody, caseOfB]) {
      expect((await get('oversightA', `/api/oversight/cases/${id}`)).statusCode).toBe(404);
      const note = async (caseId: string) => send(h.app, { method: 'POST', url: `/api/oversight/cases/${caseId}/notes`, payload: { content: '补充情况' } }, sessions.get('oversightA')!);
      const [onIt, onNothing] = [await note(id), await note(missing)];
      expect([onIt.statusCode, onIt.json().error?.code]).toEqual([onNothing.statusCode, onNothing.json().error?.code]);
    }
    expect((await get('oversightCity', `/api/oversight/cases/${caseOfNobody}`)).statusCode).toBe(200);
  });
});
