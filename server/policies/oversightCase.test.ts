import { describe, expect, it } from 'vitest';
import { ROLES } from '../../domain/enums.js';
import type { Actor } from '../context.js';
import { oversightCasePolicy } from './oversightCase.js';

const actor = (...roles: (typeof ROLES)[number][]): Actor => ({ userId: 'u', account: 'a', displayName: 'A', unitId: 'x', regionIds: [], roles: roles.map((role) => ({ role, unitId: null, bodyId: null })) });

describe('the oversight case policy', () => {
  it('lets the oversight role alone take part, whatever else anyone holds', () => {
    for (const role of ROLES) {
      const expected = role === 'oversight';
      for (const v of Object.values(oversightCasePolicy.routePolicies(actor(role)))) expect(v).toBe(expected);
    }
    expect(Object.values(oversightCasePolicy.routePolicies(null)).some(Boolean)).toBe(false);
  });
  it('offers on a row the steps its state allows', () => {
    const o = actor('oversight');
    expect(oversightCasePolicy.rowPolicies(o, { status: 'received' })).toEqual({ verify: true, handle: false, close: false, note: true });
    expect(oversightCasePolicy.rowPolicies(o, { status: 'verifying' })).toEqual({ verify: false, handle: true, close: false, note: true });
    expect(oversightCasePolicy.rowPolicies(o, { status: 'handled' })).toEqual({ verify: false, handle: false, close: true, note: true });
    expect(oversightCasePolicy.rowPolicies(actor('leader', 'sysadmin', 'auditor'), { status: 'received' })).toEqual({ verify: false, handle: false, close: false, note: false });
  });
});
