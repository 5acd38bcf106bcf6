import { isAdminRole } from '../../domain/enums.js';
import { feedVisibility, type FeedKind } from '../../domain/feed.js';
import type { ReportStatus } from '../../domain/work.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';
import { maySeeReport, SEE_ALL_REPORTS, taskForcesOf, unitsWhere } from './report.js';

/** What decides who may read one feed event. */
export interface FeedSubject {
  kind: FeedKind;
  unitId: string | null;
  taskForceId: string | null;
  reportStatus: string | null;
  /** A blocker's resolver unit, once assigned: its liaison and head read the blocker, as in blockerScope. */
  resolverUnitId: string | null;
}

/**
 * Whether the actor may read this event: the one-row form of the feed query's conditions
 * (queries/feed.ts), for the stream, which reads new records once for all its clients. A report's
 * event as maySeeReport; a blocker's as blockerScope (the roles that see every report, the
 * oversight office, the blocker's unit and its resolver unit, its plan's task force); a claim's or a plan's by anyone the
 * route lets in, as tasks and plans are.
 */
export function mayReadFeedEvent(a: Actor | null, e: FeedSubject): boolean {
  if (!feedPolicy.route.read(a)) return false;
  const visibility = feedVisibility(e.kind);
  if (visibility === 'program') return true;
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
