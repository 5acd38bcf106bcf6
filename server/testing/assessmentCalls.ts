import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '../../domain/enums.js';
import * as A from '../../domain/schemas/assessment.js';
import type { RankedUnit } from '../../domain/scoring/rank.js';
import { DEFAULT_RULES } from '../../domain/scoring/scheme.js';
import type { Database } from '../db/client.js';
import { storeResult } from '../commands/assessments/storeResult.js';
import { assessmentAdjustments, assessmentAppeals, assessmentSchemes } from '../db/schema/index.js';
import { today } from '../clock.js';
import { makeRegion, makeUnit } from './factories.js';
import type { BodyKind } from './garbage.js';
import type { CallBuilder, CallEnv } from './routeCalls.js';

const INDICATORS = [
  { kind: 'reporting_on_time', weight: '60' },
  { kind: 'leader_evaluation', weight: '40' },
] as const;

/** One scheme per database for the calls that only read or add to it (a year and category hold one scheme). */
const shared = new WeakMap<Database, Promise<string>>();
/** Years not yet taken in this database (a year and category hold one scheme; 2099 is the shared scheme's). */
const years = new WeakMap<Database, number>();
const nextYear = (database: Database) => {
  const y = years.get(database) ?? 2000;
  years.set(database, y + 1);
  return y;
};
/** A scheme of a year of its own in this database. */
export async function makeScheme(database: Database, year = nextYear(database)) {
  const [row] = await database.db.insert(assessmentSchemes).values({ year, category: 'departments', name: `${year}年度部门考核`, indicators: [...INDICATORS], rules: DEFAULT_RULES, regionId: (await makeRegion(database)).id }).returning();
  return row!;
}
const schemeOf = (database: Database) => {
  if (!shared.has(database)) shared.set(database, makeScheme(database, 2099).then((s) => s.id));
  return shared.get(database)!;
};

const line = (unitId: string): RankedUnit => ({
  unitId,
  unitName: '测试单位',
  total: '88.00',
  indicatorTotal: '88.00',
  bonus: '0.00',
  deduction: '0.00',
  indicators: [{ kind: 'reporting_on_time', weight: '60.00', rule: 'share', ratio: '0.8000', points: '48.00', counted: 1, facts: [] }],
  adjustments: [],
  noFacts: false,
  rank: 1,
  grade: 'good',
  honour: 'red',
  above: null,
});

let revision = 1;
/** A result written straight to the database, ranking `unitId` (published unless said). */
export async function makeResult(database: Database, unitId: string, status: 'computed' | 'published' = 'published', own?: { id: string; year: number }) {
  const schemeId = own?.id ?? (await schemeOf(database));
  return database.db.transaction((tx) =>
    storeResult(tx, { schemeId, period: `${own?.year ?? 2099}-Q1`, revision: own ? 1 : revision++, schemeVersion: 1, indicators: [...INDICATORS], rules: DEFAULT_RULES, asOf: today(), status, ...(status === 'published' ? { publishedAt: new Date(), appealDeadline: '2099-12-31' } : {}) }, [line(unitId)]),
  );
}

async function ownUnit(env: CallEnv, role: Role) {
  const session = await env.session(role);
  const me = await env.app.inject({ url: '/api/me', headers: session.headers });
  return { session, unitId: me.json().data.unit.id as string };
}

const as =
  (build: (env: CallEnv) => Promise<{ method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: unknown }>): CallBuilder =>
  async (env, role) => ({ req: await build(env), session: await env.session(role) });

/** One builder per assessment route, keyed "METHOD /path" as Fastify lists it. */
export const ASSESSMENT_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/assessments': as(async () => ({ method: 'GET', url: '/api/assessments?perPage=5' })),
  'POST /api/assessments': as(async (env) => ({ method: 'POST', url: '/api/assessments', payload: { year: nextYear(env.database), category: 'departments', name: '部门考核', indicators: INDICATORS } })),
  'GET /api/assessments/mine': as(async () => ({ method: 'GET', url: '/api/assessments/mine' })),
  'GET /api/assessments/appeals': as(async () => ({ method: 'GET', url: '/api/assessments/appeals?perPage=5' })),
  'GET /api/assessments/:id': as(async (env) => ({ method: 'GET', url: `/api/assessments/${await schemeOf(env.database)}` })),
  'PATCH /api/assessments/:id': as(async (env) => {
    const id = await schemeOf(env.database);
    const [s] = await env.database.db.select({ version: assessmentSchemes.version }).from(assessmentSchemes).where(eq(assessmentSchemes.id, id));
    return { method: 'PATCH', url: `/api/assessments/${id}`, payload: { name: `部门考核${randomUUID().slice(0, 4)}`, version: s!.version } };
  }),
  'POST /api/assessments/:id/compute': as(async (env) => ({ method: 'POST', url: `/api/assessments/${await schemeOf(env.database)}/compute`, payload: { period: '2099-Q2' } })),
  'POST /api/assessments/:id/publish': as(async (env) => {
    await makeResult(env.database, (await makeUnit(env.database)).id, 'computed');
    return { method: 'POST', url: `/api/assessments/${await schemeOf(env.database)}/publish`, payload: { period: '2099-Q1' } };
  }),
  'GET /api/assessments/:id/adjustments': as(async (env) => ({ method: 'GET', url: `/api/assessments/${await schemeOf(env.database)}/adjustments?period=2099-Q1` })),
  'POST /api/assessments/:id/adjustments': as(async (env) => ({
    method: 'POST',
    url: `/api/assessments/${await schemeOf(env.database)}/adjustments`,
    payload: { period: '2099-Q1', unitId: (await makeUnit(env.database)).id, kind: 'bonus', points: '1.5', reason: '获省级表彰' },
  })),
  'POST /api/assessments/adjustments/:id/approve': as(async (env) => {
    const [a] = await env.database.db
      .insert(assessmentAdjustments)
      .values({ schemeId: await schemeOf(env.database), period: '2099-Q1', unitId: (await makeUnit(env.database)).id, kind: 'bonus', points: '1', reason: '经验推广', createdById: randomUUID() })
      .returning();
    return { method: 'POST', url: `/api/assessments/adjustments/${a!.id}/approve`, payload: { version: 0 } };
  }),
  'GET /api/assessments/results/:id': as(async (env) => ({ method: 'GET', url: `/api/assessments/results/${(await makeResult(env.database, (await makeUnit(env.database)).id)).id}` })),
  'GET /api/assessments/results/:id/results.xlsx': as(async (env) => ({ method: 'GET', url: `/api/assessments/results/${(await makeResult(env.database, (await makeUnit(env.database)).id)).id}/results.xlsx` })),
  // The role's own unit is in the result: a unit reads its own breakdown, and appeals it.
  'GET /api/assessments/results/:id/units/:unitId': async (env, role) => {
    const me = await ownUnit(env, role);
    return { req: { method: 'GET', url: `/api/assessments/results/${(await makeResult(env.database, me.unitId)).id}/units/${me.unitId}` }, session: me.session };
  },
  'POST /api/assessments/results/:id/appeals': async (env, role) => {
    const me = await ownUnit(env, role);
    return { req: { method: 'POST', url: `/api/assessments/results/${(await makeResult(env.database, me.unitId)).id}/appeals`, payload: { reason: '9月报告延迟系系统故障' } }, session: me.session };
  },
  'POST /api/assessments/appeals/:id/decide': as(async (env) => {
    const unitId = (await makeUnit(env.database)).id;
    const result = await makeResult(env.database, unitId);
    const [a] = await env.database.db.insert(assessmentAppeals).values({ resultId: result.id, unitId, reason: '申诉理由', filedById: randomUUID() }).returning();
    return { method: 'POST', url: `/api/assessments/appeals/${a!.id}/decide`, payload: { decision: 'rejected', reply: '维持原结果', version: 0 } };
  }),
  // A scheme of its own: republishing computes the period's next revision, which the shared scheme's counter would take again.
  'POST /api/assessments/appeals/:id/republish': as(async (env) => {
    const unitId = (await makeUnit(env.database)).id;
    const result = await makeResult(env.database, unitId, 'published', await makeScheme(env.database));
    const [a] = await env.database.db.insert(assessmentAppeals).values({ resultId: result.id, unitId, reason: '申诉理由', status: 'upheld', reply: '申诉成立', filedById: randomUUID(), version: 1 }).returning();
    return { method: 'POST', url: `/api/assessments/appeals/${a!.id}/republish`, payload: { version: 1 } };
  }),
};

const READERS = ['assessor', 'leader', 'hq_office'] as const;
const UNIT = ['liaison', 'unit_head'] as const;
/**
 * Who may call what, written by hand from the issue: the assessor writes, computes, publishes and
 * decides appeals; leaders and the HQ office read every published result; a unit's liaison or head
 * reads its own breakdown and appeals it; nobody else anything.
 */
export const ASSESSMENT_MATRIX: Record<string, readonly Role[]> = {
  'GET /api/assessments': READERS,
  'POST /api/assessments': ['assessor'],
  'GET /api/assessments/mine': UNIT,
  'GET /api/assessments/appeals': ['assessor', ...UNIT],
  'GET /api/assessments/:id': READERS,
  'PATCH /api/assessments/:id': ['assessor'],
  'POST /api/assessments/:id/compute': ['assessor'],
  'POST /api/assessments/:id/publish': ['assessor'],
  'GET /api/assessments/:id/adjustments': ['assessor'],
  'POST /api/assessments/:id/adjustments': ['assessor'],
  'POST /api/assessments/adjustments/:id/approve': ['assessor'],
  'GET /api/assessments/results/:id': READERS,
  'GET /api/assessments/results/:id/results.xlsx': READERS,
  'GET /api/assessments/results/:id/units/:unitId': [...READERS, ...UNIT],
  'POST /api/assessments/results/:id/appeals': UNIT,
  'POST /api/assessments/appeals/:id/decide': ['assessor'],
  'POST /api/assessments/appeals/:id/republish': ['assessor'],
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
/** Every assessment write, who may call it and what its input looks like, for the garbage property test. */
export const ASSESSMENT_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/assessments', role: 'assessor', body: json(A.SchemeCreate) },
  { key: 'PATCH /api/assessments/:id', role: 'assessor', body: json(A.SchemeUpdate) },
  { key: 'POST /api/assessments/:id/compute', role: 'assessor', body: json(A.PeriodBody) },
  { key: 'POST /api/assessments/:id/publish', role: 'assessor', body: json(A.PeriodBody) },
  { key: 'POST /api/assessments/:id/adjustments', role: 'assessor', body: json(A.AdjustmentCreate) },
  { key: 'POST /api/assessments/adjustments/:id/approve', role: 'assessor', body: json(A.AdjustmentApprove) },
  { key: 'POST /api/assessments/results/:id/appeals', role: 'liaison', body: json(A.AppealCreate) },
  { key: 'POST /api/assessments/appeals/:id/decide', role: 'assessor', body: json(A.AppealDecide) },
  { key: 'POST /api/assessments/appeals/:id/republish', role: 'assessor', body: json(A.AppealRepublish) },
];
