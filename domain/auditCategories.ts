/**
 * The kinds of audit record an auditor filters by. 等保 asks for security events to be findable:
 * refusals (refused requests, failed and locked logins, wrong codes and passwords), sign-ins and
 * second factors, reads of what only some may read (the audit log itself, evidence files),
 * administration (accounts, roles, organisation, policy, calendar), the system's own records, and
 * the program's work (plans, tasks, reports, …): everything else.
 */
export const AUDIT_CATEGORIES = ['refusal', 'session', 'reading', 'admin', 'system', 'work'] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

interface Rule {
  exact: readonly string[];
  prefixes: readonly string[];
}

/** In order: an action belongs to the first category that names it (`work` names none). */
export const CATEGORY_RULES: readonly (readonly [Exclude<AuditCategory, 'work'>, Rule])[] = [
  [
    'refusal',
    {
      exact: [
        'access.refused',
        'access.refusals_suppressed',
        'auth.login_failed',
        'auth.account_locked',
        'auth.login_refused_locked',
        'auth.rate_limited',
        'auth.totp_failed',
        'auth.totp_reused',
        'auth.recovery_code_failed',
        'auth.password_wrong',
        'auth.password_guesses_exceeded',
      ],
      prefixes: [],
    },
  ],
  ['reading', { exact: ['audit.read', 'audit.verified', 'evidence.downloaded', 'oversight_case.file_downloaded'], prefixes: [] }],
  ['session', { exact: ['user.password_changed'], prefixes: ['auth.'] }],
  ['admin', { exact: [], prefixes: ['user.', 'region.', 'unit.', 'body.', 'security_policy.', 'calendar_override.'] }],
  ['system', { exact: [], prefixes: ['system.', 'audit.'] }],
];

const matches = (rule: Rule, action: string) => rule.exact.includes(action) || rule.prefixes.some((p) => action.startsWith(p));

export function auditCategory(action: string): AuditCategory {
  return CATEGORY_RULES.find(([, rule]) => matches(rule, action))?.[0] ?? 'work';
}

/**
 * A category as conditions on the action, for a query that must agree with `auditCategory`: the
 * action matches `include` (nothing for `work`) and none of `exclude` (the categories before it).
 */
export function categoryCondition(category: AuditCategory): { include: Rule | null; exclude: Rule[] } {
  const at = CATEGORY_RULES.findIndex(([c]) => c === category);
  if (at < 0) return { include: null, exclude: CATEGORY_RULES.map(([, r]) => r) };
  return { include: CATEGORY_RULES[at]![1], exclude: CATEGORY_RULES.slice(0, at).map(([, r]) => r) };
}

/** Records that change nothing: a refused request or a read. Tests counting a write's records leave them out. */
export const NON_WRITE_ACTIONS: readonly string[] = ['access.refused', 'access.refusals_suppressed', 'audit.read', 'audit.verified', 'evidence.downloaded', 'oversight_case.file_downloaded'];
