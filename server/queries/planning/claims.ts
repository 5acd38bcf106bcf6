import { and, asc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { dayNumber, shanghaiDate } from '../../../domain/calendar/days.js';
import type { WorkdayCalendar } from '../../../domain/calendar/workdays.js';
import { claimDeadline, lastLateAssignmentDay } from '../../../domain/claims.js';
import type { Executor } from '../../db/client.js';
import { orgUnits, taskUnits, tasks } from '../../db/schema/index.js';
import type { UnclaimedRow } from '../../models/planning.js';
import { planIn, type RegionScope } from '../regionScope.js';

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

export interface UnclaimedFilter {
  /** The reader's region scope (the region seal): only plans of programs of these regions. */
  scope: RegionScope;
  workdays: number;
  plan?: string | undefined;
  unit?: string | undefined;
}

/**
 * Units that have not claimed their (unfinished) task within the allowed workdays of its assignment
 * (`domain/claims.ts claimLate`, selected in SQL by the assignment day), oldest first.
 */
export async function listUnclaimed(db: Executor, cal: WorkdayCalendar, today: string, f: UnclaimedFilter, page: number, perPage: number): Promise<{ rows: UnclaimedRow[]; total: number }> {
  const lastDay = lastLateAssignmentDay(cal, today, f.workdays);
  const before = new Date((dayNumber(lastDay) + 1) * DAY_MS - SHANGHAI_MS);
  const conds: SQL[] = [eq(taskUnits.claimStatus, 'unclaimed'), lt(taskUnits.assignedAt, before), eq(tasks.done, false), planIn(tasks.planId, f.scope)];
  if (f.plan) conds.push(eq(tasks.planId, f.plan));
  if (f.unit) conds.push(eq(taskUnits.unitId, f.unit));
  const where = and(...conds);
  const [rows, [c]] = await Promise.all([
    db
      .select({ u: taskUnits, task: { id: tasks.id, code: tasks.code, title: tasks.title, planId: tasks.planId }, unitName: orgUnits.name })
      .from(taskUnits)
      .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      .innerJoin(orgUnits, eq(orgUnits.id, taskUnits.unitId))
      .where(where)
      .orderBy(asc(taskUnits.assignedAt), asc(tasks.code), asc(orgUnits.name))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(taskUnits).innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).where(where),
  ]);
  return {
    rows: rows.map((r) => {
      const c = claimDeadline(cal, shanghaiDate(r.u.assignedAt), today, f.workdays);
      return { ...r, claimDue: c.due, overdueWorkdays: c.lateWorkdays };
    }),
    total: c?.n ?? 0,
  };
}
