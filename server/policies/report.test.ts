import { describe, expect, it } from 'vitest';
import { actorWith } from './policyArbitraries.js';
import { maySeeReport, reportPolicy } from './report.js';

const liaisonU1 = actorWith('U1', ['liaison']);
const headU1 = actorWith('U1', ['unit_head']);
const headU2 = actorWith('U2', ['unit_head']);
const forceB1 = actorWith('X', ['task_force', 'B1']);
const hq = actorWith('HQ', ['hq_office']);
const report = (status: string, taskForceId: string | null = 'B1') => ({ status, unitId: 'U1', taskForceId }) as Parameters<typeof reportPolicy.rowPolicies>[1];

describe('report policy', () => {
  it('lets each step be taken by its role, for this report only', () => {
    expect(reportPolicy.rowPolicies(liaisonU1, report('draft'))).toMatchObject({ update: true, submit: true, approve: false });
    expect(reportPolicy.rowPolicies(headU1, report('submitted'))).toMatchObject({ approve: true, return: true, update: false });
    expect(reportPolicy.rowPolicies(headU2, report('submitted'))).toMatchObject({ approve: false, return: false });
    expect(reportPolicy.rowPolicies(forceB1, report('approved'))).toMatchObject({ review: true, return: true });
    expect(reportPolicy.rowPolicies(actorWith('X', ['task_force', 'B2']), report('approved'))).toMatchObject({ review: false });
    expect(reportPolicy.rowPolicies(hq, report('reviewed'))).toMatchObject({ accept: true, return: true });
  });

  it('leaves the review to the task force when the plan has one, to the HQ office when not', () => {
    expect(reportPolicy.rowPolicies(hq, report('approved', 'B1')).review).toBe(false);
    expect(reportPolicy.rowPolicies(hq, report('approved', null)).review).toBe(true);
  });

  it('keeps a draft with its unit, even from those who see every report', () => {
    expect(maySeeReport(hq, report('draft'))).toBe(false);
    expect(maySeeReport(hq, report('submitted'))).toBe(true);
    expect(maySeeReport(headU2, report('submitted'))).toBe(false);
  });
});
