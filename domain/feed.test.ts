import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_WORDS } from './auditSentence.js';
import { FEED_KINDS, feedActions, feedKindOf, feedVisibility, inFeedKind } from './feed.js';

/** The SQL twin's rule, in JavaScript: what `feedActions` says a kind covers. */
function coveredBy(action: string, kind?: (typeof FEED_KINDS)[number]): boolean {
  const { exact, prefixes, except } = feedActions(kind);
  return (exact.includes(action) || prefixes.some((p) => action.startsWith(p) && action.length > p.length)) && !except.includes(action);
}

describe('the feed’s kinds of audit action', () => {
  it('names the program’s steps and leaves out sign-ins, administration, drafts and reads', () => {
    expect(feedKindOf('report.accepted')).toBe('report');
    expect(feedKindOf('task.claimed')).toBe('claim');
    expect(feedKindOf('task.claim_approved')).toBe('claim');
    expect(feedKindOf('plan.approved')).toBe('plan');
    expect(feedKindOf('plan.published')).toBe('plan');
    expect(feedKindOf('blocker.raised')).toBe('blocker');
    expect(feedKindOf('blocker.escalated')).toBe('blocker');
    expect(feedKindOf('blocker.resolved')).toBe('blocker');
    expect(feedKindOf('blocker.instructed')).toBe('instruction');
    expect(feedKindOf('blocker.returned')).toBe('instruction');
    for (const a of ['auth.login', 'user.created', 'report.created', 'report.submitted', 'report.updated', 'evidence.downloaded', 'audit.read', 'task.updated', 'plan.created', 'blocker.', 'blockers.raised'])
      expect(feedKindOf(a), a).toBeNull();
    // Oversight cases are confidential: none of their steps is ever an event.
    for (const a of ['oversight_case.received', 'oversight_case.verification_started', 'oversight_case.handled', 'oversight_case.closed', 'oversight_case.noted'])
      expect(feedKindOf(a), a).toBeNull();
  });

  it('has the midnight run as 灯色变化, and any event that changed a light under that filter too', () => {
    expect(feedKindOf('system.lights_refreshed')).toBe('light');
    expect(feedKindOf('system.demo_loaded')).toBeNull();
    const lights = { red: 1, yellow: 0, recovered: 0, done: 0, other: 0, items: [] };
    expect(inFeedKind('light', { kind: 'light', lights: null })).toBe(true);
    expect(inFeedKind('light', { kind: 'report', lights })).toBe(true);
    expect(inFeedKind('light', { kind: 'report', lights: null })).toBe(false);
    expect(inFeedKind('report', { kind: 'report', lights: null })).toBe(true);
    expect(inFeedKind('blocker', { kind: 'report', lights })).toBe(false);
    expect(inFeedKind(undefined, { kind: 'plan', lights: null })).toBe(true);
  });

  it('takes any blocker step, one it does not know yet included', () => {
    expect(feedKindOf('blocker.reopened')).toBe('blocker');
    expect(feedKindOf('blocker.verified')).toBe('blocker');
  });

  it('agrees with its SQL twin on every action the server writes, and on unknown blocker steps', () => {
    for (const action of [...Object.keys(AUDIT_ACTION_WORDS), 'blocker.reopened', 'blocker.']) {
      const kind = feedKindOf(action);
      expect(coveredBy(action), action).toBe(kind !== null);
      for (const k of FEED_KINDS) expect(coveredBy(action, k), `${action} as ${k}`).toBe(kind === k);
    }
  });

  it('decides who reads an event by the rows it concerns (the audit record\'s entity)', () => {
    expect(feedVisibility('report')).toBe('report');
    // A blocker sent back with an instruction is read as the blocker; a 批示 written on an item as the tracked item it is.
    expect(feedVisibility('blocker')).toBe('blocker');
    expect(feedVisibility('dispatch')).toBe('dispatch');
    expect(feedVisibility('task')).toBe('program');
    expect(feedVisibility('plan')).toBe('program');
    // The midnight run concerns every item, and every item is the program's.
    expect(feedVisibility('system')).toBe('program');
  });

  it('puts a 批示, a meeting decision and a unit\'s reply in the feed, and an order still in draft not', () => {
    expect(feedKindOf('instruction.issued')).toBe('instruction');
    expect(feedKindOf('blocker.returned')).toBe('instruction');
    expect(feedKindOf('meeting.decision_recorded')).toBe('decision');
    expect(feedKindOf('dispatch.replied')).toBe('reply');
    expect(feedKindOf('dispatch.created')).toBeNull();
  });
});
