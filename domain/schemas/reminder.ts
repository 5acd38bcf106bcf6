import { z } from 'zod';
import { NOTICE_COLOURS, NOTICE_KINDS, NOTICE_SUBJECTS } from '../notices.js';
import { LADDER_LIMITS, REMINDER_KINDS, REMINDER_STEPS } from '../reminders/ladder.js';
import { Id, PageQuery, Version } from './common.js';
import { rule } from './ruleMessages.js';
import { SmtpChannel } from './smtpChannel.js';

const late = z.number().int().min(LADDER_LIMITS.late.min).max(LADDER_LIMITS.late.max);

const ladderFields = {
  daysBefore: z.number().int().min(LADDER_LIMITS.daysBefore.min).max(LADDER_LIMITS.daysBefore.max),
  lateRemind: late,
  lateUrge: late,
  lateSupervise: late,
};

/** The steps late must rise: 逾期提醒 < 催报/催办 < 督办 (the later field is named). */
const rising = (s: { lateRemind: number; lateUrge: number; lateSupervise: number }, ctx: z.RefinementCtx) => {
  if (s.lateUrge <= s.lateRemind) ctx.addIssue({ code: 'custom', path: ['lateUrge'], message: rule('ladderOrder').error });
  if (s.lateSupervise <= s.lateUrge) ctx.addIssue({ code: 'custom', path: ['lateSupervise'], message: rule('ladderOrder').error });
};

/** The HQ office's ladder (domain/reminders/ladder.ts): workdays before, then workdays late per step, rising. */
export const LadderSettingsSchema = z.strictObject(ladderFields).superRefine(rising);
export type LadderSettingsInput = z.infer<typeof LadderSettingsSchema>;

/** PUT /api/notification-channels: the ladder's fields, flat (a 400 names the field), with the version read. */
export const NotificationSettingsUpdate = z.strictObject({ version: Version, ...ladderFields }).superRefine(rising);
export type NotificationSettingsUpdate = z.infer<typeof NotificationSettingsUpdate>;

export const NotificationSettings = z.object({
  ladder: z.object({ daysBefore: z.number(), lateRemind: z.number(), lateUrge: z.number(), lateSupervise: z.number() }),
  version: z.number(),
  /** The channels messages go out on: the inbox always; robots are listed once configured. */
  channels: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string(), enabled: z.boolean(), unitId: z.string().nullable(), unitName: z.string().nullable(), address: z.string().nullable() })),
  /** The mail server, null until the HQ office saves one (its password never comes back). */
  smtp: SmtpChannel.nullable(),
});

export const InboxQuery = PageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export type InboxQuery = z.infer<typeof InboxQuery>;

export const DigestItemSchema = z.object({
  kind: z.enum(REMINDER_KINDS),
  step: z.enum(REMINDER_STEPS),
  itemType: z.enum(['task', 'target', 'project']),
  itemId: Id,
  code: z.string(),
  title: z.string(),
  unitId: Id,
  unitName: z.string().nullable(),
  due: z.string(),
  workdays: z.number(),
  period: z.string().nullable(),
  milestone: z.string().nullable(),
});

/** One message of the signed-in user's inbox: a day's digest, or a 督查 notice to their unit. */
export const InboxMessage = z.object({
  id: Id,
  kind: z.enum(['digest', 'notice']),
  day: z.string(),
  title: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  items: z.array(DigestItemSchema),
  notice: z
    .object({ id: Id, kind: z.enum(NOTICE_KINDS), colour: z.enum(NOTICE_COLOURS), docNumber: z.string(), subjectType: z.enum(NOTICE_SUBJECTS), subjectId: Id, subjectTitle: z.string(), replyBy: z.string(), status: z.string() })
    .nullable(),
});

export const UnreadCount = z.object({ data: z.object({ unread: z.number() }) });

export const DeliveryLogQuery = PageQuery.extend({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, rule('date')).optional(),
  status: z.enum(['pending', 'sent', 'failed']).optional(),
});
export type DeliveryLogQuery = z.infer<typeof DeliveryLogQuery>;

/** A line of the delivery log: what went to whom, on which channel, when, and whether it arrived. */
export const Delivery = z.object({
  id: Id,
  notificationId: Id,
  kind: z.enum(['digest', 'notice']),
  day: z.string(),
  userId: Id,
  userName: z.string(),
  unitName: z.string().nullable(),
  items: z.number(),
  channel: z.string(),
  /** The e-mail address a mail went to; null for the inbox and the robots. */
  recipient: z.string().nullable(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  readAt: z.string().nullable(),
});

/**
 * A group robot the HQ office adds for a unit. Only the two platforms' own webhook addresses are
 * accepted: the server posts to what is stored here, so an address of the office's choosing would
 * let it make the server call anything (SSRF). The secret is written, never read back.
 */
export const RobotCreate = z
  .strictObject({
    kind: z.enum(['wecom', 'dingtalk']),
    name: z.string().trim().min(1).max(60),
    unitId: Id,
    url: z.string().trim().max(300),
    secret: z.string().trim().max(200).optional(),
  })
  .superRefine((r, ctx) => {
    const wecom = /^https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=[A-Za-z0-9-]{8,64}$/;
    const dingtalk = /^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=[A-Za-z0-9]{16,128}$/;
    if (r.kind === 'wecom' && !wecom.test(r.url)) ctx.addIssue({ code: 'custom', path: ['url'], message: rule('wecomUrl').error });
    if (r.kind === 'dingtalk' && !dingtalk.test(r.url)) ctx.addIssue({ code: 'custom', path: ['url'], message: rule('dingtalkUrl').error });
    if (r.kind === 'dingtalk' && !/^SEC[A-Za-z0-9]{16,128}$/.test(r.secret ?? '')) ctx.addIssue({ code: 'custom', path: ['secret'], message: rule('dingtalkSecret').error });
  });
export type RobotCreate = z.infer<typeof RobotCreate>;
