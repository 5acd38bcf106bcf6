import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.js';
import { expectError, send } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeRegion, makeUnit, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { SMTP_RELAY } from '../testing/inboxCalls.js';

/**
 * The reminder ladder and the mail server are one for the whole deployment (issue 25): a district's
 * HQ office under a city would change them for every other district, so only the top region's
 * office may; a district's office is refused with a reason and nothing is saved or audited.
 */
describe.each(DATABASE_KINDS)('settings every district shares, on %s', (kind) => {
  let h: Harness;
  let top: Session;
  let district: Session;
  beforeAll(async () => {
    h = await startHarness(kind);
    const db = h.db.database;
    const city = await makeRegion(db, { fresh: true, over: { name: '滨海市', kind: 'city' } });
    const east = await makeRegion(db, { fresh: true, over: { name: '东区', kind: 'district', parentId: city.id } });
    top = await loginAs(h.app, await makeUser(db, [{ role: 'hq_office' }], { unitId: (await makeUnit(db, { regionId: city.id })).id }));
    district = await loginAs(h.app, await makeUser(db, [{ role: 'hq_office' }], { unitId: (await makeUnit(db, { regionId: east.id })).id }));
  });
  afterAll(async () => h?.close());

  const audited = async (action: string) => (await h.db.database.db.select().from(auditLog).where(and(eq(auditLog.action, action)))).length;

  it('lets only the top region’s HQ office change the reminder ladder', async () => {
    const read = (await send(h.app, { method: 'GET', url: '/api/notification-channels' }, district)).json();
    // The page shows the shared settings read-only to the district's office, editable to the top's.
    expect(read.policies).toMatchObject({ update: true, updateShared: false });
    expect((await send(h.app, { method: 'GET', url: '/api/notification-channels' }, top)).json().policies).toMatchObject({ update: true, updateShared: true });
    const ladder = { version: read.data.version, daysBefore: 2, lateRemind: 1, lateUrge: 4, lateSupervise: 8 };
    const refused = expectError(await send(h.app, { method: 'PUT', url: '/api/notification-channels', payload: ladder }, district), 403, 'settings_top_only');
    expect(refused.message).toContain('最上级行政区的推进办');
    expect(await audited('reminder_ladder.updated')).toBe(0);
    expect((await send(h.app, { method: 'GET', url: '/api/notification-channels' }, district)).json().data.version).toBe(read.data.version);
    const saved = await send(h.app, { method: 'PUT', url: '/api/notification-channels', payload: ladder }, top);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().data.ladder).toEqual({ daysBefore: 2, lateRemind: 1, lateUrge: 4, lateSupervise: 8 });
    expect(await audited('reminder_ladder.updated')).toBe(1);
  });

  it('lets only the top region’s HQ office change the mail server', async () => {
    const smtp = { version: 0, enabled: true, host: SMTP_RELAY.host, port: SMTP_RELAY.port, security: 'none', username: '', password: '', fromAddress: 'tuijin@example.gov.cn' };
    expectError(await send(h.app, { method: 'PUT', url: '/api/notification-channels/smtp', payload: smtp }, district), 403, 'settings_top_only');
    expect(await audited('smtp_channel.updated')).toBe(0);
    const saved = await send(h.app, { method: 'PUT', url: '/api/notification-channels/smtp', payload: smtp }, top);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await audited('smtp_channel.updated')).toBe(1);
  });
});
