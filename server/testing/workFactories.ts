import { randomBytes } from 'node:crypto';
import type { Role } from '../../domain/enums.js';
import type { App } from '../app.js';
import type { Database } from '../db/client.js';
import { plans, programs, projects, targetGoals, targets, taskUnits, tasks } from '../db/schema/index.js';
import { today } from '../clock.js';
import { loginAs, makeBody, makeRegion, makeUnit, makeUser, type Session } from './factories.js';

const uniq = () => randomBytes(4).toString('hex');

/** A program in the region (2026–2028). */
export async function makeProgram(database: Database, regionId: string) {
  const [p] = await database.db.insert(programs).values({ regionId, code: `p_${uniq()}`, name: '全面振兴新突破三年行动', startYear: 2026, endYear: 2028 }).returning();
  return p!;
}

/** A published special plan; its task force reviews its items' reports. */
export async function makePlan(database: Database, programId: string, over: Partial<typeof plans.$inferInsert> = {}) {
  const [p] = await database.db
    .insert(plans)
    .values({ programId, kind: 'special', code: `plan_${uniq()}`, title: `专项方案${uniq()}`, status: 'published', ...over })
    .returning();
  return p!;
}

/** A root task with the given units (lead first by default), claimed unless told otherwise. */
export async function makeTask(
  database: Database,
  planId: string,
  units: { unitId: string; role?: 'lead' | 'support'; claimStatus?: string; assignedAt?: Date }[],
  over: Partial<typeof tasks.$inferInsert> = {},
) {
  const id = crypto.randomUUID();
  const lead = units.find((u) => (u.role ?? 'lead') === 'lead');
  const [t] = await database.db
    .insert(tasks)
    .values({ id, planId, path: id, code: `T${uniq()}`, title: `任务${uniq()}`, leadUnitId: lead?.unitId ?? null, ...over })
    .returning();
  if (units.length) {
    await database.db
      .insert(taskUnits)
      .values(
        units.map((u, i) => ({
          taskId: id,
          unitId: u.unitId,
          role: u.role ?? (i === 0 ? 'lead' : 'support'),
          claimStatus: u.claimStatus ?? 'approved',
          ...(u.assignedAt ? { assignedAt: u.assignedAt } : {}),
        })),
      );
  }
  return t!;
}

/** A subtask under `parent`, on its plan and with its lead unit, without units of its own. */
export async function makeSubtask(database: Database, parent: typeof tasks.$inferSelect, over: Partial<typeof tasks.$inferInsert> = {}) {
  const id = crypto.randomUUID();
  const [t] = await database.db
    .insert(tasks)
    .values({ id, planId: parent.planId, parentId: parent.id, path: `${parent.path}.${id}`, depth: parent.depth + 1, code: `T${uniq()}`, title: `子任务${uniq()}`, leadUnitId: parent.leadUnitId, ...over })
    .returning();
  return t!;
}

/** A monthly target whose data the unit supplies, with a 2026 goal. */
export async function makeTarget(database: Database, planId: string, dataUnitId: string, over: Partial<typeof targets.$inferInsert> = {}) {
  const [t] = await database.db
    .insert(targets)
    .values({ planId, code: `G${uniq()}`, name: `指标${uniq()}`, measureUnit: '亿元', baseline: '100', direction: 'higher', dataUnitId, period: 'monthly', ...over })
    .returning();
  await database.db.insert(targetGoals).values({ targetId: t!.id, year: Number(today().slice(0, 4)), goal: '112' });
  return t!;
}

/** A key project the unit is responsible for. */
export async function makeProject(database: Database, planId: string | null, responsibleUnitId: string, over: Partial<typeof projects.$inferInsert> = {}) {
  const [p] = await database.db
    .insert(projects)
    .values({ planId, code: `X${uniq()}`, name: `重点项目${uniq()}`, responsibleUnitId, totalInvestment: '50000.00', stage: 'signed', ...over })
    .returning();
  return p!;
}

export interface Person {
  id: string;
  session: Session;
}

/**
 * A small district for reporting tests: two units (A, B), a task force with a plan, a plan without one,
 * and a signed-in person for every role that takes part.
 */
type PersonRoles = { role: Role; unitId?: string; bodyId?: string }[];

/** A user with these roles, working in this unit, signed in. */
export async function makePerson(app: App, database: Database, roles: PersonRoles, unitId: string): Promise<Person> {
  const u = await makeUser(database, roles, { unitId });
  return { id: u.id, session: await loginAs(app, u) };
}

export async function makeDistrict(app: App, database: Database) {
  const region = await makeRegion(database);
  const [unitA, unitB] = [await makeUnit(database, { regionId: region.id }), await makeUnit(database, { regionId: region.id })];
  const [tfBody, otherTfBody] = [await makeBody(database, { regionId: region.id }), await makeBody(database, { regionId: region.id })];
  const program = await makeProgram(database, region.id);
  const plan = await makePlan(database, program.id, { taskForceId: tfBody.id });
  const loosePlan = await makePlan(database, program.id);
  const person = (roles: PersonRoles, unitId: string = unitA.id) => makePerson(app, database, roles, unitId);
  const people = {
    liaisonA: await person([{ role: 'liaison', unitId: unitA.id }]),
    headA: await person([{ role: 'unit_head', unitId: unitA.id }]),
    liaisonB: await person([{ role: 'liaison', unitId: unitB.id }], unitB.id),
    headB: await person([{ role: 'unit_head', unitId: unitB.id }], unitB.id),
    headBLiaisonA: await person([{ role: 'unit_head', unitId: unitB.id }, { role: 'liaison', unitId: unitA.id }], unitB.id),
    taskForce: await person([{ role: 'task_force', bodyId: tfBody.id }], unitB.id),
    otherTaskForce: await person([{ role: 'task_force', bodyId: otherTfBody.id }], unitB.id),
    hq: await person([{ role: 'hq_office' }], unitB.id),
    leader: await person([{ role: 'leader' }], unitB.id),
    publicist: await person([{ role: 'publicist' }], unitB.id),
  };
  return { region, unitA, unitB, tfBody, otherTfBody, program, plan, loosePlan, ...people };
}
export type District = Awaited<ReturnType<typeof makeDistrict>>;
