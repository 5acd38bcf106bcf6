import type { Role } from '../../domain/enums.js';

export interface DemoAccount {
  account: Role;
  displayName: string;
  unit: string;
  /** Scope of the role: a unit code or a body code. */
  scopeUnit?: string;
  scopeBody?: string;
}

/** One account per role; the account name is the role code (the foundation's interface). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { account: 'leader', displayName: '区委书记（领导小组组长）', unit: 'party_office', scopeBody: 'leading_group' },
  { account: 'hq_office', displayName: '指挥部办公室主任', unit: 'drc', scopeBody: 'hq_office' },
  { account: 'task_force', displayName: '工业振兴专项推进组副组长', unit: 'industry', scopeBody: 'tf_industry' },
  { account: 'unit_head', displayName: '建设街道党工委书记', unit: 'jianshe', scopeUnit: 'jianshe' },
  { account: 'liaison', displayName: '建设街道联络员', unit: 'jianshe', scopeUnit: 'jianshe' },
  { account: 'inspector', displayName: '区委督查室主任', unit: 'party_office' },
  { account: 'oversight', displayName: '区纪委监委监督检查室主任', unit: 'discipline' },
  { account: 'assessor', displayName: '区考核办主任', unit: 'organisation' },
  { account: 'publicist', displayName: '区委宣传部新闻科科长', unit: 'publicity' },
  { account: 'sysadmin', displayName: '系统管理员', unit: 'data' },
  { account: 'secadmin', displayName: '安全管理员', unit: 'data' },
  { account: 'auditor', displayName: '审计管理员', unit: 'data' },
];
