import type { z } from 'zod';
import type { Role } from '../../domain/enums.js';
import type { CaseStatus } from '../../domain/oversight.js';
import * as O from '../../domain/schemas/oversight.js';
import { now } from '../clock.js';
import type { Database } from '../db/client.js';
import { oversightCaseNotes, oversightCases } from '../db/schema/index.js';
import type { BodyKind } from './garbage.js';
import type { CallBuilder } from './routeCalls.js';

/** A case in `status` (with a disposal once handled), written straight to the database, with one note. */
export async function makeOversightCase(database: Database, o: { status?: CaseStatus; title?: string; over?: Partial<typeof oversightCases.$inferInsert> } = {}) {
  const status = o.status ?? 'received';
  const handled = status === 'handled' || status === 'closed';
  const [row] = await database.db
    .insert(oversightCases)
    .values({
      category: 'conduct',
      title: o.title ?? '某街道办事处推诿扯皮、慢作为问题线索',
      summary: '群众反映窗口人员多次以材料不全为由拒绝受理',
      status,
      ...(handled ? { disposal: 'talk_reminder', disposalText: '对相关负责人进行谈话提醒', handledAt: now() } : {}),
      ...(status === 'closed' ? { closedAt: now() } : {}),
      ...(status !== 'received' ? { verifiedAt: now() } : {}),
      ...o.over,
    })
    .returning();
  await database.db.insert(oversightCaseNotes).values({ caseId: row!.id, content: '初核：已调取窗口受理记录' });
  return row!;
}

const onCase =
  (status: CaseStatus, build: (id: string) => { method: 'GET' | 'POST'; url: string; payload?: unknown }): CallBuilder =>
  async (env, role) => ({ req: build((await makeOversightCase(env.database, { status })).id), session: await env.session(role) });

/** One builder per oversight route, keyed "METHOD /path" as Fastify lists it: real case ids, valid bodies. */
export const OVERSIGHT_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/oversight/cases': async (env, role) => ({ req: { method: 'GET', url: '/api/oversight/cases?perPage=5&status=received' }, session: await env.session(role) }),
  'GET /api/oversight/cases/:id': onCase('received', (id) => ({ method: 'GET', url: `/api/oversight/cases/${id}` })),
  'POST /api/oversight/cases': async (env, role) => ({
    req: { method: 'POST', url: '/api/oversight/cases', payload: { category: 'business_environment', title: '企业反映审批超时限', summary: '某项目施工许可超时限 20 日' } },
    session: await env.session(role),
  }),
  'POST /api/oversight/cases/:id/notes': onCase('verifying', (id) => ({ method: 'POST', url: `/api/oversight/cases/${id}/notes`, payload: { content: '已约谈项目单位' } })),
  'POST /api/oversight/cases/:id/verify': onCase('received', (id) => ({ method: 'POST', url: `/api/oversight/cases/${id}/verify`, payload: { version: 0 } })),
  'POST /api/oversight/cases/:id/handle': onCase('verifying', (id) => ({
    method: 'POST',
    url: `/api/oversight/cases/${id}/handle`,
    payload: { version: 0, disposal: 'criticism', disposalText: '对窗口负责人批评教育' },
  })),
  'POST /api/oversight/cases/:id/close': onCase('handled', (id) => ({ method: 'POST', url: `/api/oversight/cases/${id}/close`, payload: { version: 0 } })),
  'GET /api/oversight/watch': async (env, role) => ({ req: { method: 'GET', url: '/api/oversight/watch?days=10' }, session: await env.session(role) }),
  'GET /api/oversight/figures': async (env, role) => ({ req: { method: 'GET', url: '/api/oversight/figures?from=2026-01-01&to=2026-12-31' }, session: await env.session(role) }),
};

/** The oversight role alone; everyone else meets a missing route (404), not a refusal. */
export const OVERSIGHT_ONLY: readonly Role[] = ['oversight'];
export const OVERSIGHT_MATRIX: Record<string, { hidden: readonly Role[] }> = Object.fromEntries(Object.keys(OVERSIGHT_ROUTE_CALLS).map((k) => [k, { hidden: OVERSIGHT_ONLY }]));

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
/** Every oversight write, as the oversight role, for the garbage property test. */
export const OVERSIGHT_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/oversight/cases', role: 'oversight', body: json(O.OversightCaseCreate) },
  { key: 'POST /api/oversight/cases/:id/notes', role: 'oversight', body: json(O.CaseNoteCreate) },
  { key: 'POST /api/oversight/cases/:id/verify', role: 'oversight', body: json(O.CaseVerify) },
  { key: 'POST /api/oversight/cases/:id/handle', role: 'oversight', body: json(O.CaseHandle) },
  { key: 'POST /api/oversight/cases/:id/close', role: 'oversight', body: json(O.CaseClose) },
];
