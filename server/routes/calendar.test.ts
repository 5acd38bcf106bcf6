import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';

describe.each(DATABASE_KINDS)('calendar on %s', (kind) => {
  let h: Harness;
  let liaison: Session;
  let sysadmin: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
    liaison = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'liaison' }]));
    sysadmin = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }]));
  });
  afterAll(async () => h?.close());

  const workdays = async (from: string, to: string) => {
    const res = await h.app.inject({ url: `/api/calendar/workdays?from=${from}&to=${to}`, headers: liaison.headers });
    return res;
  };

  it('counts 248 workdays in 2026', async () => {
    const res = await workdays('2026-01-01', '2026-12-31');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ workdays: 248 });
  });

  it('refuses impossible dates and reversed ranges, naming the field', async () => {
    const bad = await workdays('2026-02-30', '2026-12-31');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['from']);
    const reversed = await workdays('2026-12-31', '2026-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(Object.keys(reversed.json().error.fields)).toEqual(['to']);
  });

  it('applies a local override set by the sysadmin, and only by the sysadmin', async () => {
    const denied = await h.app.inject({ method: 'PUT', url: '/api/calendar/overrides/2026-06-01', headers: liaison.headers, payload: { workday: false } });
    expect(denied.statusCode).toBe(403);
    const ok = await h.app.inject({ method: 'PUT', url: '/api/calendar/overrides/2026-06-01', headers: sysadmin.headers, payload: { workday: false, note: '区防汛值守调休' } });
    expect(ok.statusCode).toBe(200);
    expect((await workdays('2026-01-01', '2026-12-31')).json()).toEqual({ workdays: 247 });
    const stale = await h.app.inject({ method: 'PUT', url: '/api/calendar/overrides/2026-06-01', headers: sysadmin.headers, payload: { workday: true, version: 7 } });
    expect(stale.statusCode).toBe(409);
    const del = await h.app.inject({ method: 'DELETE', url: '/api/calendar/overrides/2026-06-01', headers: sysadmin.headers });
    expect(del.statusCode).toBe(200);
    expect((await workdays('2026-01-01', '2026-12-31')).json()).toEqual({ workdays: 248 });
  });
});
