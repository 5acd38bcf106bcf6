import { isAdminRole } from '../../domain/enums.js';
import { feedVisibility, type FeedKind } from '../../domain/feed.js';
import type { ReportStatus } from '../../domain/work.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';
import { maySeeReport, SEE_ALL_REPORTS, taskForcesOf, unitsWhere } from './report.js';
import { SEE_ALL_DISPATCHES } from './dispatch.js';

/** What decides who may read one feed event. */
export interface FeedSubject {
  kind: FeedKind;
  /** The audit record's entity and action: whose rows decide (domain/feed.ts feedVisibility). */
  entity: string;
  action: string;
  unitId: string | null;
  taskForceId: string | null;
  reportStatus: string | null;
  /** A blocker's resolver unit, once assigned: its liaison and head read the blocker, as in blockerScope. */
  resolverUnitId: string | null;
  /** A tracked item's units (a 批示's, a decision's): their liaisons and heads read it, as dispatchScope. */
  recipientUnitIds: string[] | null;
  /** The regions the event is in (queries/feed.ts eventRegions); null: every region's (the midnight run). */
  regionIds: string[] | null;
}

/**
 * Whether the actor may read this event: the one-row form of the feed query's conditions
 * (queries/feed.ts), for the stream, which reads new records once for all its clients. Only an event
 * of the actor's regions (the region seal); then a report's
 * event as maySeeReport; a blocker's as blockerScope (the roles that see every report, the
 * oversight office, the blocker's unit and its resolver unit, its plan's task force); a tracked
 * item's (批示, 议定事项) as dispatchScope, a reply only by the replying unit (and those who see all
 * orders); a claim's or a plan's by anyone the route lets in, as tasks and plans are.
 */
export function mayReadFeedEvent(a: Actor | null, e: FeedSubject): boolean {
  if (!feedPolicy.route.read(a)) return false;
  // The region seal: another district's event is not read, whatever the role.
  if (e.regionIds && !e.regionIds.some((r) => a!.regionIds.includes(r))) return false;
  const visibility = feedVisibility(e.entity);
  if (visibility === 'program') return true;
  if (visibility === 'dispatch') {
    if (hasRole(a, ...SEE_ALL_DISPATCHES)) return true;
    const own = unitsWhere(a, 'liaison', 'unit_head');
    // A reply is the replying unit's: another unit the item went to does not see it (recipientScope).
    if (e.action === 'dispatch.replied') return !!e.unitId && own.includes(e.unitId);
    return (e.recipientUnitIds ?? []).some((u) => own.includes(u));
  }
  if (!e.unitId) return false;
  if (visibility === 'report') return !!e.reportStatus && maySeeReport(a, { status: e.reportStatus as ReportStatus, unitId: e.unitId, taskForceId: e.taskForceId });
  if (hasRole(a, ...SEE_ALL_REPORTS, 'oversight')) return true;
  const own = unitsWhere(a, 'liaison', 'unit_head');
  return own.includes(e.unitId) || (!!e.resolverUnitId && own.includes(e.resolverUnitId)) || (!!e.taskForceId && taskForcesOf(a).includes(e.taskForceId));
}

/**
 * 工作动态: everyone in the program reads the feed, each event only as far as they may read what it
 * concerns. The three admin duties do not: they keep, secure and audit the system, not the work (三员分立).
 */
export const feedPolicy = definePolicy({
  route: {
    read: (a) => !!a && a.roles.length > 0 && !a.roles.some((g) => isAdminRole(g.role)),
  },
});
