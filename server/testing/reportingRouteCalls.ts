import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Role } from '../../domain/enums.js';
import * as B from '../../domain/schemas/blocker.js';
import * as R from '../../domain/schemas/report.js';
import type { ReportStatus } from '../../domain/work.js';
import { blockers, evidence, reportEvidence, reports, responseRequestEvidence } from '../db/schema/index.js';
import type { ApiRequest } from './api.js';
import { loginAs, makeBody, makeRegion, makeUnit, makeUser, type Session } from './factories.js';
import type { BodyKind } from './garbage.js';
import { thisMonth } from './reportingCalls.js';
import type { CallBuilder, CallEnv, PreparedCall } from './routeCalls.js';
import { makePlan, makeProgram, makeTask } from './workFactories.js';
import { multipart } from './xlsx.js';
import { makeResponseRequest } from './promiseCalls.js';

const hex = () => randomBytes(4).toString('hex');

/**
 * Where a role works in the reporting calls: its session, the unit its unit roles act for, and a
 * published plan — on the role's own task force when it is one (a task force reviews only its plans'
 * reports), with no task force otherwise (so that the HQ office reviews).
 */
interface Scene {
  session: Session;
  unitId: string;
  planId: string;
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
        if (role === 'task_force') {
          const body = await makeBody(db, { regionId: region.id });
          const user = await makeUser(db, [{ role, bodyId: body.id }]);
          const plan = await makePlan(db, program.id, { taskForceId: body.id });
          return { session: await loginAs(env.app, user), unitId: (await makeUnit(db, { regionId: region.id })).id, planId: plan.id };
        }
        const session = await env.session(role);
        const me = await env.app.inject({ url: '/api/me', headers: session.headers });
        const plan = await makePlan(db, program.id);
        return { session, unitId: me.json().data.unit.id as string, planId: plan.id };
      })(),
    );
  }
  return byRole.get(role)!;
}

/** A claimed task of the scene's unit on the scene's plan. */
async function taskIn(env: CallEnv, s: Scene) {
  return makeTask(env.database, s.planId, [{ unitId: s.unitId }]);
}

/** A report of the scene's unit in `status`, on a fresh task (one report per task and period). */
async function reportIn(env: CallEnv, s: Scene, status: ReportStatus) {
  const task = await taskIn(env, s);
  const [r] = await env.database.db
    .insert(reports)
    .values({ itemType: 'task', itemId: task.id, unitId: s.unitId, period: thisMonth(), status, percent: '20', text: '按计划推进' })
    .returning();
  return r!;
}

async function blockerIn(env: CallEnv, s: Scene, level: 'unit' | 'task_force' | 'hq' | 'leading_group' = 'unit', more: Partial<typeof blockers.$inferInsert> = {}) {
  const task = await taskIn(env, s);
  const [b] = await env.database.db
    .insert(blockers)
    .values({ itemType: 'task', itemId: task.id, unitId: s.unitId, title: '用地指标未落实', level, ...more })
    .returning();
  return b!;
}

/** The level at which the role holds a blocker (the leader only at the leading group). */
const heldAt = (role: Role) => (role === 'leader' ? 'leading_group' : 'task_force');

const PNG = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR ${hex()}`)]);
const UPLOADERS: readonly Role[] = ['liaison', 'unit_head', 'task_force', 'hq_office'];

/** An evidence file the role can see: its own upload when it may upload, else one used in a report of its scene. */
async function visibleEvidence(env: CallEnv, role: Role, s: Scene): Promise<string> {
  const bytes = PNG();
  if (UPLOADERS.includes(role)) {
    const body = multipart(bytes, '现场照片.png', 'image/png');
    const res = await env.app.inject({ method: 'POST', url: '/api/evidence', payload: body.payload, headers: { ...s.session.headers, ...body.headers } });
    if (res.statusCode !== 200) throw new Error(`setup upload: ${res.statusCode} ${res.body}`);
    return res.json().data.sha256 as string;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await env.database.db.insert(evidence).values({ sha256, size: bytes.length, mime: 'image/png', content: bytes });
  // The oversight role reads no reports: it reads the files that back a written answer.
  if (role === 'oversight') {
    const request = await makeResponseRequest(env.database, s.unitId, { status: 'answered' });
    await env.database.db.insert(responseRequestEvidence).values({ requestId: request.id, sha256, name: '现场照片.png' });
    return sha256;
  }
  const r = await reportIn(env, s, 'submitted');
  await env.database.db.insert(reportEvidence).values({ reportId: r.id, sha256, name: '现场照片.png' });
  return sha256;
}

const at = async (env: CallEnv, role: Role, build: (s: Scene) => Promise<ApiRequest> | ApiRequest): Promise<PreparedCall> => {
  const s = await scene(env, role);
  return { req: await build(s), session: s.session };
};

/** The status a step starts from, chosen so the role's own turn comes (unit head returns submitted reports). */
const RETURN_FROM: Partial<Record<Role, ReportStatus>> = { unit_head: 'submitted', task_force: 'approved', hq_office: 'reviewed' };
const STEP_FROM: Record<'submit' | 'approve' | 'review' | 'accept', ReportStatus> = { submit: 'draft', approve: 'submitted', review: 'approved', accept: 'reviewed' };

/** One builder per reporting route, keyed "METHOD /path" as Fastify lists it. */
export const REPORTING_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/reports': (env, role) => at(env, role, () => ({ method: 'GET', url: '/api/reports?perPage=5' })),
  'GET /api/exports/reports.xlsx': (env, role) => at(env, role, () => ({ method: 'GET', url: '/api/exports/reports.xlsx?status=returned' })),
  'GET /api/reports/brief': (env, role) => at(env, role, async (s) => ({ method: 'GET', url: `/api/reports/brief?itemType=task&itemId=${(await taskIn(env, s)).id}` })),
  'GET /api/reports/:id': (env, role) => at(env, role, async (s) => ({ method: 'GET', url: `/api/reports/${(await reportIn(env, s, 'submitted')).id}` })),
  'POST /api/reports': (env, role) =>
    at(env, role, async (s) => ({ method: 'POST', url: '/api/reports', payload: { itemType: 'task', itemId: (await taskIn(env, s)).id, period: thisMonth(), percent: '30', text: '完成选址' } })),
  'PATCH /api/reports/:id': (env, role) =>
    at(env, role, async (s) => ({ method: 'PATCH', url: `/api/reports/${(await reportIn(env, s, 'draft')).id}`, payload: { version: 0, percent: '35' } })),
  ...Object.fromEntries(
    (['submit', 'approve', 'review', 'accept'] as const).map((action): [string, CallBuilder] => [
      `POST /api/reports/:id/${action}`,
      (env, role) => at(env, role, async (s) => ({ method: 'POST', url: `/api/reports/${(await reportIn(env, s, STEP_FROM[action])).id}/${action}`, payload: { version: 0 } })),
    ]),
  ),
  'POST /api/reports/:id/return': (env, role) =>
    at(env, role, async (s) => ({
      method: 'POST',
      url: `/api/reports/${(await reportIn(env, s, RETURN_FROM[role] ?? 'approved')).id}/return`,
      payload: { version: 0, reason: '佐证材料不全' },
    })),

  'POST /api/evidence': (env, role) =>
    at(env, role, () => {
      const body = multipart(PNG(), '现场照片.png', 'image/png');
      return { method: 'POST', url: '/api/evidence', payload: body.payload, headers: body.headers };
    }),
  'GET /api/evidence/:sha256': (env, role) => at(env, role, async (s) => ({ method: 'GET', url: `/api/evidence/${await visibleEvidence(env, role, s)}` })),

  'GET /api/blockers': (env, role) => at(env, role, () => ({ method: 'GET', url: '/api/blockers?perPage=5' })),
  'GET /api/blockers/:id': (env, role) => at(env, role, async (s) => ({ method: 'GET', url: `/api/blockers/${(await blockerIn(env, s)).id}` })),
  'POST /api/blockers': (env, role) =>
    at(env, role, async (s) => ({ method: 'POST', url: '/api/blockers', payload: { itemType: 'task', itemId: (await taskIn(env, s)).id, title: '资金缺口', detail: '需协调' } })),
  'POST /api/blockers/:id/escalate': (env, role) => at(env, role, async (s) => ({ method: 'POST', url: `/api/blockers/${(await blockerIn(env, s)).id}/escalate`, payload: {} })),
  'POST /api/blockers/:id/assign': (env, role) =>
    at(env, role, async (s) => ({ method: 'POST', url: `/api/blockers/${(await blockerIn(env, s, heldAt(role))).id}/assign`, payload: { resolverUnitId: s.unitId, dueDate: '2099-06-30', note: '请牵头协调' } })),
  'POST /api/blockers/:id/decide': (env, role) =>
    at(env, role, async (s) => ({ method: 'POST', url: `/api/blockers/${(await blockerIn(env, s, heldAt(role))).id}/decide`, payload: { decision: '已协调解决' } })),
  'POST /api/blockers/:id/return': (env, role) =>
    at(env, role, async (s) => ({ method: 'POST', url: `/api/blockers/${(await blockerIn(env, s, heldAt(role))).id}/return`, payload: { instruction: '由区发改局牵头协调，月底前解决' } })),
  // The resolver unit resolves what was given to it; the raising unit verifies or reopens what was resolved.
  'POST /api/blockers/:id/resolve': (env, role) =>
    at(env, role, async (s) => ({
      method: 'POST',
      url: `/api/blockers/${(await blockerIn(env, s, 'hq', { status: 'assigned', resolverUnitId: s.unitId, dueDate: '2099-06-30' })).id}/resolve`,
      payload: { resolution: '已完成用地报批' },
    })),
  'POST /api/blockers/:id/verify': (env, role) =>
    at(env, role, async (s) => ({ method: 'POST', url: `/api/blockers/${(await blockerIn(env, s, 'hq', { status: 'resolved', resolution: '已解决' })).id}/verify`, payload: {} })),
  'POST /api/blockers/:id/reopen': (env, role) =>
    at(env, role, async (s) => ({ method: 'POST', url: `/api/blockers/${(await blockerIn(env, s, 'hq', { status: 'resolved', resolution: '已解决' })).id}/reopen`, payload: { reason: '问题仍未解决' } })),

  'GET /api/dashboard': (env, role) => at(env, role, () => ({ method: 'GET', url: '/api/dashboard?period=quarter' })),
  'GET /api/workbench/unit': (env, role) => at(env, role, () => ({ method: 'GET', url: '/api/workbench/unit' })),
  'GET /api/workbench/task-force': (env, role) => at(env, role, () => ({ method: 'GET', url: '/api/workbench/task-force' })),
  'GET /api/workbench/hq': (env, role) => at(env, role, () => ({ method: 'GET', url: '/api/workbench/hq' })),
  'GET /api/exports/hq-desk.xlsx': (env, role) => at(env, role, () => ({ method: 'GET', url: '/api/exports/hq-desk.xlsx' })),
  'GET /api/workbench/leader': (env, role) => at(env, role, () => ({ method: 'GET', url: '/api/workbench/leader' })),
};

type Allowed = 'everyone' | readonly Role[];
const UNIT = ['liaison', 'unit_head'] as const;
const READERS = ['liaison', 'unit_head', 'task_force', 'hq_office', 'leader', 'inspector', 'assessor'] as const;
/**
 * Who may call what, written by hand from the brief: units write and submit their reports, the unit
 * head approves, the task force (or HQ office) reviews, the HQ office accepts; those who run, lead,
 * inspect or assess the program read them; the oversight office reads blockers too.
 */
export const REPORTING_MATRIX: Record<string, Allowed> = {
  'GET /api/reports': READERS,
  'GET /api/exports/reports.xlsx': READERS,
  'GET /api/reports/:id': READERS,
  'GET /api/reports/brief': READERS,
  'POST /api/reports': UNIT,
  'PATCH /api/reports/:id': UNIT,
  'POST /api/reports/:id/submit': UNIT,
  'POST /api/reports/:id/approve': ['unit_head'],
  'POST /api/reports/:id/review': ['task_force', 'hq_office'],
  'POST /api/reports/:id/accept': ['hq_office'],
  'POST /api/reports/:id/return': ['unit_head', 'task_force', 'hq_office'],
  'POST /api/evidence': ['liaison', 'unit_head', 'task_force', 'hq_office'],
  'GET /api/evidence/:sha256': [...READERS, 'oversight'],
  'GET /api/blockers': [...READERS, 'oversight'],
  'GET /api/blockers/:id': [...READERS, 'oversight'],
  'POST /api/blockers': UNIT,
  'POST /api/blockers/:id/escalate': ['task_force', 'hq_office', ...UNIT],
  'POST /api/blockers/:id/assign': ['task_force', 'hq_office', 'leader'],
  'POST /api/blockers/:id/decide': ['task_force', 'hq_office', 'leader'],
  'POST /api/blockers/:id/return': ['task_force', 'hq_office', 'leader'],
  'POST /api/blockers/:id/resolve': UNIT,
  'POST /api/blockers/:id/verify': UNIT,
  'POST /api/blockers/:id/reopen': UNIT,
  // The whole district for those who steer, inspect, assess, supervise or publicise; every unit and
  // task force its own slice; the separated administrators none.
  'GET /api/dashboard': [...READERS, 'oversight', 'publicist'],
  'GET /api/workbench/unit': UNIT,
  'GET /api/workbench/task-force': ['task_force'],
  'GET /api/workbench/hq': ['hq_office', 'leader'],
  // The desk's lists as a workbook are the office's own working papers.
  'GET /api/exports/hq-desk.xlsx': ['hq_office'],
  'GET /api/workbench/leader': ['hq_office', 'leader'],
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
/** Every reporting write, who may call it and what its input looks like, for the garbage property test. */
export const REPORTING_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/reports', role: 'liaison', body: json(R.ReportCreate) },
  { key: 'PATCH /api/reports/:id', role: 'liaison', body: json(R.ReportUpdate) },
  { key: 'POST /api/reports/:id/submit', role: 'liaison', body: json(R.ReportStep.nullish()) },
  { key: 'POST /api/reports/:id/approve', role: 'unit_head', body: json(R.ReportStep.nullish()) },
  { key: 'POST /api/reports/:id/review', role: 'hq_office', body: json(R.ReportStep.nullish()) },
  { key: 'POST /api/reports/:id/accept', role: 'hq_office', body: json(R.ReportStep.nullish()) },
  { key: 'POST /api/reports/:id/return', role: 'hq_office', body: json(R.ReportReturn) },
  { key: 'POST /api/evidence', role: 'liaison', body: { kind: 'evidence' } },
  { key: 'POST /api/blockers', role: 'liaison', body: json(B.BlockerCreate) },
  { key: 'POST /api/blockers/:id/escalate', role: 'hq_office', body: json(B.BlockerEscalate.nullish()) },
  { key: 'POST /api/blockers/:id/assign', role: 'hq_office', body: json(B.BlockerAssign) },
  { key: 'POST /api/blockers/:id/decide', role: 'leader', body: json(B.BlockerDecide) },
  { key: 'POST /api/blockers/:id/return', role: 'leader', body: json(B.BlockerReturn) },
  { key: 'POST /api/blockers/:id/resolve', role: 'liaison', body: json(B.BlockerResolve) },
  { key: 'POST /api/blockers/:id/verify', role: 'unit_head', body: json(B.BlockerVerify.nullish()) },
  { key: 'POST /api/blockers/:id/reopen', role: 'liaison', body: json(B.BlockerReopen) },
];
