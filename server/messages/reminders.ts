import type { Message } from './message.js';

/** Words of the inbox and the reminder ladder. Merged into server/i18n.ts. */
export const REMINDER_WORDS = {
  notification: { 'zh-CN': '消息', 'en-US': 'Message' },
  notification_channel: { 'zh-CN': '群机器人', 'en-US': 'Group robot' },
} as const satisfies Record<string, Message>;

/** The ladder's fields as the HQ office's settings page labels them, for a 400 that names one. */
export const REMINDER_FIELDS = {
  ladder: { 'zh-CN': '提醒阶梯', 'en-US': 'Reminder ladder' },
  daysBefore: { 'zh-CN': '到期前提醒（工作日）', 'en-US': 'Reminder before the due day (workdays)' },
  lateRemind: { 'zh-CN': '逾期提醒（逾期工作日）', 'en-US': 'Late reminder (workdays late)' },
  lateUrge: { 'zh-CN': '催报/催办（逾期工作日）', 'en-US': 'Chase (workdays late)' },
  lateSupervise: { 'zh-CN': '督办（逾期工作日）', 'en-US': 'Supervision (workdays late)' },
  // A group robot's (the only bodies with these fields).
  url: { 'zh-CN': 'Webhook 地址', 'en-US': 'Webhook address' },
  secret: { 'zh-CN': '加签密钥', 'en-US': 'Signing secret' },
} as const satisfies Record<string, Message>;
