import { describe, expect, it } from 'vitest';
import { planPolicy } from './plan.js';
import { actorWith } from './policyArbitraries.js';

describe('plan policy', () => {
  const hq = actorWith('HQ', ['hq_office']);
  const leader = actorWith('X', ['leader']);

  it('follows the plan through its states: the HQ office drafts, submits and publishes; the leader approves or returns', () => {
    expect(planPolicy.rowPolicies(hq, { status: 'draft' })).toMatchObject({ update: true, submit: true, approve: false, publish: false });
    expect(planPolicy.rowPolicies(leader, { status: 'under_review' })).toMatchObject({ approve: true, return: true, update: false });
    expect(planPolicy.rowPolicies(leader, { status: 'approved' })).toMatchObject({ publish: false });
    expect(planPolicy.rowPolicies(hq, { status: 'approved' })).toMatchObject({ publish: true, update: false });
    expect(Object.entries(planPolicy.rowPolicies(hq, { status: 'published' })).filter(([, v]) => v).map(([k]) => k)).toEqual(['read', 'create']);
  });
});
