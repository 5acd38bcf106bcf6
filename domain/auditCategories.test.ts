import { describe, expect, it } from 'vitest';
import { auditCategory, categoryCondition } from './auditCategories.js';

describe('audit categories', () => {
  it('files every kind of record where an auditor looks for it', () => {
    const cases: [string, string][] = [
      ['access.refused', 'refusal'],
      ['auth.login_failed', 'refusal'],
      ['auth.totp_reused', 'refusal'],
      ['auth.login', 'session'],
      ['auth.totp_verified', 'session'],
      ['user.password_changed', 'session'],
      ['audit.read', 'reading'],
      ['evidence.downloaded', 'reading'],
      ['oversight_case.file_downloaded', 'reading'],
      ['user.roles_approved', 'admin'],
      ['security_policy.updated', 'admin'],
      ['calendar_override.saved', 'admin'],
      ['audit.quarantined', 'system'],
      ['system.demo_loaded', 'system'],
      ['report.accepted', 'work'],
      ['evidence.uploaded', 'work'],
      ['task.claim_approved', 'work'],
    ];
    for (const [action, category] of cases) expect(auditCategory(action), action).toBe(category);
  });

  it('gives a query the conditions that pick the same records', () => {
    const pick = (action: string, category: Parameters<typeof categoryCondition>[0]) => {
      const { include, exclude } = categoryCondition(category);
      const m = (r: { exact: readonly string[]; prefixes: readonly string[] }) => r.exact.includes(action) || r.prefixes.some((p) => action.startsWith(p));
      return (include ? m(include) : true) && !exclude.some(m);
    };
    for (const action of ['access.refused', 'auth.login', 'auth.login_failed', 'audit.read', 'audit.quarantined', 'user.updated', 'report.created']) {
      for (const c of ['refusal', 'session', 'reading', 'admin', 'system', 'work'] as const) expect(pick(action, c), `${action} ${c}`).toBe(auditCategory(action) === c);
    }
  });
});
