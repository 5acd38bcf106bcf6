// Issue 16 item 6, as the attack: 401, 403 and CSRF refusals, the auditor reading the log and
// evidence downloads left no trace. Each now leaves one audit record, a flood from one address
// leaves a bounded number, and the auditor finds them by category.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { multipart } from '../testing/xlsx.js';

interface Row {
  action: string;
  category: string;
  actorAccount: string | null;
  ip: string | null;
  after: { method?: string; route?: string; status?: number; code?: string; scope?: string; filter?: unknown; name?: string };
}

describe.each(DATABASE_KINDS)('refused requests and sensitive reads on record, on %s', (kind) => {
  let h: Harness;
  let auditor: Session;
  let liaison: Session;
  let liaisonAccount: string;
  beforeAll(async () => {
    // The production limits: 20 refusals a minute per address are recorded one by one.
    h = await startHarness(kind, { refusalLimits: { perAddress: 20, overall: 600 } });
    auditor = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'auditor' }]));
    const l = await makeUser(h.db.database, [{ role: 'liaison' }]);
    liaisonAccount = l.account;
    liaison = await loginAs(h.app, l);
  });
  afterAll(async () => h?.close());

  const log = async (query: string): Promise<Row[]> => {
    const res = await send(h.app, { method: 'GET', url: `/api/audit?perPage=200&${query}` }, auditor);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };
  const from = (address: string, req: Parameters<typeof send>[1], s?: Session) =>
    h.app.inject({ method: req.method, url: req.url, remoteAddress: address, headers: { ...(s?.headers ?? {}), ...(req.headers ?? {}) }, ...(req.payload === undefined ? {} : { payload: req.payload as string }) });

  it('records an outsider’s 401, a role’s 403, a missing CSRF token; the auditor filters for them', async () => {
    expect((await from('10.1.0.1', { method: 'POST', url: '/api/units', payload: {} })).statusCode).toBe(401);
    expect((await from('10.1.0.2', { method: 'GET', url: '/api/audit' }, liaison)).statusCode).toBe(403);
    const noCsrf = await from('10.1.0.3', { method: 'POST', url: '/api/units', payload: {} }, { ...liaison, headers: { cookie: liaison.cookie } });
    expect(noCsrf.statusCode).toBe(403);

    const refusals = (await log('category=refusal')).filter((r) => r.action === 'access.refused');
    const seen = refusals.map((r) => `${r.ip} ${r.actorAccount ?? '-'} ${r.after.method} ${r.after.route} ${r.after.status} ${r.after.code}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        '10.1.0.1 - POST /api/units 401 unauthenticated',
        `10.1.0.2 ${liaisonAccount} GET /api/audit 403 forbidden`,
        `10.1.0.3 ${liaisonAccount} POST /api/units 403 csrf`,
      ]),
    );
    expect(refusals.every((r) => r.category === 'refusal')).toBe(true);
    // The category filter keeps other records out.
    expect((await log('category=refusal')).every((r) => r.category === 'refusal')).toBe(true);
    expect((await log('category=work')).some((r) => r.action === 'access.refused')).toBe(false);
  });

  it('records a flood from one address as 20 refusals and one notice, while another address is still recorded', async () => {
    const flood = async (address: string, n: number) => {
      for (let i = 0; i < n; i++) expect((await from(address, { method: 'GET', url: `/api/tasks?i=${i}` })).statusCode).toBe(401);
    };
    await flood('10.2.0.1', 200);
    await flood('10.2.0.2', 3);
    const rows = await log('category=refusal');
    const of = (ip: string, action: string) => rows.filter((r) => r.ip === ip && r.action === action).length;
    expect(of('10.2.0.1', 'access.refused')).toBe(20);
    expect(of('10.2.0.1', 'access.refusals_suppressed')).toBe(1);
    expect(rows.find((r) => r.ip === '10.2.0.1' && r.action === 'access.refusals_suppressed')?.after).toMatchObject({ scope: 'address', limitPerMinute: 20 });
    expect(of('10.2.0.2', 'access.refused')).toBe(3);
  });

  it('does not record the web app asking who is signed in before anyone is', async () => {
    const before = (await log('category=refusal')).length;
    expect((await from('10.3.0.1', { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await log('category=refusal')).length).toBe(before);
  });

  it('records the auditor reading and verifying the log, and evidence downloads', async () => {
    await log('action=user.created');
    const reads = await log('category=reading');
    expect(reads.find((r) => r.action === 'audit.read')?.after.filter).toEqual({ action: 'user.created' });
    expect((await send(h.app, { method: 'GET', url: '/api/audit/verify' }, auditor)).json().data.intact).toBe(true);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR ${Math.random()}`)]);
    const body = multipart(png, '现场照片.png', 'application/octet-stream');
    const up = await h.app.inject({ method: 'POST', url: '/api/evidence', payload: body.payload, headers: { ...liaison.headers, ...body.headers } });
    expect(up.statusCode, up.body).toBe(200);
    const sha = up.json().data.sha256 as string;
    expect((await send(h.app, { method: 'GET', url: `/api/evidence/${sha}` }, liaison)).statusCode).toBe(200);
    const after = await log('category=reading');
    expect(after.map((r) => r.action)).toEqual(expect.arrayContaining(['audit.verified', 'evidence.downloaded', 'audit.read']));
    expect(after.find((r) => r.action === 'evidence.downloaded')).toMatchObject({ actorAccount: liaisonAccount, after: { name: '现场照片.png' } });
  });
});
