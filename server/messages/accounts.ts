import type { Message } from './message.js';

/** Refusals of logins, second-factor codes and new passwords, each saying what is wrong. Merged into server/i18n.ts. */
export const ACCOUNT_MESSAGES = {
  totp_reused: {
    'zh-CN': '该动态验证码已使用过，请等待手机上出现新的验证码',
    'en-US': 'This verification code has been used already; wait for the next one on your phone',
  },
  password_reused: {
    'zh-CN': '新密码不能与最近使用过的 {count} 个密码相同',
    'en-US': 'The new password must differ from your last {count} passwords',
  },
  password_guesses_exceeded: {
    'zh-CN': '当前密码输错次数过多，已退出登录，请重新登录',
    'en-US': 'The current password was wrong too many times: you have been logged out; please log in again',
  },
  recovery_not_secadmin: {
    'zh-CN': '账号 {account} 不是安全管理员：其他账号由安全管理员在“用户”页解锁',
    'en-US': 'Account {account} is not a security administrator: other accounts are unlocked by the secadmin on the Users page',
  },
} as const satisfies Record<string, Message>;

/** Words used inside the messages above (password problems). */
export const ACCOUNT_WORDS = {
  common: { 'zh-CN': '是常见或已泄露的密码，容易被猜中', 'en-US': 'is a common or leaked password, easily guessed' },
} as const satisfies Record<string, Message>;
