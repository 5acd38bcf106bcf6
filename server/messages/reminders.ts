import type { Message } from './message.js';

/** Words of the inbox and the reminder ladder. Merged into server/i18n.ts. */
export const REMINDER_WORDS = {
  notification: { 'zh-CN': '消息', 'en-US': 'Message' },
  notification_channel: { 'zh-CN': '群机器人', 'en-US': 'Group robot' },
  smtp_channel: { 'zh-CN': '邮件服务器', 'en-US': 'Mail server' },
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
  // The mail server's (SMTP).
  host: { 'zh-CN': '邮件服务器地址', 'en-US': 'Mail server' },
  port: { 'zh-CN': '端口', 'en-US': 'Port' },
  security: { 'zh-CN': '加密方式', 'en-US': 'Encryption' },
  username: { 'zh-CN': '登录账号', 'en-US': 'Login user' },
  password: { 'zh-CN': '密码', 'en-US': 'Password' },
  enabled: { 'zh-CN': '启用', 'en-US': 'Enabled' },
  fromAddress: { 'zh-CN': '发件人地址', 'en-US': 'Sender address' },
} as const satisfies Record<string, Message>;
