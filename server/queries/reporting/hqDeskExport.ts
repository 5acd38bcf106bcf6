import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { CLAIM_WORKDAYS } from '../../../domain/claims.js';
import { trackedLight, type DispatchStatus } from '../../../domain/dispatch.js';
import { now as clockNow } from '../../clock.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { reports } from '../../db/schema/index.js';
import type { DispatchListRow } from '../../models/dispatch.js';
import type { UnclaimedRow } from '../../models/planning.js';
import type { BlockerView, ReportExportRow } from '../../models/reporting.js';
import { currentCalendar } from '../calendar.js';
import { listDispatches } from '../dispatch/dispatches.js';
import { listUnclaimed } from '../planning/claims.js';
import { listBlockers } from './blockers.js';
import { exportRows } from './reportExport.js';
import { withoutTaskForce } from './workbenchQueues.js';
import { scopeOf, unitIn } from '../regionScope.js';

/** Rows a desk list is read to: its cards show 10; a district's whole backlog is some hundreds. */
const AT_MOST = 5_000;

/** The HQ desk's lists whole (the page shows each list's first lines): what its workbook writes. */
export interface HqDeskLists {
  today: string;
  toAccept: ReportExportRow[];
  unclaimed: UnclaimedRow[];
  hqBlockers: BlockerView[];
  toChase: (DispatchListRow & { light: 'red' | 'yellow' })[];
  toReview: ReportExportRow[];
}

/** Reports in one status under a condition, oldest waiting first, as the desk lists them. */
function reportsIn(db: Executor, status: string, cond: SQL | undefined, waitingSince: PgColumn): Promise<ReportExportRow[]> {
  return exportRows(db)
    .where(and(eq(reports.status, status), cond))
    .orderBy(asc(waitingSince), asc(reports.id))
    .limit(AT_MOST);
}

/**
 * The five lists of the HQ desk as its page selects them (queries/reporting/workbenchQueues.ts
 * hqWorkbench, the desk's blocker and to-chase cards): 待验收 reports, 逾期未认领, 指挥部待协调卡点
 * (open at HQ level, oldest first), 待催办 (sent tracked items red or yellow, red first then by
 * deadline) and 待复核 (approved reports on plans without a task force).
 */
export async function hqDeskLists(db: Executor, actor: Actor | null): Promise<HqDeskLists> {
  const cal = await currentCalendar(db);
  const today = shanghaiDate(clockNow());
  const scope = scopeOf(actor);
  const inScope = unitIn(reports.unitId, scope);
  const [toAccept, unclaimed, hqBlockers, sent, toReview] = await Promise.all([
    reportsIn(db, 'reviewed', inScope, reports.reviewedAt),
    listUnclaimed(db, cal, today, { workdays: CLAIM_WORKDAYS, scope }, 1, AT_MOST),
    listBlockers(db, actor, { status: 'open', level: 'hq', sort: 'oldest' }, 1, AT_MOST),
    listDispatches(db, actor, { status: 'sent' }, 1, AT_MOST),
    reportsIn(db, 'approved', and(withoutTaskForce(db), inScope), reports.approvedAt),
  ]);
  const rank = (l: string) => (l === 'red' ? 0 : 1);
  const toChase = sent.rows
    .map((r) => ({ ...r, light: trackedLight(cal, { status: r.dispatch.status as DispatchStatus, deadline: r.dispatch.deadline, pending: r.repliedCount < r.unitCount }, today) }))
    .filter((r): r is DispatchListRow & { light: 'red' | 'yellow' } => r.light === 'red' || r.light === 'yellow')
    .sort((a, b) => rank(a.light) - rank(b.light) || a.dispatch.deadline.localeCompare(b.dispatch.deadline));
  return { today, toAccept, unclaimed: unclaimed.rows, hqBlockers: hqBlockers.rows, toChase, toReview };
}
