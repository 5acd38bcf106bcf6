import type { z } from 'zod';
import type { Role } from '../../domain/enums.js';
import * as V from '../../domain/schemas/fieldVisit.js';
import type { Database } from '../db/client.js';
import { fieldVisitFindings, fieldVisits } from '../db/schema/index.js';
import { dispatchDeadline } from './dispatchCalls.js';
import { loginAs, makeBody, makeRegion, makeUnit, makeUser, type Session } from './factories.js';
import type { BodyKind } from './garbage.js';
import type { CallBuilder, CallEnv, PreparedCall } from './routeCalls.js';
import { makePlan, makeProgram, makeTask } from './workFactories.js';

/** A visit of `bodyId` with one finding, written straight to the database. */
export async function makeVisit(database: Database, bodyId: string) {
  const [v] = await database.db.insert(fieldVisits).values({ bodyId, visitedOn: '2026-12-03', place: '化工园区封闭化改造现场' }).returning();
  const [f] = await database.db.insert(fieldVisitFindings).values({ visitId: v!.id, position: 1, text: '围墙施工进度滞后，卡口设备尚未到货' }).returning();
  return { visit: v!, finding: f! };
}

/**
 * The role's scene: a task force with a plan, a unit with a task there, and a session that works for
 * the task force when the role is `task_force` (the others' own sessions otherwise).
 */
interface Scene {
  session: Session;
  bodyId: string;
  unitId: string;
  taskId: string;
}

const scenes = new WeakMap<CallEnv, Map<Role, Promise<Scene>>>();
function scene(env: CallEnv, role: Role): Promise<Scene> {
  if (!scenes.has(env)) scenes.set(env, new Map());
  const byRole = scenes.get(env)!;
  if (!byRole.has(role)) {
    byRole.set(
      role,
      (async () => {
        const db = env.database;
        const region = await makeRegion(db);
        const body = await makeBody(db, { regionId: region.id });
        const plan = await makePlan(db, (await makeProgram(db, region.id)).id, { taskForceId: body.id });
        const unit = await makeUnit(db, { regionId: region.id });
        const task = await makeTask(db, plan.id, [{ unitId: unit.id }]);
        const session = role === 'task_force' ? await loginAs(env.app, await makeUser(db, [{ role, bodyId: body.id }])) : await env.session(role);
        return { session, bodyId: body.id, unitId: unit.id, taskId: task.id };
      })(),
    );
  }
  return byRole.get(role)!;
}

async function onVisit(env: CallEnv, role: Role, build: (s: Scene, v: Awaited<ReturnType<typeof makeVisit>>) => Promise<PreparedCall['req']> | PreparedCall['req']): Promise<PreparedCall> {
  const s = await scene(env, role);
  const v = await makeVisit(env.database, s.bodyId);
  return { req: await build(s, v), session: s.session };
}

/** One builder per field-visit route, keyed "METHOD /path" as Fastify lists it. */
export const FIELD_VISIT_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/field-visits': (env, role) => onVisit(env, role, () => ({ method: 'GET', url: '/api/field-visits?perPage=5' })),
  'POST /api/field-visits': async (env, role) => {
    const s = await scene(env, role);
    return { req: { method: 'POST', url: '/api/field-visits', payload: { bodyId: s.bodyId, visitedOn: '2026-12-04', place: '红旗街道老旧小区改造现场', findings: ['管网改造与道路施工交叉'] } }, session: s.session };
  },
  'GET /api/field-visits/:id': (env, role) => onVisit(env, role, (_s, v) => ({ method: 'GET', url: `/api/field-visits/${v.visit.id}` })),
  'POST /api/field-visits/:id/findings/:findingId/blocker': (env, role) =>
    onVisit(env, role, (s, v) => ({
      method: 'POST',
      url: `/api/field-visits/${v.visit.id}/findings/${v.finding.id}/blocker`,
      payload: { itemType: 'task', itemId: s.taskId, title: '卡口设备未到货', category: 'coordination' },
    })),
  'POST /api/field-visits/:id/findings/:findingId/follow-up': (env, role) =>
    onVisit(env, role, async (s, v) => ({
      method: 'POST',
      url: `/api/field-visits/${v.visit.id}/findings/${v.finding.id}/follow-up`,
      payload: { unitIds: [s.unitId], deadline: await dispatchDeadline(env.database) },
    })),
};

const READ = ['leader', 'hq_office', 'task_force'] as const;
const LOG = ['hq_office', 'task_force'] as const;
/** Who may call what, written by hand from the brief: a task force logs its visits and acts on their findings; the office too; the leader reads them. */
export const FIELD_VISIT_MATRIX: Record<string, 'everyone' | readonly Role[]> = {
  'GET /api/field-visits': READ,
  'POST /api/field-visits': LOG,
  'GET /api/field-visits/:id': READ,
  'POST /api/field-visits/:id/findings/:findingId/blocker': LOG,
  'POST /api/field-visits/:id/findings/:findingId/follow-up': LOG,
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
export const FIELD_VISIT_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/field-visits', role: 'hq_office', body: json(V.FieldVisitCreate) },
  { key: 'POST /api/field-visits/:id/findings/:findingId/blocker', role: 'hq_office', body: json(V.FindingToBlocker) },
  { key: 'POST /api/field-visits/:id/findings/:findingId/follow-up', role: 'hq_office', body: json(V.FindingToFollowUp) },
];
