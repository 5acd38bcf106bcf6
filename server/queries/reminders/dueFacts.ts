import { and, eq, inArray, isNull, isNotNull, ne, sql } from 'drizzle-orm';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import type { People } from '../../../domain/reminders/digest.js';
import type { DueFacts } from '../../../domain/reminders/dueThings.js';
import type { Executor } from '../../db/client.js';
import { milestones, orgUnits, plans, projects, regions, reports, targets, taskUnits, tasks, userRoles, users } from '../../db/schema/index.js';

/** `${itemType}:${itemId}:${unitId}` → the asked periods it has a report for. */
async function reportedPeriods(db: Executor, periods: string[]): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ itemType: reports.itemType, itemId: reports.itemId, unitId: reports.unitId, period: reports.period })
    .from(reports)
    .where(inArray(reports.period, periods));
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const k = `${r.itemType}:${r.itemId}:${r.unitId}`;
    const list = out.get(k);
    if (list) list.push(r.period);
    else out.set(k, [r.period]);
  }
  return out;
}

/**
 * What the reminders are decided from, the whole district in five statements (the run reads it
 * once a day): every share of a task not done, targets with a data unit, projects, milestones not
 * done, and the reports of the periods asked about. `domain/reminders/dueThings.ts` decides the rest.
 */
export async function loadDueFacts(db: Executor, periods: string[]): Promise<DueFacts> {
  const reported = await reportedPeriods(db, periods);
  const of = (type: string, id: string, unitId: string) => reported.get(`${type}:${id}:${unitId}`) ?? [];
  const shareRows = await db
    .select({
      taskId: tasks.id,
      code: tasks.code,
      title: tasks.title,
      unitId: taskUnits.unitId,
      role: taskUnits.role,
      claimStatus: taskUnits.claimStatus,
      assignedAt: taskUnits.assignedAt,
      claimedAt: taskUnits.claimedAt,
      returnedAt: taskUnits.returnedAt,
      deadlineKind: tasks.deadlineKind,
      deadline: tasks.deadline,
      nextDue: tasks.nextDue,
      startDate: tasks.startDate,
      reportPeriod: tasks.reportPeriod,
      taskForceId: plans.taskForceId,
    })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(eq(tasks.done, false));
  const targetRows = await db
    .select({ id: targets.id, code: targets.code, name: targets.name, unitId: targets.dataUnitId, period: targets.period, taskForceId: plans.taskForceId })
    .from(targets)
    .innerJoin(plans, eq(plans.id, targets.planId))
    .where(isNotNull(targets.dataUnitId));
  const projectRows = await db
    .select({ id: projects.id, code: projects.code, name: projects.name, unitId: projects.responsibleUnitId, stage: projects.stage, taskForceId: plans.taskForceId })
    .from(projects)
    .leftJoin(plans, eq(plans.id, projects.planId))
    .where(ne(projects.stage, 'operating'));
  // A milestone is the unit's it names, else the lead unit's (牵头单位 answers for the task).
  const milestoneRows = await db
    .select({ id: milestones.id, taskId: tasks.id, code: tasks.code, title: tasks.title, name: milestones.name, unitId: sql<string | null>`coalesce(${milestones.unitId}, ${tasks.leadUnitId})`, due: milestones.due, taskForceId: plans.taskForceId })
    .from(milestones)
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(tasks.done, false), isNull(milestones.doneOn), isNotNull(milestones.due)));
  return {
    shares: shareRows.map(({ claimedAt, returnedAt, ...s }) => ({
      ...s,
      assignedDay: shanghaiDate(s.assignedAt),
      claimedDay: claimedAt ? shanghaiDate(claimedAt) : null,
      returnedDay: returnedAt ? shanghaiDate(returnedAt) : null,
      reported: of('task', s.taskId, s.unitId),
    })),
    targets: targetRows.flatMap((t) => (t.unitId ? [{ ...t, unitId: t.unitId, reported: of('target', t.id, t.unitId) }] : [])),
    projects: projectRows.flatMap((p) => (p.unitId ? [{ ...p, unitId: p.unitId, taskForceId: p.taskForceId ?? null, reported: of('project', p.id, p.unitId) }] : [])),
    milestones: milestoneRows.flatMap((m) => (m.unitId && m.due ? [{ ...m, unitId: m.unitId, due: m.due }] : [])),
  };
}

const push = (map: Map<string, string[]>, key: string, userId: string) => {
  const list = map.get(key);
  if (!list) map.set(key, [userId]);
  else if (!list.includes(userId)) list.push(userId);
};

/**
 * Who may receive reminders: enabled accounts holding a unit role (a grant without a unit is for
 * the user's own unit, as in policies/report.ts unitsWhere), a task force, or the HQ office (by
 * its unit's region: a district's office hears of its district's late work only).
 */
export async function loadPeople(db: Executor): Promise<People> {
  const rows = await db
    .select({ userId: users.id, role: userRoles.role, unitId: sql<string>`coalesce(${userRoles.unitId}, ${users.unitId})`, bodyId: userRoles.bodyId, regionId: orgUnits.regionId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.unitId))
    .where(and(eq(users.disabled, false), inArray(userRoles.role, ['liaison', 'unit_head', 'task_force', 'hq_office'])))
    .orderBy(users.id);
  const liaisons = new Map<string, string[]>();
  const heads = new Map<string, string[]>();
  const taskForces = new Map<string, string[]>();
  const hqOffice = new Map<string, string[]>();
  for (const r of rows) {
    if (r.role === 'liaison' && !r.bodyId) push(liaisons, r.unitId, r.userId);
    else if (r.role === 'unit_head' && !r.bodyId) push(heads, r.unitId, r.userId);
    else if (r.role === 'task_force' && r.bodyId) push(taskForces, r.bodyId, r.userId);
    else if (r.role === 'hq_office') push(hqOffice, r.regionId, r.userId);
  }
  const [units, tree] = [
    await db.select({ id: orgUnits.id, regionId: orgUnits.regionId }).from(orgUnits),
    await db.select({ id: regions.id, parentId: regions.parentId }).from(regions),
  ];
  return {
    liaisons,
    heads,
    taskForces,
    hqOffice,
    unitRegion: new Map(units.map((u) => [u.id, u.regionId])),
    regionParent: new Map(tree.map((r) => [r.id, r.parentId])),
  };
}

/** The enabled liaisons and heads of one unit: who receives a 督查 notice sent to it (and may acknowledge it). */
export async function unitLiaisonsAndHeads(db: Executor, unitId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(users.disabled, false), isNull(userRoles.bodyId), inArray(userRoles.role, ['liaison', 'unit_head']), sql`coalesce(${userRoles.unitId}, ${users.unitId}) = ${unitId}`))
    .orderBy(users.id);
  return rows.map((r) => r.userId);
}
