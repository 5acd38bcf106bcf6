import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { taskImportPolicy } from './taskImport.js';

const actor = (userId: string, ...roles: Actor['roles'][number]['role'][]): Actor => ({ userId, account: userId, unitId: 'u1', regionIds: [], roles: roles.map((role) => ({ role, unitId: null, bodyId: null })) });

describe('task imports', () => {
  it('are the HQ office’s to make', () => {
    expect(taskImportPolicy.routePolicies(actor('p1', 'hq_office'))).toEqual({ preview: true, read: true, update: true, commit: true });
    for (const role of ['leader', 'task_force', 'liaison', 'unit_head', 'sysadmin'] as const) expect(Object.values(taskImportPolicy.routePolicies(actor('p1', role))).some(Boolean), role).toBe(false);
  });
  it('belong to their creator alone', () => {
    const mine = { createdById: 'p1' };
    expect(taskImportPolicy.rowPolicies(actor('p1', 'hq_office'), mine)).toEqual({ read: true, update: true, commit: true });
    expect(taskImportPolicy.rowPolicies(actor('p2', 'hq_office'), mine)).toEqual({ read: false, update: false, commit: false });
    // Having made it is not enough without the role (a user whose office role was taken away).
    expect(taskImportPolicy.rowPolicies(actor('p1', 'liaison'), mine).commit).toBe(false);
  });
});
