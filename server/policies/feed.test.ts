import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedKindOf } from '../../domain/feed.js';
import { REPORT_STATUSES, type ReportStatus } from '../../domain/work.js';
import { blockerPolicy } from './blocker.js';
import { dispatchPolicy } from './dispatch.js';
import { feedPolicy, mayReadFeedEvent } from './feed.js';
import { actorWith, anyActor, BODIES, UNITS } from './policyArbitraries.js';
import { maySeeReport, reportPolicy } from './report.js';
import { taskPolicy } from './task.js';

/** Each kind of event as the server writes it: the audit action and the entity whose rows it concerns. */
const EVENTS = [
  { action: 'report.accepted', entity: 'report' },
  { action: 'task.claimed', entity: 'task' },
  { action: 'blocker.raised', entity: 'blocker' },
  { action: 'blocker.returned', entity: 'blocker' },
  { action: 'instruction.issued', entity: 'dispatch' },
  { action: 'meeting.decision_recorded', entity: 'dispatch' },
  { action: 'dispatch.replied', entity: 'dispatch' },
  { action: 'plan.approved', entity: 'plan' },
  { action: 'system.lights_refreshed', entity: 'system' },
] as const;

const anyEvent = fc
  .record({
    event: fc.constantFrom(...EVENTS),
    unitId: fc.option(fc.constantFrom(...UNITS)),
    taskForceId: fc.option(fc.constantFrom(...BODIES)),
    reportStatus: fc.option(fc.constantFrom(...REPORT_STATUSES.filter((s) => s !== 'draft'))),
    resolverUnitId: fc.option(fc.constantFrom(...UNITS)),
    recipientUnitIds: fc.option(fc.uniqueArray(fc.constantFrom(...UNITS), { maxLength: 3 })),
    // The actors' region is R1 (policyArbitraries); R2 is another district's; null the midnight run's (every region's).
    regionIds: fc.constantFrom<string[] | null>(['R1'], ['R2'], ['R2', 'R1'], null),
  })
  .map(({ event, ...rest }) => ({ ...rest, ...event, kind: feedKindOf(event.action)! }));

describe('who reads a feed event', () => {
  it('never someone the feed, or the list of what the event concerns, would refuse', () => {
    fc.assert(
      fc.property(anyActor, anyEvent, (a, e) => {
        if (!mayReadFeedEvent(a, e)) return;
        expect(feedPolicy.route.read(a)).toBe(true);
        if (e.entity === 'report') expect(reportPolicy.route.read(a) && maySeeReport(a, { status: e.reportStatus as ReportStatus, unitId: e.unitId!, taskForceId: e.taskForceId })).toBe(true);
        if (e.entity === 'blocker') expect(blockerPolicy.route.read(a)).toBe(true);
        if (e.entity === 'dispatch') expect(dispatchPolicy.route.read(a)).toBe(true);
        if (e.entity === 'task' || e.entity === 'plan' || e.entity === 'system') expect(taskPolicy.route.read(a)).toBe(true);
      }),
    );
  });

  it('a report’s event exactly as its report; a claim’s, a plan’s or the midnight run’s by everyone in the program', () => {
    fc.assert(
      fc.property(anyActor, anyEvent, (a, e) => {
        const inFeed = feedPolicy.route.read(a) && (e.regionIds === null || e.regionIds.includes('R1'));
        if (e.entity === 'report' && e.unitId && e.reportStatus) expect(mayReadFeedEvent(a, e)).toBe(inFeed && maySeeReport(a, { status: e.reportStatus as ReportStatus, unitId: e.unitId, taskForceId: e.taskForceId }));
        if (e.entity === 'task' || e.entity === 'plan' || e.entity === 'system') expect(mayReadFeedEvent(a, e)).toBe(inFeed);
      }),
    );
  });

  it('never lets a district read another district’s event, whatever the role', () => {
    fc.assert(
      fc.property(anyActor, anyEvent, (a, e) => {
        if (e.regionIds && !e.regionIds.some((r) => (a?.regionIds ?? []).includes(r))) expect(mayReadFeedEvent(a, e)).toBe(false);
      }),
    );
    const claim = { kind: 'claim' as const, entity: 'task', action: 'task.claimed', unitId: 'U1', taskForceId: null, reportStatus: null, resolverUnitId: null, recipientUnitIds: null, regionIds: ['R1'] };
    expect(mayReadFeedEvent(actorWith('U1', ['hq_office']), { ...claim, regionIds: ['R2'] })).toBe(false);
    expect(mayReadFeedEvent(actorWith('U1', ['hq_office']), { ...claim, regionIds: ['R1'] })).toBe(true);
    // A city's reader: its scope holds its districts.
    expect(mayReadFeedEvent({ ...actorWith('U1', ['hq_office']), regionIds: ['C', 'R1', 'R2'] }, { ...claim, regionIds: ['R2'] })).toBe(true);
  });

  it('keeps the admin duties out, and lets the oversight office read blockers but not reports', () => {
    const blocker = { kind: 'blocker' as const, entity: 'blocker', action: 'blocker.raised', unitId: 'U1', taskForceId: null, reportStatus: null, resolverUnitId: null, recipientUnitIds: null, regionIds: ['R1'] };
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) expect(mayReadFeedEvent(actorWith('U1', [role]), { ...blocker, kind: 'plan', entity: 'plan', action: 'plan.approved' })).toBe(false);
    expect(mayReadFeedEvent(actorWith('U2', ['oversight']), blocker)).toBe(true);
    expect(mayReadFeedEvent(actorWith('U2', ['oversight']), { ...blocker, kind: 'report', entity: 'report', action: 'report.accepted', reportStatus: 'accepted' })).toBe(false);
    expect(mayReadFeedEvent(actorWith('U2', ['task_force', 'B1']), { ...blocker, taskForceId: 'B1' })).toBe(true);
    expect(mayReadFeedEvent(actorWith('U2', ['task_force', 'B2']), { ...blocker, taskForceId: 'B1' })).toBe(false);
  });

  it('lets the unit a blocker was assigned to (交办) follow it live, as its list does', () => {
    const assigned = { kind: 'blocker' as const, entity: 'blocker', action: 'blocker.assigned', unitId: 'U1', taskForceId: null, reportStatus: null, resolverUnitId: 'U2', recipientUnitIds: null, regionIds: ['R1'] };
    expect(mayReadFeedEvent(actorWith('U2', ['liaison']), assigned)).toBe(true);
    expect(mayReadFeedEvent(actorWith('U2', ['unit_head']), { ...assigned, kind: 'instruction', action: 'blocker.returned' })).toBe(true);
    expect(mayReadFeedEvent(actorWith('U3', ['liaison']), assigned)).toBe(false);
    expect(mayReadFeedEvent(actorWith('U2', ['liaison']), { ...assigned, resolverUnitId: null })).toBe(false);
  });

  it('shows a 批示 or a decision to the units it went to, and a reply only to the unit that gave it', () => {
    const issued = { kind: 'instruction' as const, entity: 'dispatch', action: 'instruction.issued', unitId: null, taskForceId: null, reportStatus: null, resolverUnitId: null, recipientUnitIds: ['U1', 'U2'], regionIds: ['R1'] };
    expect(mayReadFeedEvent(actorWith('U1', ['liaison']), issued)).toBe(true);
    expect(mayReadFeedEvent(actorWith('U3', ['unit_head']), issued)).toBe(false);
    expect(mayReadFeedEvent(actorWith('U3', ['task_force', 'B1']), { ...issued, taskForceId: 'B1' })).toBe(false);
    expect(mayReadFeedEvent(actorWith('U3', ['leader']), issued)).toBe(true);
    const reply = { ...issued, kind: 'reply' as const, action: 'dispatch.replied', unitId: 'U2' };
    expect(mayReadFeedEvent(actorWith('U2', ['liaison']), reply)).toBe(true);
    expect(mayReadFeedEvent(actorWith('U1', ['liaison']), reply)).toBe(false);
    expect(mayReadFeedEvent(actorWith('U3', ['hq_office']), reply)).toBe(true);
  });
});
