import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEED_KINDS } from '../../domain/feed.js';
import { REPORT_STATUSES, type ReportStatus } from '../../domain/work.js';
import { blockerPolicy } from './blocker.js';
import { feedPolicy, mayReadFeedEvent } from './feed.js';
import { actorWith, anyActor, BODIES, UNITS } from './policyArbitraries.js';
import { maySeeReport, reportPolicy } from './report.js';
import { taskPolicy } from './task.js';

const anyEvent = fc.record({
  kind: fc.constantFrom(...FEED_KINDS),
  unitId: fc.option(fc.constantFrom(...UNITS)),
  taskForceId: fc.option(fc.constantFrom(...BODIES)),
  reportStatus: fc.option(fc.constantFrom(...REPORT_STATUSES.filter((s) => s !== 'draft'))),
  resolverUnitId: fc.option(fc.constantFrom(...UNITS)),
});

describe('who reads a feed event', () => {
  it('never someone the feed, or the list of what the event concerns, would refuse', () => {
    fc.assert(
      fc.property(anyActor, anyEvent, (a, e) => {
        if (!mayReadFeedEvent(a, e)) return;
        expect(feedPolicy.route.read(a)).toBe(true);
        if (e.kind === 'report') expect(reportPolicy.route.read(a) && maySeeReport(a, { status: e.reportStatus as ReportStatus, unitId: e.unitId!, taskForceId: e.taskForceId })).toBe(true);
        if (e.kind === 'blocker' || e.kind === 'instruction') expect(blockerPolicy.route.read(a)).toBe(true);
        if (e.kind === 'claim' || e.kind === 'plan') expect(taskPolicy.route.read(a)).toBe(true);
      }),
    );
  });

  it('a report’s event exactly as its report; a claim’s or a plan’s by everyone in the program', () => {
    fc.assert(
      fc.property(anyActor, anyEvent, (a, e) => {
        const inFeed = feedPolicy.route.read(a);
        if (e.kind === 'report' && e.unitId && e.reportStatus) expect(mayReadFeedEvent(a, e)).toBe(inFeed && maySeeReport(a, { status: e.reportStatus as ReportStatus, unitId: e.unitId, taskForceId: e.taskForceId }));
        if (e.kind === 'claim' || e.kind === 'plan') expect(mayReadFeedEvent(a, e)).toBe(inFeed);
      }),
    );
  });

  it('keeps the admin duties out, and lets the oversight office read blockers but not reports', () => {
    const blocker = { kind: 'blocker' as const, unitId: 'U1', taskForceId: null, reportStatus: null, resolverUnitId: null };
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) expect(mayReadFeedEvent(actorWith('U1', [role]), { ...blocker, kind: 'plan' })).toBe(false);
    expect(mayReadFeedEvent(actorWith('U2', ['oversight']), blocker)).toBe(true);
    expect(mayReadFeedEvent(actorWith('U2', ['oversight']), { ...blocker, kind: 'report', reportStatus: 'accepted' })).toBe(false);
    expect(mayReadFeedEvent(actorWith('U2', ['task_force', 'B1']), { ...blocker, taskForceId: 'B1' })).toBe(true);
    expect(mayReadFeedEvent(actorWith('U2', ['task_force', 'B2']), { ...blocker, taskForceId: 'B1' })).toBe(false);
  });

  it('lets the unit a blocker was assigned to (交办) follow it live, as its list does', () => {
    const assigned = { kind: 'blocker' as const, unitId: 'U1', taskForceId: null, reportStatus: null, resolverUnitId: 'U2' };
    expect(mayReadFeedEvent(actorWith('U2', ['liaison']), assigned)).toBe(true);
    expect(mayReadFeedEvent(actorWith('U2', ['unit_head']), { ...assigned, kind: 'instruction' })).toBe(true);
    expect(mayReadFeedEvent(actorWith('U3', ['liaison']), assigned)).toBe(false);
    expect(mayReadFeedEvent(actorWith('U2', ['liaison']), { ...assigned, resolverUnitId: null })).toBe(false);
  });
});
