import type { z } from 'zod';
import { shanghaiDate } from '../../domain/calendar/days.js';
import { defaultDispatchDeadline, type DispatchKind, type DispatchStatus } from '../../domain/dispatch.js';
import type { Role } from '../../domain/enums.js';
import * as D from '../../domain/schemas/dispatch.js';
import { now } from '../clock.js';
import type { Database } from '../db/client.js';
import { dispatchRecipients, dispatches } from '../db/schema/index.js';
import { loadCalendar } from '../queries/calendar.js';
import type { ApiRequest } from './api.js';
import { makeRegion, makeUnit, type Session } from './factories.js';
import { makePlan, makeProgram, makeTask } from './workFactories.js';
import type { BodyKind } from './garbage.js';
import type { CallBuilder, CallEnv, PreparedCall } from './routeCalls.js';

/** The deadline the office's form proposes today: three workdays ahead. */
export async function dispatchDeadline(database: Database): Promise<string> {
  return defaultDispatchDeadline(await loadCalendar(database.db), shanghaiDate(now()));
}

/** An order in `status` to `unitIds` (a fresh unit when none), written straight to the database. */
export async function makeDispatch(database: Database, o: { status?: DispatchStatus; kind?: DispatchKind; unitIds?: string[]; deadline?: string } = {}) {
  const kind = o.kind ?? 'figures';
  const [d] = await database.db
    .insert(dispatches)
    .values({
      kind,
      title: '报送本周新增就业和完成投资',
      body: '请于期限前报送。',
      columns: kind === 'figures' ? [{ key: 'jobs', label: '新增就业', unit: '人' }, { key: 'invest', label: '完成投资', unit: '万元' }] : [],
      deadline: o.deadline ?? (await dispatchDeadline(database)),
      status: o.status ?? 'sent',
      sentAt: (o.status ?? 'sent') === 'draft' ? null : now(),
      regionId: (await makeRegion(database)).id,
    })
    .returning();
  const unitIds = o.unitIds ?? [(await makeUnit(database)).id];
  await database.db.insert(dispatchRecipients).values(unitIds.map((unitId) => ({ dispatchId: d!.id, unitId })));
  return d!;
}

/** A task of a plan of its own, led by a fresh unit: something to write a 批示 on. */
async function freshTask(database: Database) {
  const region = await makeRegion(database);
  const plan = await makePlan(database, (await makeProgram(database, region.id)).id);
  return makeTask(database, plan.id, [{ unitId: (await makeUnit(database, { regionId: region.id })).id }]);
}

/** The role's session and its own unit (what a unit role replies for). */
async function who(env: CallEnv, role: Role): Promise<{ session: Session; unitId: string }> {
  const session = await env.session(role);
  const me = await env.app.inject({ url: '/api/me', headers: session.headers });
  return { session, unitId: me.json().data.unit.id as string };
}

/** An order sent to the role's own unit and another, so that a unit role sees it and may reply. */
async function sentToRole(env: CallEnv, role: Role, status: DispatchStatus = 'sent') {
  const w = await who(env, role);
  const other = await makeUnit(env.database);
  return { ...w, dispatch: await makeDispatch(env.database, { status, unitIds: [w.unitId, other.id] }) };
}

const call = async (env: CallEnv, role: Role, build: (s: Awaited<ReturnType<typeof sentToRole>>) => ApiRequest, status?: DispatchStatus): Promise<PreparedCall> => {
  const s = await sentToRole(env, role, status);
  return { req: build(s), session: s.session };
};

/** One builder per dispatch route, keyed "METHOD /path" as Fastify lists it. */
export const DISPATCH_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/dispatches': (env, role) => call(env, role, () => ({ method: 'GET', url: '/api/dispatches?perPage=5' })),
  'GET /api/dispatches/unreported': (env, role) => call(env, role, () => ({ method: 'GET', url: '/api/dispatches/unreported' })),
  'GET /api/dispatches/:id': (env, role) => call(env, role, (s) => ({ method: 'GET', url: `/api/dispatches/${s.dispatch.id}` })),
  'GET /api/dispatches/:id/results.xlsx': (env, role) => call(env, role, (s) => ({ method: 'GET', url: `/api/dispatches/${s.dispatch.id}/results.xlsx` })),
  'POST /api/dispatches': async (env, role) => {
    const unit = await makeUnit(env.database);
    return { req: { method: 'POST', url: '/api/dispatches', payload: { kind: 'question', title: '汛期值守安排', content: '请报告值守人员。', unitIds: [unit.id] } }, session: await env.session(role) };
  },
  'PATCH /api/dispatches/:id': (env, role) => call(env, role, (s) => ({ method: 'PATCH', url: `/api/dispatches/${s.dispatch.id}`, payload: { version: 0, title: '改：报送本周新增就业' } }), 'draft'),
  'POST /api/dispatches/:id/send': (env, role) => call(env, role, (s) => ({ method: 'POST', url: `/api/dispatches/${s.dispatch.id}/send`, payload: { version: 0 } }), 'draft'),
  'POST /api/dispatches/:id/chase': (env, role) => call(env, role, (s) => ({ method: 'POST', url: `/api/dispatches/${s.dispatch.id}/chase`, payload: { version: 0 } })),
  'POST /api/dispatches/:id/close': (env, role) => call(env, role, (s) => ({ method: 'POST', url: `/api/dispatches/${s.dispatch.id}/close`, payload: { version: 0 } })),
  'POST /api/dispatches/:id/replies': (env, role) =>
    call(env, role, (s) => ({ method: 'POST', url: `/api/dispatches/${s.dispatch.id}/replies`, payload: { answer: '已落实', figures: { jobs: '12', invest: '350.5' } } })),
  'GET /api/instructions': async (env, role) => {
    const task = await freshTask(env.database);
    return { req: { method: 'GET', url: `/api/instructions?subjectType=task&subjectId=${task.id}` }, session: await env.session(role) };
  },
  'POST /api/instructions': async (env, role) => {
    const task = await freshTask(env.database);
    return { req: { method: 'POST', url: '/api/instructions', payload: { subjectType: 'task', subjectId: task.id, content: '请加快进度，月底前见成效。' } }, session: await env.session(role) };
  },
};

const UNIT = ['liaison', 'unit_head'] as const;
const OFFICE = ['hq_office'] as const;
/**
 * Who may call what, written by hand from the brief: the HQ office sends orders, chases and closes
 * them; the leader reads them and their results; a unit's liaison or head reads the orders sent to
 * it and replies for its unit.
 */
export const DISPATCH_MATRIX: Record<string, 'everyone' | readonly Role[]> = {
  'GET /api/dispatches': ['hq_office', 'leader', ...UNIT],
  'GET /api/dispatches/unreported': ['hq_office', 'leader'],
  'GET /api/dispatches/:id': ['hq_office', 'leader', ...UNIT],
  'GET /api/dispatches/:id/results.xlsx': ['hq_office', 'leader'],
  'POST /api/dispatches': OFFICE,
  'PATCH /api/dispatches/:id': OFFICE,
  'POST /api/dispatches/:id/send': OFFICE,
  'POST /api/dispatches/:id/chase': OFFICE,
  'POST /api/dispatches/:id/close': OFFICE,
  'POST /api/dispatches/:id/replies': UNIT,
  // 批示: a leader writes them; every work role may ask for those on a subject (it sees those it may).
  'GET /api/instructions': ['leader', 'hq_office', 'task_force', 'unit_head', 'liaison', 'inspector', 'oversight', 'assessor', 'publicist'],
  'POST /api/instructions': ['leader'],
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
/** Every dispatch write, who may call it and what its input looks like, for the garbage property test. */
export const DISPATCH_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/dispatches', role: 'hq_office', body: json(D.DispatchCreate) },
  { key: 'PATCH /api/dispatches/:id', role: 'hq_office', body: json(D.DispatchUpdate) },
  { key: 'POST /api/dispatches/:id/send', role: 'hq_office', body: json(D.DispatchStep.nullish()) },
  { key: 'POST /api/dispatches/:id/chase', role: 'hq_office', body: json(D.DispatchStep.nullish()) },
  { key: 'POST /api/dispatches/:id/close', role: 'hq_office', body: json(D.DispatchStep.nullish()) },
  { key: 'POST /api/dispatches/:id/replies', role: 'liaison', body: json(D.DispatchReply) },
  { key: 'POST /api/instructions', role: 'leader', body: json(D.InstructionCreate) },
];
