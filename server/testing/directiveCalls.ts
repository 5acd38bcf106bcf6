import type { z } from 'zod';
import type { Role } from '../../domain/enums.js';
import * as D from '../../domain/schemas/directive.js';
import type { Database } from '../db/client.js';
import { directives } from '../db/schema/index.js';
import { dispatchDeadline } from './dispatchCalls.js';
import { makeRegion, makeUnit } from './factories.js';
import type { BodyKind } from './garbage.js';
import type { CallBuilder } from './routeCalls.js';

/** A directive written straight to the database, with no points yet. */
export async function makeDirective(database: Database) {
  const [d] = await database.db.insert(directives).values({ source: '市委办公室', docNo: '市委办发〔2026〕12号', title: '关于贯彻落实全市振兴发展大会精神的通知', receivedOn: '2026-12-01', regionId: (await makeRegion(database)).id }).returning();
  return d!;
}

/** One builder per directive route, keyed "METHOD /path" as Fastify lists it. */
export const DIRECTIVE_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/directives': async (env, role) => ({ req: { method: 'GET', url: '/api/directives?perPage=5' }, session: await env.session(role) }),
  'GET /api/directives/:id': async (env, role) => ({ req: { method: 'GET', url: `/api/directives/${(await makeDirective(env.database)).id}` }, session: await env.session(role) }),
  'POST /api/directives': async (env, role) => {
    const unit = await makeUnit(env.database);
    const payload = { source: '省委办公厅', title: '关于推进全面振兴新突破的意见', receivedOn: '2026-12-02', points: [{ content: '年底前完成营商环境评估', unitIds: [unit.id], deadline: await dispatchDeadline(env.database) }] };
    return { req: { method: 'POST', url: '/api/directives', payload }, session: await env.session(role) };
  },
  'POST /api/directives/:id/points': async (env, role) => {
    const [d, unit] = [await makeDirective(env.database), await makeUnit(env.database)];
    const payload = { content: '梳理项目清单', unitIds: [unit.id], deadline: await dispatchDeadline(env.database) };
    return { req: { method: 'POST', url: `/api/directives/${d.id}/points`, payload }, session: await env.session(role) };
  },
};

/** Who may call what, written by hand from the brief: the HQ office registers and breaks down directives; the leader reads them. */
export const DIRECTIVE_MATRIX: Record<string, 'everyone' | readonly Role[]> = {
  'GET /api/directives': ['leader', 'hq_office'],
  'GET /api/directives/:id': ['leader', 'hq_office'],
  'POST /api/directives': ['hq_office'],
  'POST /api/directives/:id/points': ['hq_office'],
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
export const DIRECTIVE_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/directives', role: 'hq_office', body: json(D.DirectiveCreate) },
  { key: 'POST /api/directives/:id/points', role: 'hq_office', body: json(D.DirectivePoint) },
];
