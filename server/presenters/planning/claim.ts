import type { TaskUnitRole } from '../../../domain/work.js';
import type { UnclaimedRow } from '../../models/planning.js';


/** A unit late to claim its task: when it was assigned, when the claim was due, how many workdays late. */
export function presentUnclaimed(r: UnclaimedRow) {
  return {
    taskId: r.task.id,
    taskCode: r.task.code,
    taskTitle: r.task.title,
    planId: r.task.planId,
    unitId: r.u.unitId,
    unitName: r.unitName,
    role: r.u.role as TaskUnitRole,
    assignedAt: r.u.assignedAt.toISOString(),
    claimDue: r.claimDue,
    overdueWorkdays: r.overdueWorkdays,
  };
}
