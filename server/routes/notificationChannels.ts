import { z } from 'zod';
import type { Lang } from '../../domain/enums.js';
import { ErrorBody, IdParams } from '../../domain/schemas/common.js';
import { NotificationSettings, NotificationSettingsUpdate, RobotCreate } from '../../domain/schemas/reminder.js';
import { SmtpChannelUpdate } from '../../domain/schemas/smtpChannel.js';
import { ChannelTestResult, SmtpTestRequest } from '../../domain/schemas/channelTest.js';
import type { App } from '../app.js';
import { addRobot, removeRobot } from '../commands/reminders/robots.js';
import { saveSmtp } from '../commands/reminders/saveSmtp.js';
import { sendTestMail, sendTestRobot } from '../commands/reminders/testChannels.js';
import { updateLadder } from '../commands/reminders/updateLadder.js';
import type { Executor } from '../db/client.js';
import { authorize } from '../policies/actor.js';
import { notificationSettingsPolicy } from '../policies/notification.js';
import { presentChannels, presentSmtp } from '../presenters/reminders/channels.js';
import { actsForTop, scopeOf } from '../queries/regionScope.js';
import { listRobots } from '../queries/reminders/channels.js';
import { readLadder } from '../queries/reminders/ladder.js';
import { readSmtp } from '../queries/reminders/smtp.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['inbox'];
const Answer = z.object({ data: NotificationSettings, policies: z.record(z.string(), z.boolean()) });
const TestAnswer = z.object({ data: ChannelTestResult });

/** The HQ office's settings: the ladder, and the channels (the inbox, the units' group robots, the mail server). */
export default function notificationChannelRoutes(app: App) {
  const answer = async (db: Executor, lang: Lang, actor: Parameters<typeof notificationSettingsPolicy.routePolicies>[0], saved?: Awaited<ReturnType<typeof readLadder>>) => {
    const { ladder, version } = saved ?? (await readLadder(db));
    const policies = notificationSettingsPolicy.routePolicies(actor);
    // The ladder and the mail server are the whole deployment's (commands/reminders/updateLadder.ts):
    // the page shows them read-only to an office below the top region, which the server would refuse.
    const updateShared = !!actor && policies.update === true && (await actsForTop(db, actor));
    return { data: { ladder, version, channels: presentChannels(await listRobots(db, scopeOf(actor)), lang), smtp: presentSmtp(await readSmtp(db)) }, policies: { ...policies, updateShared } };
  };

  app.get('/api/notification-channels', { schema: { tags, response: { 200: Answer, ...errors } } }, async (req) => {
    authorize(notificationSettingsPolicy.route.read(req.ctx.actor));
    return answer(req.ctx.database.db, req.ctx.lang, req.ctx.actor);
  });

  app.put('/api/notification-channels', { schema: { tags, body: NotificationSettingsUpdate, response: { 200: Answer, ...errors } } }, async (req) => {
    authorize(notificationSettingsPolicy.route.update(req.ctx.actor));
    const { version, ...ladder } = req.body;
    return answer(req.ctx.database.db, req.ctx.lang, req.ctx.actor, await updateLadder(req.ctx, ladder, version));
  });

  app.post('/api/notification-channels/robots', { schema: { tags, body: RobotCreate, response: { 200: Answer, ...errors } } }, async (req) => {
    authorize(notificationSettingsPolicy.route.update(req.ctx.actor));
    await addRobot(req.ctx, req.body);
    return answer(req.ctx.database.db, req.ctx.lang, req.ctx.actor);
  });

  // The mail server: saved whole with its version; the answer says whether a password is stored, never which.
  app.put('/api/notification-channels/smtp', { schema: { tags, body: SmtpChannelUpdate, response: { 200: Answer, ...errors } } }, async (req) => {
    authorize(notificationSettingsPolicy.route.update(req.ctx.actor));
    await saveSmtp(req.ctx, req.body);
    return answer(req.ctx.database.db, req.ctx.lang, req.ctx.actor);
  });

  // Test messages: sent at once, never queued; whether the server or robot took it is the answer (200 either way), a timeout bounded.
  app.post('/api/notification-channels/smtp/test', { schema: { tags, body: SmtpTestRequest, response: { 200: TestAnswer, ...errors } } }, async (req) => {
    authorize(notificationSettingsPolicy.route.update(req.ctx.actor));
    return { data: await sendTestMail(req.ctx, req.body.recipient) };
  });

  app.post('/api/notification-channels/robots/:id/test', { schema: { tags, params: IdParams, response: { 200: TestAnswer, ...errors } } }, async (req) => {
    authorize(notificationSettingsPolicy.route.update(req.ctx.actor));
    return { data: await sendTestRobot(req.ctx, req.params.id) };
  });

  app.delete('/api/notification-channels/robots/:id', { schema: { tags, params: IdParams, response: { 200: Answer, ...errors } } }, async (req) => {
    authorize(notificationSettingsPolicy.route.update(req.ctx.actor));
    await removeRobot(req.ctx, req.params.id);
    return answer(req.ctx.database.db, req.ctx.lang, req.ctx.actor);
  });
}
