import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { promisePolicy } from './promise.js';
import { caseRequestPolicy, responseRequestPolicy } from './responseRequest.js';

const actor = (...roles: Actor['roles']): Actor => ({ userId: 'u1', account: 'x', displayName: 'x', unitId: 'A', roles }) as unknown as Actor;
const liaisonA = actor({ role: 'liaison', unitId: 'A', bodyId: null });
const headA = actor({ role: 'unit_head', unitId: 'A', bodyId: null });
const headB = actor({ role: 'unit_head', unitId: 'B', bodyId: null });
const overseer = actor({ role: 'oversight', unitId: null, bodyId: null });
const hq = actor({ role: 'hq_office', unitId: null, bodyId: null });

describe('written responses and promises, who may do what', () => {
  it('lets the asked unit’s liaison draft and only its head send, while the request is open', () => {
    expect(responseRequestPolicy.rowPolicies(liaisonA, { status: 'requested', unitId: 'A' })).toEqual({ draft: true, send: false });
    expect(responseRequestPolicy.rowPolicies(headA, { status: 'drafted', unitId: 'A' })).toEqual({ draft: true, send: true });
    expect(responseRequestPolicy.rowPolicies(headB, { status: 'drafted', unitId: 'A' })).toEqual({ draft: false, send: false });
    expect(responseRequestPolicy.rowPolicies(headA, { status: 'answered', unitId: 'A' })).toEqual({ draft: false, send: false });
    expect(responseRequestPolicy.route.read(overseer)).toBe(false);
  });
  it('lets only the oversight role ask from a case', () => {
    expect(caseRequestPolicy.routePolicies(overseer)).toEqual({ read: true, ask: true });
    for (const a of [hq, headA, liaisonA]) expect(caseRequestPolicy.routePolicies(a)).toEqual({ read: false, ask: false });
  });
  it('lets the unit keep its own pending promise and oversight find any broken; the office and leader read', () => {
    expect(promisePolicy.rowPolicies(liaisonA, { status: 'pending', unitId: 'A' })).toEqual({ keep: true, break: false });
    expect(promisePolicy.rowPolicies(headB, { status: 'pending', unitId: 'A' })).toEqual({ keep: false, break: false });
    expect(promisePolicy.rowPolicies(overseer, { status: 'pending', unitId: 'A' })).toEqual({ keep: false, break: true });
    expect(promisePolicy.rowPolicies(overseer, { status: 'kept', unitId: 'A' })).toEqual({ keep: false, break: false });
    expect(promisePolicy.routePolicies(hq)).toEqual({ read: true, keep: false, break: false });
  });
});
