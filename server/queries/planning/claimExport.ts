import { and, eq, type SQL } from 'drizzle-orm';
import type { ClaimStatus, TaskUnitRole } from '../../../domain/work.js';
import type { Executor } from '../../db/client.js';
import { orgUnits, plans, tasks, taskUnits } from '../../db/schema/index.js';
import { planIn, type RegionScope } from '../regionScope.js';

export interface ClaimFilter {
  /** The reader's region scope (the region seal): only plans of programs of these regions. */
  scope: RegionScope;
  plan?: string | undefined;
  unit?: string | undefined;
  status?: ClaimStatus | undefined;
  role?: TaskUnitRole | undefined;
}

/** Every share (a unit on a task) that passes the filter, with its task, plan and unit by name: some thousands of rows at most. */
export async function claimExportRows(db: Executor, f: ClaimFilter) {
  const conds: SQL[] = [planIn(tasks.planId, f.scope)];
  if (f.plan) conds.push(eq(tasks.planId, f.plan));
  if (f.unit) conds.push(eq(taskUnits.unitId, f.unit));
  if (f.status) conds.push(eq(taskUnits.claimStatus, f.status));
  if (f.role) conds.push(eq(taskUnits.role, f.role));
  return db
    .select({
      planTitle: plans.title,
      taskCode: tasks.code,
      taskTitle: tasks.title,
      unitName: orgUnits.name,
      role: taskUnits.role,
      claimStatus: taskUnits.claimStatus,
      measures: taskUnits.measures,
      returnReason: taskUnits.returnReason,
      assignedAt: taskUnits.assignedAt,
      claimedAt: taskUnits.claimedAt,
      approvedAt: taskUnits.approvedAt,
    })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .leftJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(orgUnits, eq(orgUnits.id, taskUnits.unitId))
    .where(conds.length ? and(...conds) : undefined);
}

export type ClaimExportRow = Awaited<ReturnType<typeof claimExportRows>>[number];
