import type { Role } from '../domain/enums.js';
import type { MessageKey } from './i18n/translate.js';

export type NavId =
  | 'home'
  | 'inbox'
  | 'myWork'
  | 'review'
  | 'hqDesk'
  | 'dashboard'
  | 'dispatches'
  | 'meetings'
  | 'directives'
  | 'fieldVisits'
  | 'ledger'
  | 'rectifications'
  | 'inspections'
  | 'oversight'
  | 'oversightWatch'
  | 'responseRequests'
  | 'promises'
  | 'bulletins'
  | 'notices'
  | 'articles'
  | 'articleReview'
  | 'assessments'
  | 'assessmentAppeals'
  | 'myAssessments'
  | 'reminderSettings'
  | 'overview'
  | 'blockers'
  | 'feed'
  | 'plans'
  | 'taskImport'
  | 'tasks'
  | 'targets'
  | 'projects'
  | 'org' | 'regions' | 'units' | 'bodies' | 'users' | 'import' | 'calendar' | 'securityPolicy' | 'securityUsers' | 'audit';
export type NavGroup = 'work' | 'admin' | 'security';

export interface NavItem {
  id: NavId;
  path: string;
  label: MessageKey;
  /** Who sees the entry and may open the page; absent means every signed-in user. */
  roles?: readonly Role[];
  group?: NavGroup;
  /** To anyone the roles leave out, the page does not exist (404, not 403): 监督 is the oversight role's secret. */
  hidden?: boolean;
}

/** Roles that take part in the program's work (the three admin duties do not). */
export const WORK_ROLES: readonly Role[] = ['leader', 'hq_office', 'task_force', 'unit_head', 'liaison', 'inspector', 'oversight', 'assessor', 'publicist'];

/** The side menu and the pages behind it; the same list guards the routes. */
export const NAV: readonly NavItem[] = [
  { id: 'home', path: '/', label: 'menu.home' },
  // 消息: everyone's own inbox (the bell in the header opens it too).
  { id: 'inbox', path: '/inbox', label: 'menu.inbox' },
  { id: 'myWork', path: '/work/unit', label: 'menu.myWork', roles: ['liaison', 'unit_head'] },
  { id: 'review', path: '/work/review', label: 'menu.review', roles: ['task_force'] },
  { id: 'hqDesk', path: '/work/hq', label: 'menu.hqDesk', roles: ['hq_office'] },
  { id: 'dashboard', path: '/dashboard', label: 'menu.dashboard', roles: WORK_ROLES, group: 'work' },
  // Units reach the orders sent to them from their workbench (/dispatches/:id), not from the menu.
  { id: 'dispatches', path: '/dispatches', label: 'menu.dispatches', roles: ['hq_office', 'leader'], group: 'work' },
  // A task force runs its own meetings; the leader reads them all (server/policies/meeting.ts).
  { id: 'meetings', path: '/meetings', label: 'menu.meetings', roles: ['leader', 'hq_office', 'task_force'], group: 'work' },
  // The office registers what comes from above and breaks it into points; units reply among their orders.
  { id: 'directives', path: '/directives', label: 'menu.directives', roles: ['leader', 'hq_office'], group: 'work' },
  // A task force logs its own visits; the office and the leader read them all (server/policies/fieldVisit.ts).
  { id: 'fieldVisits', path: '/field-visits', label: 'menu.fieldVisits', roles: ['leader', 'hq_office', 'task_force'], group: 'work' },
  // 督查台账: inspectors keep it; the program's overseers and the task forces read it (server/policies/ledger.ts).
  { id: 'ledger', path: '/ledger', label: 'menu.ledger', roles: ['inspector', 'hq_office', 'leader', 'oversight', 'assessor', 'task_force'], group: 'work' },
  // The same list for a unit: the findings it must rectify (the server shows a unit its own entries only).
  { id: 'rectifications', path: '/work/rectifications', label: 'menu.rectifications', roles: ['liaison', 'unit_head'], group: 'work' },
  // Campaigns are planned by inspectors and the HQ office (server/policies/inspection.ts).
  { id: 'inspections', path: '/inspections', label: 'menu.inspections', roles: ['inspector', 'hq_office'], group: 'work' },
  // 问题线索 and 监督哨: the oversight role's alone; nobody else has the entry or learns the page exists.
  { id: 'oversight', path: '/oversight/cases', label: 'menu.oversight', roles: ['oversight'], group: 'work', hidden: true },
  { id: 'oversightWatch', path: '/oversight/watch', label: 'menu.oversightWatch', roles: ['oversight'], group: 'work', hidden: true },
  // 书面说明: what the unit is asked to explain in writing; nothing in it says who asked from what (server/policies/responseRequest.ts).
  { id: 'responseRequests', path: '/response-requests', label: 'menu.responseRequests', roles: ['liaison', 'unit_head'], group: 'work' },
  // 履约践诺台账: oversight, the office and the leader read all; a unit its own (server/policies/promise.ts).
  { id: 'promises', path: '/promises', label: 'menu.promises', roles: ['oversight', 'hq_office', 'leader', 'liaison', 'unit_head'], group: 'work' },
  // 督查通报: inspectors write them, the overseers read them, units read the issued ones (server/policies/bulletin.ts).
  { id: 'bulletins', path: '/bulletins', label: 'menu.bulletins', roles: ['inspector', 'hq_office', 'leader', 'oversight', 'assessor', 'liaison', 'unit_head'], group: 'work' },
  // 催办单/督办单: sent by inspectors and the office, read by the overseers, acknowledged by the unit (server/policies/notice.ts).
  { id: 'notices', path: '/notices', label: 'menu.notices', roles: ['inspector', 'hq_office', 'leader', 'oversight', 'assessor', 'liaison', 'unit_head'], group: 'work' },
  // 宣传: the publicist writes articles and generates 简报; the HQ office and leaders review them (server/policies/article.ts).
  { id: 'articles', path: '/articles', label: 'menu.articles', roles: ['publicist', 'hq_office', 'leader'], group: 'work' },
  { id: 'articleReview', path: '/articles/review', label: 'menu.articleReview', roles: ['hq_office', 'leader'], group: 'work' },
  // 考核: the assessor writes schemes and publishes results; leaders and the HQ office read published ones (server/policies/assessment.ts).
  { id: 'assessments', path: '/assessments', label: 'menu.assessments', roles: ['assessor', 'leader', 'hq_office'], group: 'work' },
  { id: 'assessmentAppeals', path: '/assessments/appeals', label: 'menu.assessmentAppeals', roles: ['assessor'], group: 'work' },
  // 考核结果: a unit's own breakdowns, rank, the gap to the unit above, and its appeals.
  { id: 'myAssessments', path: '/work/assessments', label: 'menu.myAssessments', roles: ['liaison', 'unit_head'], group: 'work' },
  // 提醒设置: the HQ office sets the ladder and reads what was sent (server/policies/notification.ts).
  { id: 'reminderSettings', path: '/settings/reminders', label: 'menu.reminderSettings', roles: ['hq_office'], group: 'work' },
  { id: 'overview', path: '/overview', label: 'menu.overview', roles: WORK_ROLES, group: 'work' },
  { id: 'blockers', path: '/blockers', label: 'menu.blockers', roles: ['leader', 'hq_office', 'task_force', 'unit_head', 'liaison', 'inspector', 'oversight', 'assessor'], group: 'work' },
  { id: 'feed', path: '/feed', label: 'menu.feed', roles: WORK_ROLES, group: 'work' },
  { id: 'plans', path: '/plans', label: 'menu.plans', roles: WORK_ROLES, group: 'work' },
  // The office breaks plans into tasks, so it imports them (server/policies/taskImport.ts).
  { id: 'taskImport', path: '/imports/tasks', label: 'menu.taskImport', roles: ['hq_office'], group: 'work' },
  { id: 'tasks', path: '/tasks', label: 'menu.tasks', roles: WORK_ROLES, group: 'work' },
  { id: 'targets', path: '/targets', label: 'menu.targets', roles: WORK_ROLES, group: 'work' },
  { id: 'projects', path: '/projects', label: 'menu.projects', roles: WORK_ROLES, group: 'work' },
  { id: 'org', path: '/org', label: 'menu.org' },
  { id: 'regions', path: '/admin/regions', label: 'menu.regions', roles: ['sysadmin'], group: 'admin' },
  { id: 'units', path: '/admin/units', label: 'menu.units', roles: ['sysadmin'], group: 'admin' },
  { id: 'bodies', path: '/admin/bodies', label: 'menu.bodies', roles: ['sysadmin'], group: 'admin' },
  { id: 'users', path: '/admin/users', label: 'menu.users', roles: ['sysadmin'], group: 'admin' },
  { id: 'import', path: '/admin/import', label: 'menu.import', roles: ['sysadmin'], group: 'admin' },
  { id: 'calendar', path: '/admin/calendar', label: 'menu.calendar', roles: ['sysadmin'], group: 'admin' },
  { id: 'securityPolicy', path: '/security/policy', label: 'menu.securityPolicy', roles: ['secadmin'], group: 'security' },
  // The same users page: read-only for the secadmin, with unlock and reset 2FA (the server's policies decide).
  { id: 'securityUsers', path: '/security/users', label: 'menu.users', roles: ['secadmin'], group: 'security' },
  { id: 'audit', path: '/audit', label: 'menu.audit', roles: ['auditor'], group: 'security' },
];

export const GROUP_LABELS: Record<NavGroup, MessageKey> = { work: 'menu.work', admin: 'menu.admin', security: 'menu.security' };

/** May a user holding these roles open the entry? */
export const allowed = (item: NavItem, roles: readonly Role[]): boolean => !item.roles || item.roles.some((r) => roles.includes(r));
