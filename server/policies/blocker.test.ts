import { describe, expect, it } from 'vitest';
import { blockerPolicy, type BlockerSubject } from './blocker.js';
import { actorWith } from './policyArbitraries.js';

const forceB1 = actorWith('X', ['task_force', 'B1']);
const leader = actorWith('X', ['leader']);
const hq = actorWith('HQ', ['hq_office']);
const liaisonU = actorWith('U', ['liaison']);
const headU = { ...actorWith('U', ['unit_head']), userId: 'head' };
const liaisonR = actorWith('R', ['liaison']);
const blocker = (level: BlockerSubject['level'], status: BlockerSubject['status'] = 'open', more: Partial<BlockerSubject> = {}): BlockerSubject => ({
  status,
  level,
  taskForceId: 'B1',
  unitId: 'U',
  resolverUnitId: null,
  resolvedById: null,
  ...more,
});
const allowed = (p: Record<string, boolean>) => Object.keys(p).filter((k) => p[k]);

describe('blocker policy', () => {
  it('lets the task force hold its blockers only while they sit at unit or task-force level', () => {
    expect(allowed(blockerPolicy.rowPolicies(forceB1, blocker('task_force')))).toEqual(['escalate', 'assign', 'decide', 'return']);
    expect(allowed(blockerPolicy.rowPolicies(forceB1, blocker('unit')))).toEqual(['escalate', 'assign', 'decide']);
    expect(allowed(blockerPolicy.rowPolicies(forceB1, blocker('hq')))).toEqual([]);
  });

  it('gives the leader the blockers at the leading group: assign, decide or send back down, nothing higher to escalate to', () => {
    expect(allowed(blockerPolicy.rowPolicies(leader, blocker('leading_group')))).toEqual(['assign', 'decide', 'return']);
    expect(allowed(blockerPolicy.rowPolicies(leader, blocker('hq')))).toEqual([]);
  });

  it('lets the raising unit take it up from unit level only, and nothing else while it is open', () => {
    expect(allowed(blockerPolicy.rowPolicies(liaisonU, blocker('unit')))).toEqual(['escalate']);
    expect(allowed(blockerPolicy.rowPolicies(liaisonU, blocker('task_force')))).toEqual([]);
    expect(allowed(blockerPolicy.rowPolicies(liaisonR, blocker('unit')))).toEqual([]);
  });

  it('lets only the resolver unit resolve what was given to it', () => {
    const given = blocker('hq', 'assigned', { resolverUnitId: 'R' });
    expect(allowed(blockerPolicy.rowPolicies(liaisonR, given))).toEqual(['resolve']);
    expect(allowed(blockerPolicy.rowPolicies(liaisonU, given))).toEqual([]);
    expect(allowed(blockerPolicy.rowPolicies(hq, given))).toEqual(['escalate', 'assign', 'decide']);
  });

  it('lets the raising unit verify or reopen a resolution, but not the person who recorded it', () => {
    const solved = blocker('hq', 'resolved', { resolverUnitId: 'U', resolvedById: headU.userId });
    expect(allowed(blockerPolicy.rowPolicies(liaisonU, solved))).toEqual(['verify', 'reopen']);
    expect(allowed(blockerPolicy.rowPolicies(headU, solved))).toEqual(['reopen']);
    expect(allowed(blockerPolicy.rowPolicies(liaisonR, solved))).toEqual([]);
    expect(allowed(blockerPolicy.rowPolicies(hq, solved))).toEqual([]);
  });

  it('lets nobody act on a closed blocker', () => {
    for (const a of [hq, leader, forceB1, liaisonU, headU]) expect(allowed(blockerPolicy.rowPolicies(a, blocker('hq', 'closed')))).toEqual([]);
  });
});
