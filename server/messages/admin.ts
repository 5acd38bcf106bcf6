import type { Message } from './message.js';

/** Refusals of the separated admin duties (三员分立), each saying why. Merged into server/i18n.ts. */
export const ADMIN_MESSAGES = {
  roles_admin_with_admin: {
    'zh-CN': '三员分立：系统管理员、安全管理员、审计管理员不能由同一账号兼任（{roles}）',
    'en-US': 'Separated admin duties: the system, security and audit administrator roles cannot be held by one account ({roles})',
  },
  roles_admin_with_program: {
    'zh-CN': '三员分立：管理员角色不能与业务角色兼任（{roles}）',
    'en-US': 'Separated admin duties: an administrator role cannot be combined with program roles ({roles})',
  },
  own_roles: { 'zh-CN': '不能变更自己的角色', 'en-US': 'You cannot change your own roles' },
  own_totp: { 'zh-CN': '不能重置自己的动态验证码，请由另一位安全管理员办理', 'en-US': 'You cannot reset your own second factor; another security admin must' },
  own_account: { 'zh-CN': '不能为自己的账号重置密码，请使用修改密码', 'en-US': 'You cannot reset your own password; change it instead' },
  admin_reset_needs_secadmin: {
    'zh-CN': '管理员账号的密码须由安全管理员重置',
    'en-US': "An administrator's password is reset by the security administrator",
  },
  admin_toggle_needs_secadmin: {
    'zh-CN': '管理员账号须由安全管理员停用或启用',
    'en-US': "An administrator's account is disabled or enabled by the security administrator",
  },
  proposal_pending: {
    'zh-CN': '该账号已有待安全管理员审批的角色变更，审批后再修改角色',
    'en-US': 'A role change of this account awaits the security administrator; change its roles after the decision',
  },
  proposal_decided: { 'zh-CN': '该角色变更已{status}', 'en-US': 'This role change was already {status}' },
  proposal_stale: {
    'zh-CN': '账号的角色在提出变更后已被改动，请驳回后重新提出',
    'en-US': "The account's roles changed since this was proposed; reject it and propose again",
  },
  region_own_ancestor: {
    'zh-CN': '{field}：行政区不能设在自己或自己的下级之下',
    'en-US': '{field}: a region cannot sit under itself or under a region below it',
  },
  region_top_reserved: {
    'zh-CN': '{field}：请选择本级或下级行政区作为上级，顶级行政区只能由最上级行政区的系统管理员设立',
    'en-US': '{field}: choose a region within your own as the parent; only the top region’s administrator sets up a region at the top',
  },
  region_parent_kind: { 'zh-CN': '{field}：{kind}不能设在{parentKind}之下', 'en-US': '{field}: a {kind} cannot sit under a {parentKind}' },
  region_child_kind: {
    'zh-CN': '{field}：改为{kind}后，其下的{childKind}不能再设在它之下',
    'en-US': '{field}: as a {kind} it could not hold the {childKind} under it',
  },
} as const satisfies Record<string, Message>;

export const ADMIN_WORDS = {
  role_proposal: { 'zh-CN': '角色变更申请', 'en-US': 'Role change' },
  region_kind_province: { 'zh-CN': '省', 'en-US': 'province' },
  region_kind_city: { 'zh-CN': '市', 'en-US': 'city' },
  region_kind_district: { 'zh-CN': '区（县）', 'en-US': 'district' },
  proposal_approved: { 'zh-CN': '批准', 'en-US': 'approved' },
  proposal_rejected: { 'zh-CN': '驳回', 'en-US': 'rejected' },
} as const satisfies Record<string, Message>;
