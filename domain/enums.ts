/** Role codes (DOMAIN.md "Who uses it"). Demo account names equal these codes. */
export const ROLES = [
  'leader',
  'hq_office',
  'task_force',
  'unit_head',
  'liaison',
  'inspector',
  'oversight',
  'assessor',
  'publicist',
  'sysadmin',
  'secadmin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** The three separated admin duties (等保三级): they must use a second factor. */
export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const satisfies readonly Role[];
export const isAdminRole = (r: Role): boolean => (ADMIN_ROLES as readonly Role[]).includes(r);

export const UNIT_KINDS = ['committee', 'department', 'subdistrict', 'town', 'park', 'enterprise', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const BODY_KINDS = ['leading_group', 'command_hq', 'hq_office', 'task_force'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** Posts inside a coordinating body (组长, 副组长, 成员, …). */
export const BODY_POSTS = ['leader', 'deputy_leader', 'member', 'director', 'deputy_director', 'liaison'] as const;
export type BodyPost = (typeof BODY_POSTS)[number];

export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];
