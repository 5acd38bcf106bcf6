import { and, eq, inArray } from 'drizzle-orm';
import type { ChannelTestResult } from '../../../domain/schemas/channelTest.js';
import { recordAudit } from '../../audit.js';
import { now } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { notificationChannels, users } from '../../db/schema/index.js';
import { AppError, notFound } from '../../errors.js';
import { fieldName, message, word } from '../../i18n.js';
import { smtpMailer } from '../../notify/mail.js';
import { mailFailure } from '../../notify/mailError.js';
import { postToRobot } from '../../notify/robotPost.js';
import { ROBOT_KINDS } from '../../notify/robots.js';
import { readSmtp } from '../../queries/reminders/smtp.js';

/**
 * Each wait of a test mail (connecting, the greeting, every reply); its whole exchange gets three,
 * so the office hears back within about ten seconds however the server behaves. A robot's post
 * waits ten seconds at most.
 */
export const TEST_MAIL_WAIT_MS = 3_000;
export const TEST_ROBOT_WAIT_MS = 10_000;

const TITLE = '推进提醒'; // DingTalk's keyword setting is meant to match it, as for the real reminders.
const testText = (who: string) => `这是推进平台发出的测试消息，由${who}于 ${now().toISOString().slice(0, 16).replace('T', ' ')}（UTC）发送。收到即说明提醒可以送达。`;

/** The error as stored: nodemailer's and fetch's messages, kept short (they may echo what the server said). */
const short = (e: string) => e.slice(0, 300);

/**
 * Sends one test mail through the saved mail server (switched on or not: the office tests it
 * before switching it on), to the address given or the actor's own. The answer says whether the
 * server accepted it or what it said; nothing is queued and nothing retried. One audit record.
 */
export async function sendTestMail(ctx: Ctx, recipient: string | undefined): Promise<ChannelTestResult> {
  const { smtp } = await readSmtp(ctx.database.db);
  if (!smtp) throw new AppError(409, 'smtp_not_saved');
  const to = recipient ?? (await ownAddress(ctx));
  if (!to) throw new AppError(400, 'smtp_test_no_address', { field: 'recipient' }, { recipient: message('smtp_test_no_address', ctx.lang, { field: fieldName('recipient', ctx.lang) }) });
  const mailer = smtpMailer(smtp, TEST_MAIL_WAIT_MS);
  let error: string | null;
  try {
    const who = ctx.actor?.displayName ?? ctx.actor?.account ?? '';
    error = (await mailer.send(to, { subject: `${TITLE}：测试邮件`, text: testText(who) })).error;
  } finally {
    mailer.close();
  }
  error = error && short(error);
  await inTx(ctx, (tx) => recordAudit(tx, ctx, 'smtp_channel.tested', { entity: 'smtp_channel', entityId: 'smtp_channel', after: { to, host: smtp.host, port: smtp.port, sent: !error, error } }));
  return {
    sent: !error,
    to,
    error,
    message: error ? message('smtp_test_failed', ctx.lang, { to, reason: word(`mail_failure_${mailFailure(error)}`, ctx.lang), error }) : message('smtp_test_sent', ctx.lang, { to }),
  };
}

/** Posts one test message to a unit's group robot; the answer says whether the platform took it or what it said. One audit record. */
export async function sendTestRobot(ctx: Ctx, id: string, post: typeof fetch = fetch): Promise<ChannelTestResult> {
  const [robot] = await ctx.database.db
    .select({ kind: notificationChannels.kind, name: notificationChannels.name, url: notificationChannels.url, secret: notificationChannels.secret, unitId: notificationChannels.unitId })
    .from(notificationChannels)
    .where(and(eq(notificationChannels.id, id), inArray(notificationChannels.kind, [...ROBOT_KINDS])));
  if (!robot) throw notFound('notification_channel');
  const who = ctx.actor?.displayName ?? ctx.actor?.account ?? '';
  const raw = await postToRobot(post, robot, { title: TITLE, text: testText(who) }, now(), TEST_ROBOT_WAIT_MS);
  const error = raw && short(raw);
  await inTx(ctx, (tx) => recordAudit(tx, ctx, 'notification_channel.tested', { entity: 'notification_channel', entityId: id, after: { kind: robot.kind, name: robot.name, unitId: robot.unitId, sent: !error, error } }));
  return { sent: !error, to: null, error, message: error ? message('robot_test_failed', ctx.lang, { name: robot.name, error }) : message('robot_test_sent', ctx.lang, { name: robot.name }) };
}

async function ownAddress(ctx: Ctx): Promise<string | null> {
  if (!ctx.actor) return null;
  const [me] = await ctx.database.db.select({ email: users.email }).from(users).where(eq(users.id, ctx.actor.userId));
  return me?.email ?? null;
}
