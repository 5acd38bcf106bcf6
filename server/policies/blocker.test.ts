import { describe, expect, it } from 'vitest';
import { blockerPolicy, type BlockerSubject } from './blocker.js';
import { actorWith } from './policyArbitraries.js';

const forceB1 = actorWith('X', ['task_force', 'B1']);
const leader = actorWith('X', ['leader']);
const hq = actorWith('HQ', ['hq_office']);
const blocker = (level: BlockerSubject['level'], status: BlockerSubject['status'] = 'open'): BlockerSubject => ({ status, level, taskForceId: 'B1' });

describe('blocker policy', () => {
  it('lets the task force handle its blockers only while they sit at unit or task-force level', () => {
    expect(blockerPolicy.rowPolicies(forceB1, blocker('task_force'))).toEqual({ escalate: true, resolve: true, instruct: false });
    expect(blockerPolicy.rowPolicies(forceB1, blocker('hq'))).toEqual({ escalate: false, resolve: false, instruct: false });
  });

  it('gives the leader the blockers at the leading group: resolve or instruct, nothing higher to escalate to', () => {
    expect(blockerPolicy.rowPolicies(leader, blocker('leading_group'))).toEqual({ escalate: false, resolve: true, instruct: true });
    expect(blockerPolicy.rowPolicies(leader, blocker('hq'))).toEqual({ escalate: false, resolve: false, instruct: false });
  });

  it('lets nobody act on a resolved blocker', () => {
    expect(Object.values(blockerPolicy.rowPolicies(hq, blocker('hq', 'resolved')))).toEqual([false, false, false]);
  });
});
