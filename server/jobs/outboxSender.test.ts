import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationChannels, notificationDeliveries } from '../db/schema/index.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { makeRegion, makeUnit, makeUser } from '../testing/factories.js';
import { robotReceiver, SECRET } from '../testing/robotReceiver.js';
import { makePlan, makeProgram, makeTask } from '../testing/workFactories.js';
import { now as clockNow } from '../clock.js';
import { deliverPending } from './outboxSender.js';
import { runReminders } from './reminderJob.js';

const on = (day: string) => new Date(`${day}T10:00:00+08:00`);
/** Minutes from now on the program's clock, which stamps the queued deliveries. */
const later = (minutes: number) => () => new Date(clockNow().getTime() + minutes * 60_000);

describe.each(DATABASE_KINDS)('robot webhooks from the outbox on %s', (kind) => {
  let t: TestDatabase;
  const robots = robotReceiver();
  let base = '';
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await new Promise<void>((r) => robots.server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(robots.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    robots.server.close();
    await t?.drop();
  });

  it('posts each digest to the unit’s WeCom and DingTalk robots, signed, retrying the one that was down', async () => {
    const database = t.database;
    const region = await makeRegion(database);
    const unit = await makeUnit(database, { regionId: region.id });
    await makeUser(database, [{ role: 'liaison' }], { unitId: unit.id, displayName: '建设街道联络员' });
    const plan = await makePlan(database, (await makeProgram(database, region.id)).id);
    await makeTask(database, plan.id, [{ unitId: unit.id }], { deadline: '2026-06-12', startDate: '2026-06-01', reportPeriod: 'quarterly', title: '老旧小区供暖入户排查' });
    await database.db.insert(notificationChannels).values([
      { kind: 'wecom', name: '建设街道工作群', url: `${base}/cgi-bin/webhook/send?key=wecom-key`, unitId: unit.id },
      { kind: 'dingtalk', name: '建设街道钉钉群', url: `${base}/robot/send?access_token=ding-token`, secret: SECRET, unitId: unit.id },
    ]);
    expect(await runReminders(database, on('2026-06-15'))).toMatchObject({ digests: 1 });
    const queued = await database.db.select().from(notificationDeliveries);
    expect(queued.map((d) => `${d.channel} ${d.status}`).sort()).toEqual(['dingtalk pending', 'inbox sent', 'wecom pending']);

    expect(await deliverPending(database, { now: later(1) })).toEqual({ sent: 1, failed: 0, retried: 1 });
    // Not yet due again: the backoff holds it a minute.
    expect(await deliverPending(database, { now: later(1) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await deliverPending(database, { now: later(3) })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await deliverPending(database, { now: later(300) })).toEqual({ sent: 0, failed: 0, retried: 0 });

    const wecom = robots.received.filter((r) => r.path === '/cgi-bin/webhook/send');
    const ding = robots.received.filter((r) => r.path === '/robot/send');
    expect(wecom).toHaveLength(1);
    expect(ding).toHaveLength(1);
    expect(wecom[0]!.body.markdown.content).toContain('今日提醒 1 项：逾期提醒 1 项');
    expect(wecom[0]!.body.markdown.content).toContain('建设街道联络员：');
    expect(ding[0]!.body).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.stringContaining('推进提醒') } });
    expect(ding[0]!.body.markdown.text).toContain('老旧小区供暖入户排查');
    const after = await database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.channel, 'wecom'));
    expect(after[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('gives up after the last attempt, keeping the error for the delivery log', async () => {
    const database = t.database;
    const [row] = await database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.channel, 'dingtalk'));
    await database.db.update(notificationChannels).set({ secret: 'wrong-secret' }).where(eq(notificationChannels.kind, 'dingtalk'));
    await database.db.update(notificationDeliveries).set({ status: 'pending', attempts: 7, nextAttemptAt: later(0)() }).where(eq(notificationDeliveries.id, row!.id));
    expect(await deliverPending(database, { now: later(1) })).toEqual({ sent: 0, failed: 1, retried: 0 });
    const [failed] = await database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, row!.id));
    expect(failed).toMatchObject({ status: 'failed', attempts: 8, lastError: 'errcode 310000 sign not match' });
  });
});
