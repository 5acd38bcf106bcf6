import { and, asc, eq, inArray } from 'drizzle-orm';
import { changedFields, sortHistory, type HistoryEvent, type ReportFigure } from '../../../domain/itemHistory.js';
import type { ItemType, ReportStatus } from '../../../domain/work.js';
import type { Executor } from '../../db/client.js';
import { auditLog, orgUnits, reports, reportSteps, targets, taskUnits, users } from '../../db/schema/index.js';

type Json = Record<string, unknown> | null;
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** Whether the reader may see a report of this item (its status and unit; the item's task force is the caller's to add). */
export type ReportVisible = (r: { status: ReportStatus; unitId: string }) => boolean;

/**
 * An item's history, newest first: its own audit records (created, edited, claims, milestones,
 * actuals, plans), the claims of units that have no audit record of theirs (the demo's, loaded in
 * bulk), and the acceptance or return of each of its reports that the reader may see: a report's
 * return reason and accepted figure are the report's content, and the history must not become a
 * way round the reports' read rules.
 */
export async function loadItemHistory(db: Executor, type: ItemType, id: string, reportVisible: ReportVisible): Promise<HistoryEvent[]> {
  const [audit, claims, steps, target] = await Promise.all([
    db
      .select({ action: auditLog.action, at: auditLog.at, before: auditLog.before, after: auditLog.after, actorName: users.displayName })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.entity, type), eq(auditLog.entityId, id)))
      .orderBy(asc(auditLog.id)),
    type === 'task'
      ? db
          .select({ unitId: taskUnits.unitId, claimedAt: taskUnits.claimedAt, claimedById: taskUnits.claimedById, approvedAt: taskUnits.approvedAt, approvedById: taskUnits.approvedById })
          .from(taskUnits)
          .where(eq(taskUnits.taskId, id))
      : [],
    db
      .select({
        action: reportSteps.action,
        at: reportSteps.at,
        reason: reportSteps.reason,
        actorName: users.displayName,
        unit: orgUnits.name,
        unitId: reports.unitId,
        status: reports.status,
        period: reports.period,
        percent: reports.percent,
        actual: reports.actual,
        investment: reports.investment,
      })
      .from(reportSteps)
      .innerJoin(reports, eq(reports.id, reportSteps.reportId))
      .innerJoin(orgUnits, eq(orgUnits.id, reports.unitId))
      .leftJoin(users, eq(users.id, reportSteps.actorId))
      .where(and(eq(reports.itemType, type), eq(reports.itemId, id), inArray(reportSteps.action, ['accept', 'return'])))
      .orderBy(asc(reportSteps.id)),
    type === 'target' ? db.select({ measureUnit: targets.measureUnit }).from(targets).where(eq(targets.id, id)) : [],
  ]);

  // Unit names for claims (audit records carry the unit's id) and the people of claims without one.
  const unitIds = new Set<string>(claims.map((c) => c.unitId));
  for (const a of audit) if (a.action.startsWith('task.claim')) unitIds.add(str(((a.after ?? a.before) as Json)?.unitId));
  const people = claims.flatMap((c) => [c.claimedById, c.approvedById]).filter((x): x is string => !!x);
  const [unitRows, peopleRows] = await Promise.all([
    unitIds.size ? db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, [...unitIds].filter(Boolean))) : [],
    people.length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...new Set(people)])) : [],
  ]);
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  const personName = new Map(peopleRows.map((p) => [p.id, p.name]));

  const events: HistoryEvent[] = [];
  const claimedInAudit = new Set<string>();
  for (const a of audit) {
    const before = a.before as Json;
    const after = a.after as Json;
    const base = { at: a.at, actorName: a.actorName };
    const verb = a.action.slice(a.action.indexOf('.') + 1);
    if (verb === 'created') events.push({ ...base, kind: 'created' });
    else if (verb === 'updated') events.push({ ...base, kind: 'updated', fields: changedFields(before, after) });
    else if (verb === 'claimed' || verb === 'claim_approved' || verb === 'claim_returned') {
      const unitId = str((after ?? before)?.unitId);
      claimedInAudit.add(unitId);
      const unit = unitName.get(unitId) ?? '';
      if (verb === 'claim_returned') events.push({ ...base, kind: 'claim_returned', unit, reason: str(after?.returnReason) });
      else events.push({ ...base, kind: verb, unit });
    } else if (verb === 'milestone_added' || verb === 'milestone_updated' || verb === 'milestone_removed') {
      events.push({ ...base, kind: verb, name: str((after ?? before)?.name) });
    } else if (verb === 'actual_recorded') events.push({ ...base, kind: 'actual_recorded', period: str(after?.period), value: str(after?.value).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') });
    else if (verb === 'trajectory_set') events.push({ ...base, kind: 'trajectory_set' });
    else if (verb === 'plan_set') events.push({ ...base, kind: 'investment_plan_set' });
  }
  for (const c of claims) {
    if (claimedInAudit.has(c.unitId)) continue;
    const unit = unitName.get(c.unitId) ?? '';
    if (c.claimedAt) events.push({ at: c.claimedAt, actorName: c.claimedById ? (personName.get(c.claimedById) ?? null) : null, kind: 'claimed', unit });
    if (c.approvedAt) events.push({ at: c.approvedAt, actorName: c.approvedById ? (personName.get(c.approvedById) ?? null) : null, kind: 'claim_approved', unit });
  }
  const measureUnit = target[0]?.measureUnit ?? '';
  for (const s of steps) {
    if (!reportVisible({ status: s.status as ReportStatus, unitId: s.unitId })) continue;
    const base = { at: s.at, actorName: s.actorName, unit: s.unit, period: s.period };
    if (s.action === 'return') {
      events.push({ ...base, kind: 'report_returned', reason: s.reason ?? '' });
      continue;
    }
    const figure: ReportFigure =
      s.percent !== null ? { percent: s.percent } : s.actual !== null ? { actual: s.actual, measureUnit } : s.investment !== null ? { investment: s.investment } : null;
    events.push({ ...base, kind: 'report_accepted', figure });
  }
  return sortHistory(events);
}
