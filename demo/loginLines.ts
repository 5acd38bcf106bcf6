import { DEMO_ACCOUNTS } from './accounts.js';
import type { DemoLogin } from './index.js';

const STAFF_NOTE = (fixedPassword: string | undefined) =>
  '  Every other unit and task force has its people too (liaison_<unit>, unit_head_<unit>, task_force_<force>, e.g. liaison_commerce): ' +
  (fixedPassword ? 'same password.\n' : 'the sysadmin issues their passwords (用户 → 重置密码).\n');

/** What the console says once the demo is loaded: every role account and its password. */
export function demoLoginLines(logins: readonly DemoLogin[], fixedPassword: string | undefined): string[] {
  return [
    '\nDemo district loaded. Demo logins (account / password)' + (fixedPassword ? ':' : ' — shown once, change on first login:'),
    ...logins.map((l) => `  ${l.account.padEnd(10)} ${l.password}   ${l.displayName}`),
    '  sysadmin, secadmin and auditor enrol a TOTP second factor at first login.',
    STAFF_NOTE(fixedPassword),
  ];
}

/** The reminder at a later start: the accounts, not their passwords (they were shown once). */
export function demoReminderLines(fixedPassword: string | undefined): string[] {
  return [
    `\nDemo logins: ${DEMO_ACCOUNTS.map((a) => a.account).join(', ')}`,
    fixedPassword ? '  password: TUIJIN_DEMO_PASSWORD' : '  passwords: as printed at first start (or set by their users)',
    '  sysadmin, secadmin and auditor enrol a TOTP second factor at first login.',
    STAFF_NOTE(fixedPassword),
  ];
}
