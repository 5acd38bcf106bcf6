import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../domain/enums.js';
import { allowed, NAV, type NavId } from './nav.js';

const menuOf = (...roles: Role[]): NavId[] => NAV.filter((i) => allowed(i, roles)).map((i) => i.id);

describe('work menu entries by role', () => {
  it('gives each role its own workbench', () => {
    expect(menuOf('liaison')).toContain('myWork');
    expect(menuOf('unit_head')).toContain('myWork');
    expect(menuOf('task_force')).toContain('review');
    expect(menuOf('hq_office')).toContain('hqDesk');
    expect(menuOf('liaison')).not.toContain('hqDesk');
    expect(menuOf('task_force')).not.toContain('myWork');
  });
  it('shows the overview, plans, tasks, targets and projects to the program roles, not to the admin duties', () => {
    for (const r of ['leader', 'hq_office', 'task_force', 'unit_head', 'liaison', 'inspector', 'assessor'] as const) {
      expect(menuOf(r)).toEqual(expect.arrayContaining(['overview', 'plans', 'tasks', 'targets', 'projects']));
    }
    for (const r of ['sysadmin', 'secadmin', 'auditor'] as const) expect(menuOf(r)).not.toContain('tasks');
    for (const r of ['sysadmin', 'secadmin', 'auditor'] as const) expect(menuOf(r)).not.toContain('overview');
    // 工作动态: everyone in the program reads it (each event as far as they may read it), the admin duties do not.
    for (const r of ['leader', 'hq_office', 'task_force', 'unit_head', 'liaison', 'inspector', 'oversight', 'assessor', 'publicist'] as const) expect(menuOf(r)).toContain('feed');
    for (const r of ['sysadmin', 'secadmin', 'auditor'] as const) expect(menuOf(r)).not.toContain('feed');
  });
  it('shows the dashboard to every program role (the leaders the district, the others their slice), not to the admin duties', () => {
    for (const r of ['leader', 'hq_office', 'task_force', 'unit_head', 'liaison', 'inspector', 'oversight', 'assessor', 'publicist'] as const) expect(menuOf(r)).toContain('dashboard');
    for (const r of ['sysadmin', 'secadmin', 'auditor'] as const) expect(menuOf(r)).not.toContain('dashboard');
  });
  it('shows meetings to those who run or read them, after the dispatch orders', () => {
    for (const r of ['leader', 'hq_office', 'task_force'] as const) expect(menuOf(r)).toContain('meetings');
    for (const r of ['liaison', 'unit_head', 'inspector', 'sysadmin'] as const) expect(menuOf(r)).not.toContain('meetings');
    const ids = NAV.map((i) => i.id);
    expect(ids.indexOf('meetings')).toBe(ids.indexOf('dispatches') + 1);
  });
  it('shows directives to the office and the leader, and field visits to the task forces too', () => {
    for (const r of ['leader', 'hq_office'] as const) expect(menuOf(r)).toEqual(expect.arrayContaining(['directives', 'fieldVisits']));
    expect(menuOf('task_force')).toContain('fieldVisits');
    expect(menuOf('task_force')).not.toContain('directives');
    for (const r of ['liaison', 'unit_head', 'inspector', 'sysadmin'] as const) expect(menuOf(r)).not.toEqual(expect.arrayContaining(['directives']));
    for (const r of ['liaison', 'unit_head', 'sysadmin'] as const) expect(menuOf(r)).not.toContain('fieldVisits');
  });
  it('gives the inspector the 督查台账 and the campaigns, a unit its 整改事项, the overseers the ledger to read', () => {
    expect(menuOf('inspector')).toEqual(expect.arrayContaining(['ledger', 'inspections']));
    for (const r of ['hq_office', 'leader', 'oversight', 'assessor'] as const) expect(menuOf(r)).toContain('ledger');
    for (const r of ['liaison', 'unit_head'] as const) {
      expect(menuOf(r)).toContain('rectifications');
      expect(menuOf(r)).not.toEqual(expect.arrayContaining(['ledger']));
      expect(menuOf(r)).not.toContain('inspections');
    }
    for (const r of ['leader', 'oversight', 'assessor', 'publicist'] as const) expect(menuOf(r)).not.toContain('inspections');
    for (const r of ['sysadmin', 'secadmin', 'auditor', 'publicist'] as const) expect(menuOf(r)).not.toEqual(expect.arrayContaining(['ledger']));
  });
  it('gives bulletins and notices to the inspectors, the overseers and the units (issued bulletins, their own notices), not to task forces, publicity or the admins', () => {
    for (const r of ['inspector', 'hq_office', 'leader', 'oversight', 'assessor', 'liaison', 'unit_head'] as const) expect(menuOf(r)).toEqual(expect.arrayContaining(['bulletins', 'notices']));
    for (const r of ['task_force', 'publicist', 'sysadmin', 'secadmin', 'auditor'] as const) {
      expect(menuOf(r)).not.toContain('bulletins');
      expect(menuOf(r)).not.toContain('notices');
    }
  });
  it('starts with the workbench and has one path per entry', () => {
    expect(NAV[0]?.id).toBe('home');
    expect(new Set(NAV.map((i) => i.path)).size).toBe(NAV.length);
  });
  it('gives 问题线索 and 监督哨 to the oversight role alone, hidden (404) from everyone else', () => {
    for (const r of ROLES) {
      const mine = menuOf(r);
      expect(mine.includes('oversight') && mine.includes('oversightWatch'), r).toBe(r === 'oversight');
    }
    expect(NAV.filter((i) => i.hidden).map((i) => i.id)).toEqual(['oversight', 'oversightWatch']);
  });
});
