import type { Role } from '../domain/enums.js';
import { DEMO_BODIES, DEMO_UNITS, type DemoUnit } from './org.js';

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

/**
 * The other people the demo's history needs: a liaison and a head for every unit the role accounts
 * above do not cover, and a reviewer for every task force but the industry one. Without them a
 * report from 区商务局 showed "—" as who submitted, approved and reviewed it. They are not printed:
 * with TUIJIN_DEMO_PASSWORD they share it, otherwise their password is random and unknown, and the
 * sysadmin issues one when someone is to use them.
 */
export interface StaffAccount {
  account: string;
  displayName: string;
  unit: string;
  role: 'liaison' | 'unit_head' | 'task_force';
  scopeUnit?: string;
  scopeBody?: string;
}

/** The unit the role accounts `liaison` and `unit_head` belong to. */
export const ROLE_ACCOUNT_UNIT = 'jianshe';
/** The task force of the role account `task_force`. */
export const ROLE_ACCOUNT_TASK_FORCE = 'tf_industry';

export const staffAccount = (role: 'liaison' | 'unit_head', unit: string): string => (unit === ROLE_ACCOUNT_UNIT ? role : `${role}_${unit}`);
export const taskForceAccount = (taskForce: string): string => (taskForce === ROLE_ACCOUNT_TASK_FORCE ? 'task_force' : `task_force_${taskForce.replace(/^tf_/, '')}`);

/** A unit head's post as the unit's kind names it. */
function headPost(u: DemoUnit): string {
  if (u.kind === 'subdistrict') return `${u.name}党工委书记`;
  if (u.kind === 'town') return `${u.name}党委书记`;
  if (u.kind === 'park') return u.name.replace(/管委会$/, '管委会主任');
  if (u.name.endsWith('局')) return `${u.name}局长`;
  return `${u.name}主要负责同志`;
}

export function staffAccounts(): StaffAccount[] {
  const units = DEMO_UNITS.filter((u) => u.code !== ROLE_ACCOUNT_UNIT).flatMap((u): StaffAccount[] => [
    { account: staffAccount('liaison', u.code), displayName: `${u.name}联络员`, unit: u.code, role: 'liaison', scopeUnit: u.code },
    { account: staffAccount('unit_head', u.code), displayName: headPost(u), unit: u.code, role: 'unit_head', scopeUnit: u.code },
  ]);
  const forces = DEMO_BODIES.filter((b) => b.kind === 'task_force' && b.code !== ROLE_ACCOUNT_TASK_FORCE).map(
    (b): StaffAccount => ({ account: taskForceAccount(b.code), displayName: `${b.name}副组长`, unit: b.leadUnit!, role: 'task_force', scopeBody: b.code }),
  );
  return [...units, ...forces];
}
