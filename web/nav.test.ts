import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/enums.js';
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
  it('starts with the workbench and has one path per entry', () => {
    expect(NAV[0]?.id).toBe('home');
    expect(new Set(NAV.map((i) => i.path)).size).toBe(NAV.length);
  });
});
