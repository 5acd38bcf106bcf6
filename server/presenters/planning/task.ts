import type { Recurrence } from '../../../domain/deadlines.js';
import type { Lang } from '../../../domain/enums.js';
import type { ClaimStatus, DeadlineKind, TaskUnitRole } from '../../../domain/work.js';
import type { milestones } from '../../db/schema/index.js';
import type { LoadedTask, TaskRow } from '../../models/planning.js';
import { iso, presentCounts, presentLight, presentReasons } from './light.js';

type ReportPeriod = 'weekly' | 'monthly' | 'quarterly';

export function presentTask(t: TaskRow, lang: Lang) {
  return {
    id: t.id,
    planId: t.planId,
    parentId: t.parentId,
    path: t.path,
    depth: t.depth,
    sort: t.sort,
    code: t.code,
    title: t.title,
    areaId: t.areaId,
    leadUnitId: t.leadUnitId,
    leadUnitName: t.leadUnitName,
    responsiblePost: t.responsiblePost,
    weight: t.weight,
    startDate: t.startDate,
    deadlineKind: t.deadlineKind as DeadlineKind,
    deadline: t.deadline,
    recurrence: (t.recurrence as Recurrence | null) ?? null,
    nextDue: t.nextDue,
    reportPeriod: t.reportPeriod as ReportPeriod,
    progress: t.progress,
    done: t.done,
    lastReportDate: t.lastReportDate,
    light: presentLight(t.light),
    lightReasons: presentReasons(t.lightReasons, lang),
    lightAt: iso(t.lightAt),
    version: t.version,
  };
}

export function presentMilestone(m: typeof milestones.$inferSelect) {
  return { id: m.id, unitId: m.unitId, name: m.name, due: m.due, doneOn: m.doneOn, sort: m.sort };
}

/** The task page: units with their claims and claim milestones, the task's own milestones, breadcrumb and children. */
export function presentTaskDetail(l: LoadedTask, lang: Lang) {
  return {
    ...presentTask(l.task, lang),
    description: l.task.description,
    units: l.units.map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      role: u.role as TaskUnitRole,
      claimStatus: u.claimStatus as ClaimStatus,
      measures: u.measures,
      returnReason: u.returnReason,
      assignedAt: u.assignedAt.toISOString(),
      claimedAt: iso(u.claimedAt),
      claimedById: u.claimedById,
      approvedAt: iso(u.approvedAt),
      approvedById: u.approvedById,
      milestones: l.milestones.filter((m) => m.unitId === u.unitId).map(presentMilestone),
      version: u.version,
    })),
    milestones: l.milestones.filter((m) => m.unitId === null).map(presentMilestone),
    ancestors: l.ancestors,
    children: l.children.map((c) => ({ ...c, light: presentLight(c.light), childCount: Number(c.childCount) })),
    childLights: presentCounts(l.children.map((c) => ({ light: c.light, n: 1 }))),
  };
}
