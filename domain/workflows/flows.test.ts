import { describe, expect, it } from 'vitest';
import { actionsFrom, nextState, stepRoles } from './flow.js';
import { reportFlow } from './report.js';
import { planFlow } from './plan.js';
import { claimFlow } from './claim.js';
import { blockerFlow } from './blocker.js';
import { ledgerFlow } from './ledger.js';
import { CASE_ACTIONS, caseFlow } from './oversightCase.js';
import { CASE_STATUSES } from '../oversight.js';
import { ROLES } from '../enums.js';

describe('workflows', () => {
  it('walks a report through every step', () => {
    let s = nextState(reportFlow, 'draft', 'submit')!;
    expect(s).toBe('submitted');
    s = nextState(reportFlow, s, 'approve')!;
    s = nextState(reportFlow, s, 'review')!;
    expect(nextState(reportFlow, s, 'accept')).toBe('accepted');
  });
  it('refuses skipping a step', () => {
    expect(nextState(reportFlow, 'submitted', 'accept')).toBeUndefined();
    expect(nextState(reportFlow, 'draft', 'approve')).toBeUndefined();
    expect(actionsFrom(reportFlow, 'accepted')).toEqual([]);
  });
  it('lets each reviewer return, and only the right role take a step', () => {
    expect(stepRoles(reportFlow, 'submitted', 'return')).toEqual(['unit_head']);
    expect(stepRoles(reportFlow, 'reviewed', 'accept')).toEqual(['hq_office']);
    expect(nextState(reportFlow, 'returned', 'submit')).toBe('submitted');
  });
  it('reviews, approves and publishes plans in order', () => {
    expect(nextState(planFlow, 'draft', 'publish')).toBeUndefined();
    expect(nextState(planFlow, 'under_review', 'approve')).toBe('approved');
    expect(nextState(planFlow, 'approved', 'publish')).toBe('published');
  });
  it('needs the unit head to approve a claim', () => {
    expect(stepRoles(claimFlow, 'submitted', 'approve')).toEqual(['unit_head']);
    expect(nextState(claimFlow, 'returned', 'claim')).toBe('submitted');
  });
  it('keeps a blocker unresolved while it goes up, comes back down or is given to a resolver, and closes it only when the raiser verifies', () => {
    expect(nextState(blockerFlow, 'open', 'escalate')).toBe('open');
    expect(nextState(blockerFlow, 'open', 'return')).toBe('open');
    expect(nextState(blockerFlow, 'open', 'assign')).toBe('assigned');
    expect(nextState(blockerFlow, 'assigned', 'resolve')).toBe('resolved');
    expect(nextState(blockerFlow, 'open', 'resolve')).toBeUndefined();
    expect(nextState(blockerFlow, 'open', 'decide')).toBe('resolved');
    expect(actionsFrom(blockerFlow, 'resolved')).toEqual(['verify', 'reopen']);
    expect(nextState(blockerFlow, 'resolved', 'reopen')).toBe('open');
    expect(actionsFrom(blockerFlow, 'closed')).toEqual([]);
    expect(stepRoles(blockerFlow, 'resolved', 'verify')).toEqual(['liaison', 'unit_head']);
    expect(stepRoles(blockerFlow, 'open', 'return')).toEqual(['task_force', 'hq_office', 'leader']);
  });
  it('takes a ledger entry from the unit’s rectification to the inspector’s verdict, and back when it did not work', () => {
    expect(nextState(ledgerFlow, 'open', 'acknowledge')).toBe('rectifying');
    expect(nextState(ledgerFlow, 'open', 'rectify')).toBe('submitted');
    expect(nextState(ledgerFlow, 'rectifying', 'rectify')).toBe('submitted');
    expect(nextState(ledgerFlow, 'submitted', 'verify')).toBe('verified');
    expect(nextState(ledgerFlow, 'verified', 'close')).toBe('closed');
    expect(nextState(ledgerFlow, 'verified', 'reopen')).toBe('rectifying');
    expect(nextState(ledgerFlow, 'closed', 'reopen')).toBe('rectifying');
    // Never verified: nothing to close.
    for (const s of ['open', 'rectifying', 'submitted'] as const) expect(nextState(ledgerFlow, s, 'close')).toBeUndefined();
    expect(stepRoles(ledgerFlow, 'open', 'rectify')).toEqual(['liaison', 'unit_head']);
    expect(stepRoles(ledgerFlow, 'submitted', 'verify')).toEqual(['inspector']);
  });
  it('takes an oversight case received → verifying → handled → closed, by the oversight role alone, with no shortcut or way back', () => {
    let s = nextState(caseFlow, 'received', 'verify')!;
    expect(s).toBe('verifying');
    s = nextState(caseFlow, s, 'handle')!;
    expect(s).toBe('handled');
    expect(nextState(caseFlow, s, 'close')).toBe('closed');
    expect(nextState(caseFlow, 'received', 'handle')).toBeUndefined();
    expect(nextState(caseFlow, 'verifying', 'close')).toBeUndefined();
    expect(actionsFrom(caseFlow, 'closed')).toEqual([]);
    for (const st of CASE_STATUSES)
      for (const a of CASE_ACTIONS) for (const role of ROLES) if (role !== 'oversight') expect(stepRoles(caseFlow, st, a)).not.toContain(role);
  });
});

describe('bulletin and notice flows', () => {
  it('issues a draft once, by an inspector; acknowledges a notice once, by the unit', async () => {
    const { bulletinFlow } = await import('./bulletin.js');
    const { noticeFlow } = await import('./notice.js');
    expect(nextState(bulletinFlow, 'draft', 'issue')).toBe('issued');
    expect(nextState(bulletinFlow, 'issued', 'issue')).toBeUndefined();
    expect(stepRoles(bulletinFlow, 'draft', 'issue')).toEqual(['inspector']);
    expect(nextState(noticeFlow, 'sent', 'acknowledge')).toBe('acknowledged');
    expect(nextState(noticeFlow, 'acknowledged', 'acknowledge')).toBeUndefined();
    expect(stepRoles(noticeFlow, 'sent', 'acknowledge')).toEqual(['liaison', 'unit_head']);
  });
});
