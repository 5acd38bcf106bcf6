import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationDeliveries, users } from '../db/schema/index.js';
import type { StoredSmtp } from '../models/reminders.js';
import { readSmtp, writeSmtp } from '../queries/reminders/smtp.js';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { makeRegion, makeUnit, makeUser } from '../testing/factories.js';
import { mailReceiver, REFUSED } from '../testing/mailReceiver.js';
import { makePlan, makeProgram, makeTask } from '../testing/workFactories.js';
import { now as clockNow } from '../clock.js';
import { deliverPending } from './outboxSender.js';
import { runReminders } from './reminderJob.js';

const on = (day: string) => new Date(`${day}T10:00:00+08:00`);
/** Minutes from now on the program's clock, which stamps the queued deliveries. */
const later = (minutes: number) => () => new Date(clockNow().getTime() + minutes * 60_000);
const PUBLIC_URL = 'https://tuijin.example.gov.cn';

const relay = (port: number): StoredSmtp => ({ enabled: true, host: '127.0.0.1', port, security: 'none', username: null, password: null, fromAddress: 'tuijin@example.gov.cn' });

describe.each(DATABASE_KINDS)('e-mailed digests from the outbox on %s', (kind) => {
  let t: TestDatabase;
  let port = 0;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    // An ephemeral port, freed at once: the receiver starts "down" and comes up on it later.
    const probe = mailReceiver(0);
    port = await probe.listening;
    await probe.close();
  });
  afterAll(async () => t?.drop());

  const emails = async () => (await t.database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.channel, 'email'))).sort((a, b) => (a.recipient ?? '').localeCompare(b.recipient ?? ''));

  it('mails each person one digest a day with their items, none when nothing is due, and retries a server that was down once', async () => {
    const database = t.database;
    const region = await makeRegion(database);
    const unit = await makeUnit(database, { regionId: region.id });
    await makeUser(database, [{ role: 'liaison' }], { unitId: unit.id, displayName: '建设街道联络员甲', email: 'jia@example.gov.cn' });
    await makeUser(database, [{ role: 'liaison' }], { unitId: unit.id, displayName: '建设街道联络员乙', email: 'yi@example.gov.cn' });
    await makeUser(database, [{ role: 'liaison' }], { unitId: unit.id, displayName: '没有邮箱的联络员' });
    const plan = await makePlan(database, (await makeProgram(database, region.id)).id);
    const task = await makeTask(database, plan.id, [{ unitId: unit.id }], { deadline: '2026-06-12', startDate: '2026-06-01', reportPeriod: 'quarterly', title: '老旧小区供暖入户排查' });
    expect(await writeSmtp(database.db, relay(port), 0)).toBe(true);

    // Monday 1 June: nothing is due, so no digest and no mail ("you have 0 items" is never sent).
    expect(await runReminders(database, on('2026-06-01'))).toMatchObject({ digests: 0 });
    expect(await emails()).toEqual([]);

    // Monday 15 June: one workday late. The mail server is down: the mails wait, with the error, for the next attempt.
    expect(await runReminders(database, on('2026-06-15'))).toMatchObject({ digests: 3 });
    expect((await emails()).map((d) => `${d.recipient} ${d.status}`)).toEqual(['jia@example.gov.cn pending', 'yi@example.gov.cn pending']);
    expect(await deliverPending(database, { now: later(1), publicUrl: PUBLIC_URL })).toEqual({ sent: 0, failed: 0, retried: 2 });
    for (const d of await emails()) expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/^E[A-Z]+: .*ECONNREFUSED/) });

    const up = mailReceiver(port);
    await up.listening;
    try {
      // Not due again until the backoff's minute has passed; then each is delivered once.
      expect(await deliverPending(database, { now: later(1), publicUrl: PUBLIC_URL })).toEqual({ sent: 0, failed: 0, retried: 0 });
      expect(await deliverPending(database, { now: later(3), publicUrl: PUBLIC_URL })).toEqual({ sent: 2, failed: 0, retried: 0 });
      expect(await deliverPending(database, { now: later(300), publicUrl: PUBLIC_URL })).toEqual({ sent: 0, failed: 0, retried: 0 });
      // The same day again, and the next day with nothing new: no second digest, no mail.
      await runReminders(database, on('2026-06-15'));
      expect(await runReminders(database, on('2026-06-16'))).toMatchObject({ digests: 0 });
      expect(await deliverPending(database, { now: later(300), publicUrl: PUBLIC_URL })).toEqual({ sent: 0, failed: 0, retried: 0 });

      expect(up.received.map((m) => m.to).sort()).toEqual(['jia@example.gov.cn', 'yi@example.gov.cn']);
      const jia = up.received.find((m) => m.to === 'jia@example.gov.cn')!;
      expect(jia.subject).toBe('推进提醒：您有 1 项待办');
      expect(jia.from).toMatch(/^"?推进平台"? <tuijin@example\.gov\.cn>$/);
      expect(jia.text).toContain('建设街道联络员甲：');
      expect(jia.text).toContain('【逾期提醒】');
      expect(jia.text).toContain('老旧小区供暖入户排查');
      expect(jia.text).toContain(`${PUBLIC_URL}/tasks/${task.id}`);
      expect(await emails()).toEqual([expect.objectContaining({ status: 'sent', attempts: 2, lastError: null }), expect.objectContaining({ status: 'sent', attempts: 2, lastError: null })]);
    } finally {
      await up.close();
    }
  });

  it('gives up at once on a mailbox the server refuses for good, and never waits on a silent server for long', async () => {
    const database = t.database;
    // The first case's people, still late in July, hear by the inbox alone now.
    await database.db.update(users).set({ email: null });
    const region = await makeRegion(database);
    const unit = await makeUnit(database, { regionId: region.id });
    await makeUser(database, [{ role: 'liaison' }], { unitId: unit.id, email: REFUSED });
    await makeUser(database, [{ role: 'liaison' }], { unitId: unit.id, email: 'bing@example.gov.cn' });
    await makeTask(database, (await makePlan(database, (await makeProgram(database, region.id)).id)).id, [{ unitId: unit.id }], { deadline: '2026-07-10', startDate: '2026-07-01', reportPeriod: 'quarterly' });

    const silent = mailReceiver(0, { silent: true });
    const { version } = await readSmtp(database.db);
    await writeSmtp(database.db, relay(await silent.listening), version);
    try {
      expect(await runReminders(database, on('2026-07-13'))).toMatchObject({ skipped: false });
      const started = Date.now();
      // The first mail waits out the greeting; the second is not tried against a server just found silent.
      expect(await deliverPending(database, { now: later(1), timeoutMs: 300 })).toEqual({ sent: 0, failed: 0, retried: 2 });
      expect(Date.now() - started).toBeLessThan(3000);
      const waiting = (await emails()).filter((d) => d.status === 'pending');
      expect(waiting.map((d) => d.lastError)).toEqual([expect.stringMatching(/^ETIMEDOUT: /), expect.stringMatching(/^ETIMEDOUT: /)]);
    } finally {
      await silent.close();
    }

    const up = mailReceiver(0);
    await writeSmtp(database.db, relay(await up.listening), version + 1);
    try {
      expect(await deliverPending(database, { now: later(3) })).toEqual({ sent: 1, failed: 1, retried: 0 });
      const [refused] = (await emails()).filter((d) => d.recipient === REFUSED);
      expect(refused).toMatchObject({ status: 'failed', attempts: 2, lastError: expect.stringContaining('550') });
      expect(up.received.map((m) => m.to)).toEqual(['bing@example.gov.cn']);
    } finally {
      await up.close();
    }
  });
});
