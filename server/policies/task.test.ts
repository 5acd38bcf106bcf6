import { describe, expect, it } from 'vitest';
import { actorWith } from './policyArbitraries.js';
import { taskPolicy } from './task.js';

describe('task policy (claims)', () => {
  const units = [
    { status: 'unclaimed', unitId: 'U1' },
    { status: 'submitted', unitId: 'U2' },
  ] as const;

  it('offers a claim step only for a unit the actor speaks for, in the state that step starts from', () => {
    expect(taskPolicy.rowPolicies(actorWith('U1', ['liaison']), units)).toMatchObject({ claim: true, approveClaim: false, returnClaim: false });
    expect(taskPolicy.rowPolicies(actorWith('U1', ['unit_head']), units)).toMatchObject({ claim: true, approveClaim: false });
    expect(taskPolicy.rowPolicies(actorWith('U2', ['unit_head']), units)).toMatchObject({ claim: false, approveClaim: true, returnClaim: true });
    expect(taskPolicy.rowPolicies(actorWith('U2', ['liaison']), units)).toMatchObject({ claim: false, approveClaim: false });
    expect(taskPolicy.rowPolicies(actorWith('U3', ['unit_head']), units)).toMatchObject({ claim: false, approveClaim: false, update: false });
  });

  it('lets the HQ office keep tasks but claim none', () => {
    expect(taskPolicy.rowPolicies(actorWith('HQ', ['hq_office']), units)).toMatchObject({ update: true, create: true, claim: false });
  });
});
