import { and, count, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { lightReasonText } from '../../../domain/lightText.js';
import type { Light, LightReason } from '../../../domain/lights.js';
import { SNAPSHOT_ITEMS, snapshotOrder, zeroCounts, type HearingSubject, type SnapshotItem, type StatusSnapshot } from '../../../domain/meetings.js';
import { UNRESOLVED_BLOCKER_STATUSES } from '../../../domain/schemas/blocker.js';
import type { Executor } from '../../db/client.js';
import { blockers, plans, projects, reports, targets, taskUnits, tasks } from '../../db/schema/index.js';

const DAY_MS = 86_400_000;
const TROUBLE = ['red', 'yellow'];

/** The plans of a task force, as a condition on an item's plan column. */
const inTaskForce = (planId: PgColumn, taskForceId: string): SQL => inArray(planId, sql`(select ${plans.id} from ${plans} where ${plans.taskForceId} = ${taskForceId})`);

/**
 * The items a hearing is about, per item type: a unit's own (its tasks as lead or supporting unit,
 * the targets it supplies, the projects it answers for) or a task force's (those of its plans);
 * at a task-force meeting only those of that task force's plans, all it may read.
 */
function itemScopes(subject: { type: HearingSubject; id: string }, within: string | null) {
  const tf = (col: PgColumn) => (within ? inTaskForce(col, within) : undefined);
  if (subject.type === 'task_force') {
    return {
      task: and(inTaskForce(tasks.planId, subject.id), tf(tasks.planId)),
      target: and(inTaskForce(targets.planId, subject.id), tf(targets.planId)),
      project: and(inTaskForce(projects.planId, subject.id), tf(projects.planId)),
    };
  }
  return {
    task: and(inArray(tasks.id, sql`(select ${taskUnits.taskId} from ${taskUnits} where ${taskUnits.unitId} = ${subject.id})`), tf(tasks.planId)),
    target: and(eq(targets.dataUnitId, subject.id), tf(targets.planId)),
    project: and(eq(projects.responsibleUnitId, subject.id), tf(projects.planId)),
  };
}

type Line = { id: string; code: string; title: string; light: string; lightReasons: unknown };

/**
 * The live status of a unit or a task force as a meeting hears it: its items counted by light, the
 * red and yellow ones named with their reasons, its unresolved blockers and the reports accepted in
 * the last 30 days. `within` limits it to one task force's plans (a task force's own meeting).
 * Null when there is nothing of the subject's to hear there.
 */
export async function statusSnapshot(
  db: Executor,
  subject: { type: HearingSubject; id: string; name: string },
  within: string | null,
  now: Date,
): Promise<StatusSnapshot | null> {
  const scope = itemScopes(subject, within);
  const counts = zeroCounts();
  const lines: SnapshotItem[] = [];
  const cols = { light: sql<string>`light`, lightReasons: sql<unknown>`light_reasons` };
  // One after the other: inside a transaction the queries share one connection.
  const parts: { itemType: SnapshotItem['itemType']; counted: { light: string; n: number }[]; trouble: Line[]; ids: SQL }[] = [];
  parts.push({
    itemType: 'task',
    counted: await db.select({ light: tasks.light, n: count() }).from(tasks).where(scope.task).groupBy(tasks.light),
    trouble: await db.select({ id: tasks.id, code: tasks.code, title: tasks.title, ...cols }).from(tasks).where(and(scope.task, inArray(tasks.light, TROUBLE))),
    ids: sql`(select ${tasks.id} from ${tasks} where ${scope.task})`,
  });
  parts.push({
    itemType: 'target',
    counted: await db.select({ light: targets.light, n: count() }).from(targets).where(scope.target).groupBy(targets.light),
    trouble: await db.select({ id: targets.id, code: targets.code, title: targets.name, ...cols }).from(targets).where(and(scope.target, inArray(targets.light, TROUBLE))),
    ids: sql`(select ${targets.id} from ${targets} where ${scope.target})`,
  });
  parts.push({
    itemType: 'project',
    counted: await db.select({ light: projects.light, n: count() }).from(projects).where(scope.project).groupBy(projects.light),
    trouble: await db.select({ id: projects.id, code: projects.code, title: projects.name, ...cols }).from(projects).where(and(scope.project, inArray(projects.light, TROUBLE))),
    ids: sql`(select ${projects.id} from ${projects} where ${scope.project})`,
  });
  let total = 0;
  for (const p of parts) {
    for (const c of p.counted) {
      counts[c.light as Light] += Number(c.n);
      total += Number(c.n);
    }
    for (const r of p.trouble) {
      const reasons = (Array.isArray(r.lightReasons) ? r.lightReasons : []) as LightReason[];
      lines.push({ itemType: p.itemType, code: r.code, title: r.title, light: r.light as Light, reasons: reasons.map((x) => lightReasonText(x, 'zh-CN')) });
    }
  }
  if (total === 0) return null;
  const onItems = (itemType: PgColumn, itemId: PgColumn) =>
    sql`(${parts.map((p) => sql`(${itemType} = ${p.itemType} and ${itemId} in ${p.ids})`).reduce((a, b) => sql`${a} or ${b}`)})`;
  const [open] = await db
    .select({ n: count() })
    .from(blockers)
    .where(and(inArray(blockers.status, [...UNRESOLVED_BLOCKER_STATUSES]), subject.type === 'unit' && !within ? eq(blockers.unitId, subject.id) : onItems(blockers.itemType, blockers.itemId)));
  const [accepted] = await db
    .select({ n: count() })
    .from(reports)
    .where(
      and(
        eq(reports.status, 'accepted'),
        gte(reports.acceptedAt, new Date(now.getTime() - 30 * DAY_MS)),
        subject.type === 'unit' ? eq(reports.unitId, subject.id) : undefined,
        onItems(reports.itemType, reports.itemId),
      ),
    );
  return {
    takenAt: now.toISOString(),
    subjectType: subject.type,
    subjectName: subject.name,
    counts,
    items: lines.sort(snapshotOrder).slice(0, SNAPSHOT_ITEMS),
    openBlockers: Number(open?.n ?? 0),
    acceptedReports: Number(accepted?.n ?? 0),
  };
}
