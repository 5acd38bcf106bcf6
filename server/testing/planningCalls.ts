import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '../../domain/enums.js';
import * as C from '../../domain/schemas/claim.js';
import * as PL from '../../domain/schemas/plan.js';
import * as P from '../../domain/schemas/program.js';
import * as X from '../../domain/schemas/project.js';
import * as T from '../../domain/schemas/target.js';
import * as K from '../../domain/schemas/task.js';
import { StepBody } from '../../domain/schemas/work.js';
import { taskUnits } from '../db/schema/index.js';
import type { ApiRequest } from './api.js';
import type { BodyKind } from './garbage.js';
import { makeUnit } from './factories.js';
import { Y } from './planning.js';
import type { CallBuilder, CallEnv, PreparedCall } from './routeCalls.js';
import { today } from '../clock.js';

const hex = () => randomBytes(4).toString('hex');


/** A write as the HQ office to set a call up; throws with the answer when it fails. */
async function hq(env: CallEnv, method: ApiRequest['method'], url: string, payload?: unknown): Promise<any> {
  const res = await env.app.inject({ method, url, headers: (await env.session('hq_office')).headers, ...(payload === undefined ? {} : { payload: payload as string }) });
  if (res.statusCode !== 200) throw new Error(`setup ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

const worlds = new WeakMap<CallEnv, Promise<{ programId: string; areaId: string; planId: string; unitId: string }>>();
/** One program, area, plan and unit per environment, shared by the builders. */
function world(env: CallEnv) {
  if (!worlds.has(env)) {
    worlds.set(
      env,
      (async () => {
        const program = await hq(env, 'POST', '/api/programs', { code: `P${hex()}`, name: '三年行动', startYear: Y, endYear: Y + 2, yearGoals: [{ year: Y, title: '首战告捷' }] });
        const area = await hq(env, 'POST', `/api/programs/${program.id}/areas`, { code: `A${hex()}`, name: '产业振兴' });
        const plan = await hq(env, 'POST', '/api/plans', { programId: program.id, kind: 'special', code: `PL${hex()}`, title: '专项方案' });
        const unit = await makeUnit(env.database);
        return { programId: program.id, areaId: area.id, planId: plan.id, unitId: unit.id };
      })(),
    );
  }
  return worlds.get(env)!;
}

const as = async (env: CallEnv, role: Role, req: ApiRequest): Promise<PreparedCall> => ({ req, session: await env.session(role) });

const reads = new WeakMap<CallEnv, Promise<{ targetId: string; taskId: string; projectId: string }>>();
/** A target, task and project that reads share (reads change nothing, so one of each will do). */
function readable(env: CallEnv) {
  if (!reads.has(env)) reads.set(env, Promise.all([newTarget(env), newTask(env), newProject(env)]).then(([t, k, p]) => ({ targetId: t.id, taskId: k.id, projectId: p.id })));
  return reads.get(env)!;
}

/** The unit of the role's signed-in user (their unscoped unit roles act for it). */
async function unitOf(env: CallEnv, role: Role): Promise<string> {
  const res = await env.app.inject({ url: '/api/me', headers: (await env.session(role)).headers });
  return res.json().data.unit.id as string;
}

const newPlan = async (env: CallEnv) => hq(env, 'POST', '/api/plans', { programId: (await world(env)).programId, kind: 'mechanism', code: `PL${hex()}`, title: '督查工作机制方案' });
/** A plan walked to the state where `action` applies. */
async function planFor(env: CallEnv, action: 'submit' | 'approve' | 'publish' | 'return') {
  let p = await newPlan(env);
  if (action !== 'submit') p = await hq(env, 'POST', `/api/plans/${p.id}/submit`, { version: p.version });
  if (action === 'publish') p = await hq(env, 'POST', `/api/plans/${p.id}/approve`, { version: p.version });
  return p;
}
const newTarget = async (env: CallEnv) => {
  const w = await world(env);
  return hq(env, 'POST', '/api/targets', { planId: w.planId, code: `T${hex()}`, name: '指标', measureUnit: '%', baseline: '1', direction: 'higher', dataUnitId: w.unitId, period: 'monthly', goals: [{ year: Y, goal: '2' }] });
};
const newTask = async (env: CallEnv, leadUnitId?: string) =>
  hq(env, 'POST', '/api/tasks', { planId: (await world(env)).planId, code: `K${hex()}`, title: '任务', leadUnitId: leadUnitId ?? (await world(env)).unitId, deadlineKind: 'ongoing' });
const newProject = async (env: CallEnv) =>
  hq(env, 'POST', '/api/projects', { code: `X${hex()}`, name: '重点项目', planId: (await world(env)).planId, responsibleUnitId: (await world(env)).unitId, totalInvestment: '100.00' });

/** A task whose lead unit is the role user's own, with that unit's claim in `status`. */
async function claimFor(env: CallEnv, role: Role, status: 'unclaimed' | 'submitted') {
  const unitId = await unitOf(env, role);
  const t = await newTask(env, unitId);
  if (status === 'submitted') await env.database.db.update(taskUnits).set({ claimStatus: status }).where(and(eq(taskUnits.taskId, t.id), eq(taskUnits.unitId, unitId)));
  return t.id as string;
}

/**
 * One builder per planning route, keyed "METHOD /path" as Fastify lists it: spread into ROUTE_CALLS.
 * Valid bodies hold no nullable field, so that a garbage generator's "wrong type: null" stays invalid.
 */
export const PLANNING_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/programs': (env, role) => as(env, role, { method: 'GET', url: '/api/programs?perPage=5' }),
  'POST /api/programs': (env, role) => as(env, role, { method: 'POST', url: '/api/programs', payload: { code: `P${hex()}`, name: '三年行动', startYear: Y, endYear: Y + 2 } }),
  'GET /api/programs/:id': async (env, role) => as(env, role, { method: 'GET', url: `/api/programs/${(await world(env)).programId}` }),
  'PATCH /api/programs/:id': async (env, role) => {
    const p = await hq(env, 'POST', '/api/programs', { code: `P${hex()}`, name: '三年行动', startYear: Y, endYear: Y + 2 });
    return as(env, role, { method: 'PATCH', url: `/api/programs/${p.id}`, payload: { version: p.version, name: '三年行动（修订）' } });
  },
  'GET /api/programs/:id/areas': async (env, role) => as(env, role, { method: 'GET', url: `/api/programs/${(await world(env)).programId}/areas` }),
  'POST /api/programs/:id/areas': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/programs/${(await world(env)).programId}/areas`, payload: { code: `A${hex()}`, name: '生态振兴' } }),

  'GET /api/plans': (env, role) => as(env, role, { method: 'GET', url: '/api/plans?perPage=5' }),
  'POST /api/plans': async (env, role) =>
    as(env, role, { method: 'POST', url: '/api/plans', payload: { programId: (await world(env)).programId, kind: 'special', code: `PL${hex()}`, title: '专项方案' } }),
  'GET /api/plans/:id': async (env, role) => as(env, role, { method: 'GET', url: `/api/plans/${(await world(env)).planId}` }),
  'PATCH /api/plans/:id': async (env, role) => {
    const p = await newPlan(env);
    return as(env, role, { method: 'PATCH', url: `/api/plans/${p.id}`, payload: { version: p.version, summary: '修改稿' } });
  },
  'GET /api/plans/:id/versions': async (env, role) => as(env, role, { method: 'GET', url: `/api/plans/${(await world(env)).planId}/versions` }),
  ...Object.fromEntries(
    (['submit', 'approve', 'publish', 'return'] as const).map((action): [string, CallBuilder] => [
      `POST /api/plans/:id/${action}`,
      async (env, role) => {
        const p = await planFor(env, action);
        return as(env, role, { method: 'POST', url: `/api/plans/${p.id}/${action}`, payload: { version: p.version, ...(action === 'return' ? { reason: '请修改' } : {}) } });
      },
    ]),
  ),

  'GET /api/targets': (env, role) => as(env, role, { method: 'GET', url: '/api/targets?perPage=5' }),
  'POST /api/targets': async (env, role) => {
    const w = await world(env);
    const payload = { planId: w.planId, code: `T${hex()}`, name: '指标', measureUnit: '%', baseline: '1', direction: 'higher', dataUnitId: w.unitId, period: 'quarterly', goals: [{ year: Y, goal: '2' }] };
    return as(env, role, { method: 'POST', url: '/api/targets', payload });
  },
  'GET /api/targets/:id': async (env, role) => as(env, role, { method: 'GET', url: `/api/targets/${(await readable(env)).targetId}` }),
  'PATCH /api/targets/:id': async (env, role) => {
    const t = await newTarget(env);
    return as(env, role, { method: 'PATCH', url: `/api/targets/${t.id}`, payload: { version: t.version, name: '改名的指标' } });
  },
  'PUT /api/targets/:id/trajectory': async (env, role) => {
    const t = await newTarget(env);
    return as(env, role, { method: 'PUT', url: `/api/targets/${t.id}/trajectory`, payload: { version: t.version, points: [{ period: `${Y}-06`, expected: '1.5' }] } });
  },
  'GET /api/targets/:id/actuals': async (env, role) => as(env, role, { method: 'GET', url: `/api/targets/${(await readable(env)).targetId}/actuals` }),
  'POST /api/targets/:id/actuals': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/targets/${(await newTarget(env)).id}/actuals`, payload: { period: `${Y}-01`, value: '1.1' } }),

  'GET /api/tasks': (env, role) => as(env, role, { method: 'GET', url: '/api/tasks?perPage=5&sort=light' }),
  'GET /api/exports/tasks.xlsx': (env, role) => as(env, role, { method: 'GET', url: '/api/exports/tasks.xlsx?light=red' }),
  'GET /api/exports/claims.xlsx': (env, role) => as(env, role, { method: 'GET', url: '/api/exports/claims.xlsx?status=returned' }),
  'POST /api/tasks': async (env, role) =>
    as(env, role, { method: 'POST', url: '/api/tasks', payload: { planId: (await world(env)).planId, code: `K${hex()}`, title: '任务', deadline: today() } }),
  'GET /api/tasks/:id': async (env, role) => as(env, role, { method: 'GET', url: `/api/tasks/${(await readable(env)).taskId}` }),
  'PATCH /api/tasks/:id': async (env, role) => {
    const t = await newTask(env);
    return as(env, role, { method: 'PATCH', url: `/api/tasks/${t.id}`, payload: { version: t.version, title: '改名的任务' } });
  },
  'POST /api/tasks/:id/milestones': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/tasks/${(await newTask(env)).id}/milestones`, payload: { name: '开工', sort: 1 } }),
  'PATCH /api/tasks/:id/milestones/:milestoneId': async (env, role) => {
    const t = await newTask(env);
    const m = await hq(env, 'POST', `/api/tasks/${t.id}/milestones`, { name: '开工' });
    return as(env, role, { method: 'PATCH', url: `/api/tasks/${t.id}/milestones/${m.id}`, payload: { name: '竣工' } });
  },
  'DELETE /api/tasks/:id/milestones/:milestoneId': async (env, role) => {
    const t = await newTask(env);
    const m = await hq(env, 'POST', `/api/tasks/${t.id}/milestones`, { name: '开工' });
    return as(env, role, { method: 'DELETE', url: `/api/tasks/${t.id}/milestones/${m.id}` });
  },
  'POST /api/tasks/:id/claim': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/tasks/${await claimFor(env, role, 'unclaimed')}/claim`, payload: { version: 0, measures: '成立专班', milestones: [{ name: '启动', due: today() }] } }),
  'POST /api/tasks/:id/claim/approve': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/tasks/${await claimFor(env, role, 'submitted')}/claim/approve`, payload: { version: 0 } }),
  'POST /api/tasks/:id/claim/return': async (env, role) =>
    as(env, role, { method: 'POST', url: `/api/tasks/${await claimFor(env, role, 'submitted')}/claim/return`, payload: { version: 0, reason: '举措不具体' } }),
  'GET /api/claims/unclaimed': (env, role) => as(env, role, { method: 'GET', url: '/api/claims/unclaimed?workdays=5' }),

  'GET /api/projects': (env, role) => as(env, role, { method: 'GET', url: '/api/projects?perPage=5' }),
  'POST /api/projects': async (env, role) =>
    as(env, role, { method: 'POST', url: '/api/projects', payload: { code: `X${hex()}`, name: '重点项目', responsibleUnitId: (await world(env)).unitId, totalInvestment: '10.50' } }),
  'GET /api/projects/:id': async (env, role) => as(env, role, { method: 'GET', url: `/api/projects/${(await readable(env)).projectId}` }),
  'PATCH /api/projects/:id': async (env, role) => {
    const p = await newProject(env);
    return as(env, role, { method: 'PATCH', url: `/api/projects/${p.id}`, payload: { version: p.version, stage: 'signed' } });
  },
  'PUT /api/projects/:id/plan': async (env, role) => {
    const p = await newProject(env);
    return as(env, role, { method: 'PUT', url: `/api/projects/${p.id}/plan`, payload: { version: p.version, years: [{ year: Y, planned: '60.00' }] } });
  },

  'GET /api/lights/rollup': async (env, role) => {
    await readable(env);
    return as(env, role, { method: 'GET', url: '/api/lights/rollup?by=plan' });
  },
  'GET /api/tasks/:id/history': async (env, role) => as(env, role, { method: 'GET', url: `/api/tasks/${(await readable(env)).taskId}/history` }),
  'GET /api/targets/:id/history': async (env, role) => as(env, role, { method: 'GET', url: `/api/targets/${(await readable(env)).targetId}/history` }),
  'GET /api/projects/:id/history': async (env, role) => as(env, role, { method: 'GET', url: `/api/projects/${(await readable(env)).projectId}/history` }),
};

type Allowed = 'everyone' | readonly Role[];
const HQ = ['hq_office'] as const;
/**
 * Who may call what, written by hand from the brief (everyone signed in reads the work; the HQ
 * office writes it; the leader may also approve or return plans; claims belong to the assigned
 * unit's liaison or head, and their approval to its head): spread into the matrix test's MATRIX.
 */
export const PLANNING_MATRIX: Record<string, Allowed> = {
  'GET /api/programs': 'everyone',
  'POST /api/programs': HQ,
  'GET /api/programs/:id': 'everyone',
  'PATCH /api/programs/:id': HQ,
  'GET /api/programs/:id/areas': 'everyone',
  'POST /api/programs/:id/areas': HQ,
  'GET /api/plans': 'everyone',
  'POST /api/plans': HQ,
  'GET /api/plans/:id': 'everyone',
  'PATCH /api/plans/:id': HQ,
  'GET /api/plans/:id/versions': 'everyone',
  'POST /api/plans/:id/submit': HQ,
  'POST /api/plans/:id/approve': ['leader', 'hq_office'],
  'POST /api/plans/:id/publish': HQ,
  'POST /api/plans/:id/return': ['leader', 'hq_office'],
  'GET /api/targets': 'everyone',
  'POST /api/targets': HQ,
  'GET /api/targets/:id': 'everyone',
  'PATCH /api/targets/:id': HQ,
  'PUT /api/targets/:id/trajectory': HQ,
  'GET /api/targets/:id/actuals': 'everyone',
  'POST /api/targets/:id/actuals': HQ,
  'GET /api/tasks': 'everyone',
  'GET /api/exports/tasks.xlsx': 'everyone',
  'GET /api/exports/claims.xlsx': 'everyone',
  'POST /api/tasks': HQ,
  'GET /api/tasks/:id': 'everyone',
  'PATCH /api/tasks/:id': HQ,
  'POST /api/tasks/:id/milestones': HQ,
  'PATCH /api/tasks/:id/milestones/:milestoneId': HQ,
  'DELETE /api/tasks/:id/milestones/:milestoneId': HQ,
  'POST /api/tasks/:id/claim': ['liaison', 'unit_head'],
  'POST /api/tasks/:id/claim/approve': ['unit_head'],
  'POST /api/tasks/:id/claim/return': ['unit_head'],
  'GET /api/claims/unclaimed': 'everyone',
  'GET /api/projects': 'everyone',
  'POST /api/projects': HQ,
  'GET /api/projects/:id': 'everyone',
  'PATCH /api/projects/:id': HQ,
  'PUT /api/projects/:id/plan': HQ,
  'GET /api/lights/rollup': 'everyone',
  'GET /api/tasks/:id/history': 'everyone',
  'GET /api/targets/:id/history': 'everyone',
  'GET /api/projects/:id/history': 'everyone',
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
const NONE: BodyKind = { kind: 'none' };
/**
 * Every planning write, who may call it and what its input looks like: spread into the garbage
 * property test's TARGETS (server/routes/badInput.property.test.ts).
 */
export const PLANNING_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/programs', role: 'hq_office', body: json(P.ProgramCreate) },
  { key: 'PATCH /api/programs/:id', role: 'hq_office', body: json(P.ProgramUpdate) },
  { key: 'POST /api/programs/:id/areas', role: 'hq_office', body: json(P.AreaCreate) },
  { key: 'POST /api/plans', role: 'hq_office', body: json(PL.PlanCreate) },
  { key: 'PATCH /api/plans/:id', role: 'hq_office', body: json(PL.PlanUpdate) },
  { key: 'POST /api/plans/:id/submit', role: 'hq_office', body: json(StepBody) },
  { key: 'POST /api/plans/:id/approve', role: 'leader', body: json(PL.PlanApprove) },
  { key: 'POST /api/plans/:id/publish', role: 'hq_office', body: json(StepBody) },
  { key: 'POST /api/plans/:id/return', role: 'leader', body: json(PL.PlanReturn) },
  { key: 'POST /api/targets', role: 'hq_office', body: json(T.TargetCreate) },
  { key: 'PATCH /api/targets/:id', role: 'hq_office', body: json(T.TargetUpdate) },
  { key: 'PUT /api/targets/:id/trajectory', role: 'hq_office', body: json(T.TrajectoryPut) },
  { key: 'POST /api/targets/:id/actuals', role: 'hq_office', body: json(T.ActualCreate) },
  { key: 'POST /api/tasks', role: 'hq_office', body: json(K.TaskCreate) },
  { key: 'PATCH /api/tasks/:id', role: 'hq_office', body: json(K.TaskUpdate) },
  { key: 'POST /api/tasks/:id/milestones', role: 'hq_office', body: json(K.MilestoneCreate) },
  { key: 'PATCH /api/tasks/:id/milestones/:milestoneId', role: 'hq_office', body: json(K.MilestoneUpdate) },
  { key: 'DELETE /api/tasks/:id/milestones/:milestoneId', role: 'hq_office', body: NONE },
  { key: 'POST /api/tasks/:id/claim', role: 'liaison', body: json(C.ClaimBody) },
  { key: 'POST /api/tasks/:id/claim/approve', role: 'unit_head', body: json(C.ClaimStep) },
  { key: 'POST /api/tasks/:id/claim/return', role: 'unit_head', body: json(C.ClaimReturn) },
  { key: 'POST /api/projects', role: 'hq_office', body: json(X.ProjectCreate) },
  { key: 'PATCH /api/projects/:id', role: 'hq_office', body: json(X.ProjectUpdate) },
  { key: 'PUT /api/projects/:id/plan', role: 'hq_office', body: json(X.ProjectPlanPut) },
];
