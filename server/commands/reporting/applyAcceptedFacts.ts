import Decimal from 'decimal.js';
import { and, eq, gt } from 'drizzle-orm';
import { PROJECT_STAGES, type ProjectStage } from '../../../domain/work.js';
import type { Tx } from '../../db/client.js';
import { projectMonths, projects, reports, targetActuals, tasks } from '../../db/schema/index.js';
import { refreshProjectLight, refreshTargetLight, rollUpTask, type LightEnv } from '../../lights/refresh.js';
import { leadsTask } from '../../queries/reporting/items.js';
import type { ReportRow } from '../../queries/reporting/reports.js';
import { now as clockNow } from '../../clock.js';

/** Whether the unit already has an accepted report for a later period of this item (then older figures do not overwrite newer ones). */
async function newerAccepted(tx: Tx, r: ReportRow): Promise<boolean> {
  const rows = await tx
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.itemType, r.itemType), eq(reports.itemId, r.itemId), eq(reports.unitId, r.unitId), eq(reports.status, 'accepted'), gt(reports.period, r.period)))
    .limit(1);
  return rows.length > 0;
}

/**
 * An accepted report's figures become facts. Task: the lead unit's percent is the task's progress
 * (done at 100) and the tree rolls up; any unit's acceptance counts as the latest report (its date is
 * the acceptance date, which staleness measures from). Target: the period's actual. Project: the
 * month's investment done, the stage reached (never backwards) with its actual date. Lights follow.
 */
export async function applyAcceptedFacts(tx: Tx, r: ReportRow, env: LightEnv): Promise<void> {
  const today = env.today;
  const stale = await newerAccepted(tx, r);
  if (r.itemType === 'task') {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, r.itemId)).for('update');
    if (!task) return;
    const setProgress = !stale && r.percent !== null && (await leadsTask(tx, task, r.unitId));
    const progress = setProgress ? { progress: r.percent!, done: new Decimal(r.percent!).eq(100) } : {};
    await tx
      .update(tasks)
      .set({ ...progress, lastReportDate: today })
      .where(eq(tasks.id, task.id));
    await rollUpTask(tx, task.id, env);
  } else if (r.itemType === 'target') {
    const values = { value: r.actual ?? '0', reportId: r.id, acceptedAt: r.acceptedAt ?? clockNow() };
    await tx
      .insert(targetActuals)
      .values({ targetId: r.itemId, period: r.period, ...values })
      .onConflictDoUpdate({ target: [targetActuals.targetId, targetActuals.period], set: values });
    await refreshTargetLight(tx, r.itemId, env);
  } else {
    const [project] = await tx.select().from(projects).where(eq(projects.id, r.itemId)).for('update');
    if (!project) return;
    const values = { done: r.investment ?? '0', reportId: r.id };
    await tx
      .insert(projectMonths)
      .values({ projectId: r.itemId, month: r.period, ...values })
      .onConflictDoUpdate({ target: [projectMonths.projectId, projectMonths.month], set: values });
    const patch: Partial<typeof projects.$inferInsert> = { lastReportDate: today };
    const reached = PROJECT_STAGES.indexOf(project.stage as ProjectStage);
    if (r.stage && !stale && PROJECT_STAGES.indexOf(r.stage as ProjectStage) >= reached) {
      const dates = { ...((project.stageDates ?? {}) as Record<string, { planned?: string; actual?: string }>) };
      dates[r.stage] = { ...dates[r.stage], actual: dates[r.stage]?.actual ?? today };
      Object.assign(patch, { stage: r.stage, stageDates: dates });
    }
    await tx.update(projects).set(patch).where(eq(projects.id, r.itemId));
    await refreshProjectLight(tx, r.itemId, env);
  }
}
