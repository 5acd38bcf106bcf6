import type { Message } from './message.js';

/** The answers to a test message, and its refusals. Merged into server/i18n.ts. */
export const REMINDER_MESSAGES = {
  smtp_test_sent: { 'zh-CN': '邮件服务器已接受测试邮件，发往 {to}；请到该邮箱查收', 'en-US': 'The mail server accepted the test message to {to}; check that mailbox' },
  smtp_test_failed: { 'zh-CN': '测试邮件未发出（发往 {to}）：{reason}。服务器的回答：{error}', 'en-US': 'The test message to {to} was not sent: {reason}. The server said: {error}' },
  smtp_not_saved: { 'zh-CN': '尚未保存邮件服务器设置，请先保存再发送测试邮件', 'en-US': 'No mail server is saved yet: save the settings before sending a test message' },
  smtp_test_no_address: { 'zh-CN': '{field}：您的账号没有电子邮箱，请填写收件地址', 'en-US': '{field}: your account has no e-mail address; enter one' },
  robot_test_sent: { 'zh-CN': '群机器人“{name}”已接受测试消息，请到群里查看', 'en-US': 'The group robot “{name}” accepted the test message; look in the group' },
  settings_top_only: {
    'zh-CN': '催办规则和邮件服务器为全部行政区共用，只能由最上级行政区的推进办修改',
    'en-US': 'The reminder ladder and the mail server are shared by every region: only the top region’s HQ office changes them',
  },
  robot_test_failed: { 'zh-CN': '群机器人“{name}”未接受测试消息：{error}', 'en-US': 'The group robot “{name}” did not take the test message: {error}' },
} as const satisfies Record<string, Message>;

/** Words of the inbox and the reminder ladder. Merged into server/i18n.ts. */
export const REMINDER_WORDS = {
  notification: { 'zh-CN': '消息', 'en-US': 'Message' },
  notification_channel: { 'zh-CN': '群机器人', 'en-US': 'Group robot' },
  smtp_channel: { 'zh-CN': '邮件服务器', 'en-US': 'Mail server' },
  // Why a test mail did not go (server/notify/mailError.ts).
  mail_failure_refused: { 'zh-CN': '邮件服务器拒绝连接（服务未运行，或地址、端口不对）', 'en-US': 'the mail server refused the connection (not running, or a wrong address or port)' },
  mail_failure_timeout: { 'zh-CN': '邮件服务器在限定时间内没有应答', 'en-US': 'the mail server did not answer in time' },
  mail_failure_dns: { 'zh-CN': '邮件服务器地址无法解析', 'en-US': 'the mail server’s name could not be resolved' },
  mail_failure_tls: { 'zh-CN': '加密连接失败（请核对加密方式与端口）', 'en-US': 'the encrypted connection failed (check the encryption and the port)' },
  mail_failure_auth: { 'zh-CN': '邮件服务器拒绝登录（请核对登录账号和密码）', 'en-US': 'the mail server refused the login (check the user and password)' },
  mail_failure_recipient: { 'zh-CN': '邮件服务器拒绝了收件地址或发件人地址', 'en-US': 'the mail server refused the recipient or sender address' },
  mail_failure_other: { 'zh-CN': '邮件服务器报错', 'en-US': 'the mail server gave an error' },
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
  // A test mail's.
  recipient: { 'zh-CN': '收件地址', 'en-US': 'Recipient address' },
} as const satisfies Record<string, Message>;
