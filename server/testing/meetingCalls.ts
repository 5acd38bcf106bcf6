import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Role } from '../../domain/enums.js';
import type { AgendaKind, MeetingKind } from '../../domain/meetings.js';
import * as M from '../../domain/schemas/meeting.js';
import type { Database } from '../db/client.js';
import { bodies, meetingAgendaItems, meetings } from '../db/schema/index.js';
import { dispatchDeadline } from './dispatchCalls.js';
import { loginAs, makeBody, makeRegion, makeUnit, makeUser, type Session } from './factories.js';
import type { BodyKind } from './garbage.js';
import type { CallBuilder, CallEnv, PreparedCall } from './routeCalls.js';
import { makePlan, makeProgram, makeTask } from './workFactories.js';

/** A meeting written straight to the database (open unless told). */
export async function makeMeeting(database: Database, o: { kind?: MeetingKind; bodyId?: string | null; status?: 'open' | 'closed' } = {}) {
  // Its body's region, else the district's.
  const [body] = o.bodyId ? await database.db.select({ regionId: bodies.regionId }).from(bodies).where(eq(bodies.id, o.bodyId)) : [];
  const regionId = body?.regionId ?? (await makeRegion(database)).id;
  const [m] = await database.db
    .insert(meetings)
    .values({ kind: o.kind ?? 'leading_group', title: '区全面振兴领导小组第五次会议', heldOn: '2026-12-08', bodyId: o.bodyId ?? null, status: o.status ?? 'open', regionId })
    .returning();
  return m!;
}

/** An agenda item written straight to the database. */
export async function makeAgendaItem(database: Database, meetingId: string, o: { kind?: AgendaKind; unitId?: string; bodyId?: string; planId?: string } = {}) {
  const [i] = await database.db
    .insert(meetingAgendaItems)
    .values({ meetingId, position: 1, kind: o.kind ?? 'deployment', title: '研究部署明年重点工作', unitId: o.unitId ?? null, bodyId: o.bodyId ?? null, planId: o.planId ?? null })
    .returning();
  return i!;
}

/**
 * The role's meeting scene: a task force runs a meeting of its own (a session holding the task
 * force, a plan of it, a unit with a task there); every other role meets a leading-group meeting
 * (a unit with a task of a plan of no task force).
 */
interface Scene {
  session: Session;
  kind: MeetingKind;
  bodyId: string | null;
  unitId: string;
  programId: string;
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
        const program = await makeProgram(db, region.id);
        const unit = await makeUnit(db, { regionId: region.id });
        if (role === 'task_force') {
          const body = await makeBody(db, { regionId: region.id });
          const plan = await makePlan(db, program.id, { taskForceId: body.id });
          await makeTask(db, plan.id, [{ unitId: unit.id }]);
          const user = await makeUser(db, [{ role, bodyId: body.id }]);
          return { session: await loginAs(env.app, user), kind: 'task_force', bodyId: body.id, unitId: unit.id, programId: program.id };
        }
        await makeTask(db, (await makePlan(db, program.id)).id, [{ unitId: unit.id }]);
        return { session: await env.session(role), kind: 'leading_group', bodyId: null, unitId: unit.id, programId: program.id };
      })(),
    );
  }
  return byRole.get(role)!;
}

/** A fresh meeting of the scene, and the request built on it. */
async function onMeeting(env: CallEnv, role: Role, build: (s: Scene, meetingId: string) => Promise<PreparedCall['req']> | PreparedCall['req']): Promise<PreparedCall> {
  const s = await scene(env, role);
  const m = await makeMeeting(env.database, { kind: s.kind, bodyId: s.bodyId });
  return { req: await build(s, m.id), session: s.session };
}

/** One builder per meeting route, keyed "METHOD /path" as Fastify lists it. */
export const MEETING_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/meetings': (env, role) => onMeeting(env, role, () => ({ method: 'GET', url: '/api/meetings?perPage=5' })),
  'POST /api/meetings': async (env, role) => {
    const s = await scene(env, role);
    const payload = { kind: s.kind, title: '调度会', heldOn: '2026-12-09', unitIds: [s.unitId], ...(s.bodyId ? { bodyId: s.bodyId } : {}) };
    return { req: { method: 'POST', url: '/api/meetings', payload }, session: s.session };
  },
  'GET /api/meetings/:id': (env, role) => onMeeting(env, role, (_s, id) => ({ method: 'GET', url: `/api/meetings/${id}` })),
  'PATCH /api/meetings/:id': (env, role) => onMeeting(env, role, (_s, id) => ({ method: 'PATCH', url: `/api/meetings/${id}`, payload: { version: 0, place: '区政府三楼会议室' } })),
  'POST /api/meetings/:id/close': (env, role) => onMeeting(env, role, (_s, id) => ({ method: 'POST', url: `/api/meetings/${id}/close`, payload: { version: 0 } })),
  'POST /api/meetings/:id/agenda': (env, role) =>
    onMeeting(env, role, (s, id) => ({ method: 'POST', url: `/api/meetings/${id}/agenda`, payload: { kind: 'hearing', title: '听取推进情况汇报', unitId: s.unitId } })),
  'PATCH /api/meetings/:id/agenda/:itemId': (env, role) =>
    onMeeting(env, role, async (_s, id) => {
      const item = await makeAgendaItem(env.database, id);
      return { method: 'PATCH', url: `/api/meetings/${id}/agenda/${item.id}`, payload: { version: 0, note: '会议要求加快进度' } };
    }),
  'DELETE /api/meetings/:id/agenda/:itemId': (env, role) =>
    onMeeting(env, role, async (_s, id) => ({ method: 'DELETE', url: `/api/meetings/${id}/agenda/${(await makeAgendaItem(env.database, id)).id}` })),
  'POST /api/meetings/:id/agenda/:itemId/snapshot': (env, role) =>
    onMeeting(env, role, async (s, id) => {
      const item = await makeAgendaItem(env.database, id, { kind: 'hearing', unitId: s.unitId });
      return { method: 'POST', url: `/api/meetings/${id}/agenda/${item.id}/snapshot`, payload: { version: 0 } };
    }),
  'POST /api/meetings/:id/agenda/:itemId/outcome': (env, role) =>
    onMeeting(env, role, async (s, id) => {
      const plan = await makePlan(env.database, s.programId, { status: 'under_review' });
      const item = await makeAgendaItem(env.database, id, { kind: 'review', planId: plan.id });
      return { method: 'POST', url: `/api/meetings/${id}/agenda/${item.id}/outcome`, payload: { version: 0, outcome: 'approved' } };
    }),
  'POST /api/meetings/:id/decisions': (env, role) =>
    onMeeting(env, role, async (s, id) => ({
      method: 'POST',
      url: `/api/meetings/${id}/decisions`,
      payload: { content: '年底前完成征拆交地', unitIds: [s.unitId], deadline: await dispatchDeadline(env.database) },
    })),
  'GET /api/meetings/:id/pack.docx': (env, role) => onMeeting(env, role, (_s, id) => ({ method: 'GET', url: `/api/meetings/${id}/pack.docx` })),
  'GET /api/meetings/:id/minutes.docx': (env, role) => onMeeting(env, role, (_s, id) => ({ method: 'GET', url: `/api/meetings/${id}/minutes.docx` })),
};

const READ = ['leader', 'hq_office', 'task_force'] as const;
const RUN = ['hq_office', 'task_force'] as const;
/**
 * Who may call what, written by hand from the brief: the HQ office runs the leading group's and
 * the HQ's meetings, a task force its own; the leader reads them; only the office records a 审议's
 * outcome (it moves the plan under review).
 */
export const MEETING_MATRIX: Record<string, 'everyone' | readonly Role[]> = {
  'GET /api/meetings': READ,
  'POST /api/meetings': RUN,
  'GET /api/meetings/:id': READ,
  'PATCH /api/meetings/:id': RUN,
  'POST /api/meetings/:id/close': RUN,
  'POST /api/meetings/:id/agenda': RUN,
  'PATCH /api/meetings/:id/agenda/:itemId': RUN,
  'DELETE /api/meetings/:id/agenda/:itemId': RUN,
  'POST /api/meetings/:id/agenda/:itemId/snapshot': RUN,
  'POST /api/meetings/:id/agenda/:itemId/outcome': ['hq_office'],
  'POST /api/meetings/:id/decisions': RUN,
  'GET /api/meetings/:id/pack.docx': READ,
  'GET /api/meetings/:id/minutes.docx': READ,
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
/** Every meeting write, who may call it and what its input looks like, for the garbage property test. */
export const MEETING_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/meetings', role: 'hq_office', body: json(M.MeetingCreate) },
  { key: 'PATCH /api/meetings/:id', role: 'hq_office', body: json(M.MeetingUpdate) },
  { key: 'POST /api/meetings/:id/close', role: 'hq_office', body: json(M.MeetingStep.nullish()) },
  { key: 'POST /api/meetings/:id/agenda', role: 'hq_office', body: json(M.AgendaItemCreate) },
  { key: 'PATCH /api/meetings/:id/agenda/:itemId', role: 'hq_office', body: json(M.AgendaItemUpdate) },
  { key: 'DELETE /api/meetings/:id/agenda/:itemId', role: 'hq_office', body: { kind: 'none' } },
  { key: 'POST /api/meetings/:id/agenda/:itemId/snapshot', role: 'hq_office', body: json(M.MeetingStep.nullish()) },
  { key: 'POST /api/meetings/:id/agenda/:itemId/outcome', role: 'hq_office', body: json(M.AgendaOutcome) },
  { key: 'POST /api/meetings/:id/decisions', role: 'hq_office', body: json(M.DecisionCreate) },
];
