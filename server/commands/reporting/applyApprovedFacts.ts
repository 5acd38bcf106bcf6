import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { projects, tasks } from '../../db/schema/index.js';
import { refreshProjectLight, rollUpTask, type LightEnv } from '../../lights/refresh.js';
import type { ReportRow } from '../../queries/reporting/reports.js';

/**
 * Staleness counts from the last *approved* report (issue 3: "no approved report for more than one
 * period"): once the unit head has approved it, the unit has reported, however long the report then
 * waits in the task force's or the HQ office's queue. Its figures become facts only at acceptance.
 * A target's staleness stays with its accepted actuals, which are its only facts.
 */
export async function applyApprovedFacts(tx: Tx, r: ReportRow, env: LightEnv): Promise<void> {
  if (r.itemType === 'task') {
    await tx.update(tasks).set({ lastReportDate: env.today }).where(eq(tasks.id, r.itemId));
    await rollUpTask(tx, r.itemId, env);
  } else if (r.itemType === 'project') {
    await tx.update(projects).set({ lastReportDate: env.today }).where(eq(projects.id, r.itemId));
    await refreshProjectLight(tx, r.itemId, env);
  }
}
