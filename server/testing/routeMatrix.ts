import type { Role } from '../../domain/enums.js';
import { AREA_MATRICES } from './allRoutes.js';

/** `hidden`: the roles named may call it; to anyone else it is a missing route (404, no refusal record). */
export type Allowed = 'public' | 'everyone' | readonly Role[] | { hidden: readonly Role[] };
const SYS = ['sysadmin'] as const;
const SEC = ['secadmin'] as const;

/**
 * Who may call what, written by hand from the rules of the issue (not read from server/policies,
 * so that a mistake there shows up here). Every route of the app must have a line: these, or an
 * area's own hand-written lines (planning: server/testing/planningCalls.ts) gathered in allRoutes.ts.
 */
const CORE_MATRIX: Record<string, Allowed> = {
  'GET /api/health': 'public',
  // Public to the session check; its own guard (a token, or a loopback client, which inject is) is server/routes/metrics.test.ts's.
  'GET /metrics': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'everyone',
  'POST /api/auth/password': 'everyone',
  'POST /api/auth/totp/setup': 'everyone',
  'POST /api/auth/totp/enrol': 'everyone',
  'POST /api/auth/totp/verify': 'everyone',
  'POST /api/auth/totp/recover': 'everyone',
  'POST /api/auth/totp/recovery-codes': 'everyone',
  'GET /api/me': 'everyone',
  'GET /api/regions': 'everyone',
  'POST /api/regions': SYS,
  'PATCH /api/regions/:id': SYS,
  'GET /api/units': 'everyone',
  'GET /api/units/:id': 'everyone',
  'POST /api/units': SYS,
  'PATCH /api/units/:id': SYS,
  'GET /api/bodies': 'everyone',
  'GET /api/bodies/:id': 'everyone',
  'POST /api/bodies': SYS,
  'PATCH /api/bodies/:id': SYS,
  'POST /api/bodies/:id/members': SYS,
  'DELETE /api/bodies/:id/members/:memberId': SYS,
  'GET /api/users': ['sysadmin', 'secadmin'],
  'GET /api/users/:id': ['sysadmin', 'secadmin'],
  'POST /api/users': SYS,
  'PATCH /api/users/:id': SYS,
  'POST /api/users/:id/disable': SYS,
  'POST /api/users/:id/enable': SYS,
  'POST /api/users/:id/reset-password': SYS,
  'POST /api/users/:id/unlock': SEC,
  'POST /api/users/:id/reset-totp': SEC,
  'GET /api/users/import/template': SYS,
  'POST /api/users/import/preview': SYS,
  'POST /api/users/import': SYS,
  'GET /api/role-proposals': ['sysadmin', 'secadmin'],
  'POST /api/role-proposals/:id/approve': SEC,
  'POST /api/role-proposals/:id/reject': SEC,
  'GET /api/security-policy': SEC,
  'PUT /api/security-policy': SEC,
  'GET /api/audit': ['auditor'],
  'GET /api/audit/verify': ['auditor'],
  'GET /api/audit/actors': ['auditor'],
  'GET /api/system/status': SYS,
  'GET /api/calendar/workdays': 'everyone',
  'GET /api/calendar/overrides': 'everyone',
  'PUT /api/calendar/overrides/:date': SYS,
  'DELETE /api/calendar/overrides/:date': SYS,
};

/** Every route's line: the core's and every area's. */
export const ROUTE_MATRIX: Record<string, Allowed> = { ...CORE_MATRIX, ...AREA_MATRICES };

/** Whether the rule lets the role call the route. */
export const allows = (rule: Allowed, role: Role) => rule === 'public' || rule === 'everyone' || ('hidden' in rule ? rule.hidden.includes(role) : rule.includes(role));
