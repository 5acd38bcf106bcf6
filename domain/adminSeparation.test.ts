import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adminRoleChange, mayDecideRoleProposal, mayResetPassword, mayToggleAccount, needsSecondAdmin, roleConflict } from './adminSeparation.js';
import { ADMIN_ROLES, isAdminRole, ROLES, type Role } from './enums.js';

const PROGRAM = ROLES.filter((r) => !isAdminRole(r));
const roleSets = fc.array(fc.constantFrom(...ROLES), { maxLength: 6 });

describe('role exclusivity (三员分立)', () => {
  it('refuses two admin roles together, and an admin role with any program role', () => {
    expect(roleConflict(['sysadmin', 'hq_office', 'auditor'])).toEqual({ kind: 'admin_with_admin', roles: ['sysadmin', 'auditor'] });
    expect(roleConflict(['auditor', 'secadmin'])).toEqual({ kind: 'admin_with_admin', roles: ['auditor', 'secadmin'] });
    expect(roleConflict(['sysadmin', 'hq_office'])).toEqual({ kind: 'admin_with_program', roles: ['sysadmin', 'hq_office'] });
    for (const a of ADMIN_ROLES) {
      expect(roleConflict([a])).toBeNull();
      expect(roleConflict([a, a])).toBeNull();
      for (const p of PROGRAM) expect(roleConflict([p, a])?.kind).toBe('admin_with_program');
    }
    expect(roleConflict([])).toBeNull();
    expect(roleConflict(['liaison', 'unit_head', 'task_force', 'leader'])).toBeNull();
  });

  it('accepts a set exactly when it holds program roles only, or one admin role alone', () => {
    fc.assert(
      fc.property(roleSets, (roles) => {
        const distinct = new Set(roles);
        const admins = [...distinct].filter(isAdminRole);
        const ok = admins.length === 0 || (admins.length === 1 && distinct.size === 1);
        expect(roleConflict(roles) === null).toBe(ok);
      }),
    );
  });
});

describe('changes that need a second admin', () => {
  it('are those granting or removing an admin role', () => {
    expect(needsSecondAdmin(['liaison'], ['unit_head'])).toBe(false);
    expect(needsSecondAdmin(['sysadmin'], ['sysadmin'])).toBe(false);
    expect(needsSecondAdmin([], ['auditor'])).toBe(true);
    expect(needsSecondAdmin(['secadmin'], [])).toBe(true);
    expect(adminRoleChange(['sysadmin'], ['auditor'])).toEqual({ granted: ['auditor'], removed: ['sysadmin'] });
    fc.assert(
      fc.property(roleSets, roleSets, (a, b) => {
        const sameAdmins = (x: Role[]) => [...new Set(x.filter(isAdminRole))].sort().join();
        expect(needsSecondAdmin(a, b)).toBe(sameAdmins(a) !== sameAdmins(b));
      }),
    );
  });
});

describe('who decides and who resets', () => {
  const sys = { id: 'sys', roles: ['sysadmin'] as Role[] };
  const sec = { id: 'sec', roles: ['secadmin'] as Role[] };
  const sec2 = { id: 'sec2', roles: ['secadmin'] as Role[] };
  const aud = { id: 'aud', roles: ['auditor'] as Role[] };
  const liaison = { id: 'lia', roles: ['liaison'] as Role[] };

  it('a proposal is decided by a secadmin other than the account concerned and the proposer', () => {
    expect(mayDecideRoleProposal(sec, { userId: 'lia', proposedById: 'sys' })).toBe(true);
    expect(mayDecideRoleProposal(sys, { userId: 'lia', proposedById: 'other' })).toBe(false);
    expect(mayDecideRoleProposal(aud, { userId: 'lia', proposedById: 'sys' })).toBe(false);
    expect(mayDecideRoleProposal(sec, { userId: 'sec', proposedById: 'sys' })).toBe(false);
    expect(mayDecideRoleProposal(sec2, { userId: 'sec', proposedById: 'sys' })).toBe(true);
    expect(mayDecideRoleProposal(sec, { userId: 'lia', proposedById: 'sec' })).toBe(false);
  });

  it('an admin’s password (held or pending) is reset by the secadmin, anyone else’s by the sysadmin, nobody’s own', () => {
    expect(mayResetPassword(sys, liaison)).toBe(true);
    expect(mayResetPassword(sec, liaison)).toBe(false);
    expect(mayResetPassword(sys, aud)).toBe(false);
    expect(mayResetPassword(sec, aud)).toBe(true);
    expect(mayResetPassword(sys, { ...liaison, roles: [], pendingRoles: ['auditor'] })).toBe(false);
    expect(mayResetPassword(sec, { ...liaison, roles: [], pendingRoles: ['auditor'] })).toBe(true);
    expect(mayResetPassword(sys, sys)).toBe(false);
    expect(mayResetPassword(sec, sec)).toBe(false);
    expect(mayResetPassword(sec2, sec)).toBe(true);
  });

  it('an admin’s account is disabled or enabled by the secadmin, anyone else’s by the sysadmin, nobody’s own', () => {
    expect(mayToggleAccount(sys, liaison)).toBe(true);
    expect(mayToggleAccount(sys, aud)).toBe(false);
    expect(mayToggleAccount(sys, sec)).toBe(false);
    expect(mayToggleAccount(sec, aud)).toBe(true);
    expect(mayToggleAccount(sec, liaison)).toBe(false);
    expect(mayToggleAccount(sec, sec)).toBe(false);
  });
});
