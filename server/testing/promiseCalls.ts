import type { z } from 'zod';
import type { Role } from '../../domain/enums.js';
import type { PromiseStatus, RequestStatus } from '../../domain/promises.js';
import * as P from '../../domain/schemas/promise.js';
import { now, today } from '../clock.js';
import type { Database } from '../db/client.js';
import { oversightCaseRequests, promises, responseRequests } from '../db/schema/index.js';
import type { ApiRequest } from './api.js';
import type { BodyKind } from './garbage.js';
import { makeOversightCase, OVERSIGHT_ONLY } from './oversightCalls.js';
import type { CallBuilder, CallEnv, PreparedCall } from './routeCalls.js';

/** A request to `unitId` in `status`, written straight to the database; with `caseId`, named by that case. */
export async function makeResponseRequest(database: Database, unitId: string, o: { status?: RequestStatus; caseId?: string; deadline?: string; over?: Partial<typeof responseRequests.$inferInsert> } = {}) {
  const status = o.status ?? 'requested';
  const [row] = await database.db
    .insert(responseRequests)
    .values({
      unitId,
      text: '请就企业反映的施工许可受理迟缓问题作出书面说明，并明确整改时限。',
      enterprise: '辽河新材料有限公司',
      deadline: o.deadline ?? today(),
      status,
      ...(status !== 'requested' ? { answer: '已核实，窗口已于当日受理。', draftedAt: now() } : {}),
      ...(status === 'answered' ? { answeredAt: now() } : {}),
      ...o.over,
    })
    .returning();
  if (o.caseId) await database.db.insert(oversightCaseRequests).values({ caseId: o.caseId, requestId: row!.id });
  return row!;
}

/** A promise of `unitId` in `status`, written straight to the database. */
export async function makePromise(database: Database, unitId: string, o: { status?: PromiseStatus; deadline?: string; requestId?: string } = {}) {
  const [row] = await database.db
    .insert(promises)
    .values({ unitId, enterprise: '辽河新材料有限公司', content: '十个工作日内办结施工许可', deadline: o.deadline ?? today(), status: o.status ?? 'pending', requestId: o.requestId ?? null })
    .returning();
  return row!;
}

/** The role's own unit (every factory user has one). */
async function unitOf(env: CallEnv, role: Role): Promise<string> {
  const session = await env.session(role);
  return (await env.app.inject({ url: '/api/me', headers: session.headers })).json().data.unit.id as string;
}

const onRequest =
  (status: RequestStatus, build: (id: string) => ApiRequest): CallBuilder =>
  async (env, role): Promise<PreparedCall> => ({ req: build((await makeResponseRequest(env.database, await unitOf(env, role), { status })).id), session: await env.session(role) });

const onPromise =
  (build: (id: string) => ApiRequest): CallBuilder =>
  async (env, role): Promise<PreparedCall> => ({ req: build((await makePromise(env.database, await unitOf(env, role))).id), session: await env.session(role) });

const onCase =
  (build: (caseId: string, unitId: string) => ApiRequest): CallBuilder =>
  async (env, role) => {
    const c = await makeOversightCase(env.database, { status: 'verifying' });
    return { req: build(c.id, await unitOf(env, 'liaison')), session: await env.session(role) };
  };

/** One builder per route of written responses and promises: rows of the caller's own unit, valid bodies. */
export const PROMISE_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/oversight/cases/:id/requests': onCase((id) => ({ method: 'GET', url: `/api/oversight/cases/${id}/requests` })),
  'POST /api/oversight/cases/:id/requests': onCase((id, unitId) => ({ method: 'POST', url: `/api/oversight/cases/${id}/requests`, payload: { unitId, text: '请就企业反映的问题作出书面说明', workdays: 5 } })),
  'GET /api/response-requests': async (env, role) => ({ req: { method: 'GET', url: '/api/response-requests?perPage=5' }, session: await env.session(role) }),
  'GET /api/response-requests/:id': onRequest('requested', (id) => ({ method: 'GET', url: `/api/response-requests/${id}` })),
  'POST /api/response-requests/:id/draft': onRequest('requested', (id) => ({ method: 'POST', url: `/api/response-requests/${id}/draft`, payload: { answer: '已核实并整改', version: 0 } })),
  'POST /api/response-requests/:id/send': onRequest('drafted', (id) => ({ method: 'POST', url: `/api/response-requests/${id}/send`, payload: { version: 0 } })),
  'GET /api/promises': async (env, role) => ({ req: { method: 'GET', url: '/api/promises?perPage=5&state=overdue' }, session: await env.session(role) }),
  'GET /api/promises/summary': async (env, role) => ({ req: { method: 'GET', url: '/api/promises/summary' }, session: await env.session(role) }),
  'GET /api/promises.xlsx': async (env, role) => ({ req: { method: 'GET', url: '/api/promises.xlsx?state=pending' }, session: await env.session(role) }),
  'POST /api/promises/:id/keep': onPromise((id) => ({ method: 'POST', url: `/api/promises/${id}/keep`, payload: { note: '已按期办结', version: 0 } })),
  'POST /api/promises/:id/break': onPromise((id) => ({ method: 'POST', url: `/api/promises/${id}/break`, payload: { reason: '逾期仍未办结', version: 0 } })),
};

const UNIT = ['liaison', 'unit_head'] as const;
const LEDGER_READERS = ['oversight', 'hq_office', 'leader', ...UNIT] as const;
/**
 * Who may call what, by hand from the brief: the oversight role asks from a case and reads the answers
 * there (hidden from everyone else); the asked unit's liaison and head read and draft, its head sends;
 * the ledger is read by oversight, the HQ office, the leader and the units (their own), kept by the
 * units and found broken by oversight.
 */
export const PROMISE_MATRIX: Record<string, readonly Role[] | { hidden: readonly Role[] }> = {
  'GET /api/oversight/cases/:id/requests': { hidden: OVERSIGHT_ONLY },
  'POST /api/oversight/cases/:id/requests': { hidden: OVERSIGHT_ONLY },
  'GET /api/response-requests': UNIT,
  'GET /api/response-requests/:id': UNIT,
  'POST /api/response-requests/:id/draft': UNIT,
  'POST /api/response-requests/:id/send': ['unit_head'],
  'GET /api/promises': LEDGER_READERS,
  'GET /api/promises/summary': LEDGER_READERS,
  'GET /api/promises.xlsx': LEDGER_READERS,
  'POST /api/promises/:id/keep': UNIT,
  'POST /api/promises/:id/break': ['oversight'],
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
/** Every write, who may call it and its input, for the garbage property test. */
export const PROMISE_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/oversight/cases/:id/requests', role: 'oversight', body: json(P.ResponseRequestCreate) },
  { key: 'POST /api/response-requests/:id/draft', role: 'liaison', body: json(P.ResponseDraft) },
  { key: 'POST /api/response-requests/:id/send', role: 'unit_head', body: json(P.ResponseSend) },
  { key: 'POST /api/promises/:id/keep', role: 'liaison', body: json(P.PromiseKeep) },
  { key: 'POST /api/promises/:id/break', role: 'oversight', body: json(P.PromiseBreak) },
];
