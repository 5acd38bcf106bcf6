import type { NoticeStatus } from '../../domain/notices.js';
import { NOTICE_ACTIONS, noticeFlow } from '../../domain/workflows/notice.js';
import { hasRole } from './actor.js';
import { SEE_ALL_INSPECTIONS } from './inspection.js';
import { definePolicy, flowRoles, mayStep, stepRules } from './policy.js';
import { holdsUnitRole } from './report.js';

export interface NoticeSubject {
  status: NoticeStatus;
  /** The unit the notice is sent to: its liaison or head acknowledges it. */
  unitId: string;
}

/**
 * 催办单/督办单: inspectors and the HQ office issue them; the program's overseers read them all; a
 * unit's liaison or head reads its own and acknowledges receipt once.
 */
export const noticePolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, ...SEE_ALL_INSPECTIONS, 'liaison', 'unit_head'),
    create: (a) => hasRole(a, 'inspector', 'hq_office'),
    acknowledge: (a) => hasRole(a, ...flowRoles(noticeFlow, 'acknowledge')),
  },
  row: stepRules(NOTICE_ACTIONS, mayStep<NoticeStatus, 'acknowledge', NoticeSubject>(noticeFlow, (a, s, role) => holdsUnitRole(a, s.unitId, role))),
});
