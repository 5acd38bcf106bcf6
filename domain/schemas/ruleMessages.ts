import type { Lang } from '../enums.js';

/**
 * What a value must look like, said to the user: a schema refuses with `rule('percent')` and both
 * the server's 400 and the form show "完成进度须在0到100之间…", not only the field's name or
 * "格式不正确" with no hint of what is allowed.
 */
export const RULE_TEXT = {
  percent: { 'zh-CN': '须在0到100之间，最多两位小数', 'en-US': 'must be between 0 and 100, with at most two decimals' },
  decimal: { 'zh-CN': '须为数字，最多四位小数', 'en-US': 'must be a number with at most four decimals' },
  money: { 'zh-CN': '须为不小于0的金额（万元），最多两位小数', 'en-US': 'must be an amount of at least 0 (10k yuan), with at most two decimals' },
  period: { 'zh-CN': '须为报送期：月如2026-05，季度如2026-Q2，周如2026-W20', 'en-US': 'must be a period: a month like 2026-05, a quarter like 2026-Q2 or a week like 2026-W20' },
  date: { 'zh-CN': '须为日期，格式如2026-12-31', 'en-US': 'must be a date like 2026-12-31' },
  weight: { 'zh-CN': '须为大于0的数字，最多四位小数', 'en-US': 'must be a number above 0, with at most four decimals' },
  docNumber: { 'zh-CN': '须为发文字号，年份用六角括号，如督通〔2026〕3号', 'en-US': 'must be a document number with the year in 〔〕, like 督通〔2026〕3号' },
  contact: { 'zh-CN': '须为电话号码（5到20位数字）或电子邮箱', 'en-US': 'must be a phone number (5 to 20 digits) or an e-mail address' },
  trackingCode: { 'zh-CN': '须为12位查询码，如abcd-efgh-jkmn', 'en-US': 'must be a 12-symbol tracking code like abcd-efgh-jkmn' },
  ladderOrder: { 'zh-CN': '须大于上一级的逾期工作日数（逾期提醒 < 催报/催办 < 督办）', 'en-US': 'must be more workdays late than the step before it (reminder < chase < supervision)' },
  wecomUrl: { 'zh-CN': '须为企业微信群机器人的 Webhook 地址，如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…', 'en-US': 'must be a WeCom group robot webhook, like https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' },
  dingtalkUrl: { 'zh-CN': '须为钉钉群机器人的 Webhook 地址，如 https://oapi.dingtalk.com/robot/send?access_token=…', 'en-US': 'must be a DingTalk group robot webhook, like https://oapi.dingtalk.com/robot/send?access_token=…' },
  dingtalkSecret: { 'zh-CN': '须为钉钉机器人“加签”的密钥（以 SEC 开头）', 'en-US': 'must be the DingTalk robot’s signing secret (starting with SEC)' },
  email: { 'zh-CN': '须为电子邮箱地址，如 zhangsan@example.gov.cn', 'en-US': 'must be an e-mail address like zhangsan@example.gov.cn' },
  smtpHost: { 'zh-CN': '须为邮件服务器的域名或 IP 地址，如 smtp.example.gov.cn', 'en-US': 'must be the mail server’s host name or IP address, like smtp.example.gov.cn' },
  smtpPort: { 'zh-CN': '须为邮件端口 25、465、587 或 2525', 'en-US': 'must be a mail port: 25, 465, 587 or 2525' },
  smtpPlainLogin: { 'zh-CN': '使用账号密码登录时须为 SSL/TLS 或 STARTTLS：密码不以明文发送', 'en-US': 'must be SSL/TLS or STARTTLS when logging in: a password is never sent in clear' },
  smtpPassword: { 'zh-CN': '填写了登录账号时须填写密码', 'en-US': 'is needed with a login user' },
  points: { 'zh-CN': '须为0到999之间的分数，最多两位小数', 'en-US': 'must be points between 0 and 999, with at most two decimals' },
  assessmentPeriod: { 'zh-CN': '须为考核期：季度如2026-Q2，全年如2026', 'en-US': 'must be an assessment period: a quarter like 2026-Q2 or a year like 2026' },
  targetPeriod: { 'zh-CN': '须为月份如2026-05或季度如2026-Q2', 'en-US': 'must be a month like 2026-05 or a quarter like 2026-Q2' },
} as const satisfies Record<string, Record<Lang, string>>;
export type RuleKey = keyof typeof RULE_TEXT;

const PREFIX = 'rule:';

/** The zod error parameter that names the rule: `.regex(re, rule('percent'))`. */
export const rule = (key: RuleKey) => ({ error: `${PREFIX}${key}` });

/** The sentence for a zod issue's message when it names a rule, else undefined. */
export function ruleText(message: string | undefined, lang: Lang): string | undefined {
  if (!message?.startsWith(PREFIX)) return undefined;
  const key = message.slice(PREFIX.length);
  return Object.hasOwn(RULE_TEXT, key) ? RULE_TEXT[key as RuleKey][lang] : undefined;
}
