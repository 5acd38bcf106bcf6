import type { z } from 'zod';
import type { Role } from '../../domain/enums.js';
import type { LedgerStatus } from '../../domain/ledger.js';
import * as L from '../../domain/schemas/ledger.js';
import type { Database } from '../db/client.js';
import { inspections, ledgerEntries, ledgerItems } from '../db/schema/index.js';
import { today } from '../clock.js';
import type { ApiRequest } from './api.js';
import { loginAs, makeBody, makeRegion, makeUnit, makeUser, type Session } from './factories.js';
import type { BodyKind } from './garbage.js';
import type { CallBuilder, CallEnv, PreparedCall } from './routeCalls.js';
import { makePlan, makeProgram, makeTask } from './workFactories.js';

/** A campaign inspecting these units, written straight to the database. */
export async function makeInspection(database: Database, unitIds: string[], over: Partial<typeof inspections.$inferInsert> = {}) {
  const [row] = await database.db
    .insert(inspections)
    .values({ kind: 'routine', title: '2026年第二季度常态化督导检查', periodFrom: '2026-04-01', periodTo: '2026-06-30', unitIds, regionId: (await makeRegion(database)).id, ...over })
    .returning();
  return row!;
}

/** A ledger entry at `unitId` on the given items, in `status` (with a verdict once verified), written straight to the database. */
export async function makeLedgerEntry(
  database: Database,
  unitId: string,
  o: { status?: LedgerStatus; items?: { itemType: 'task' | 'target' | 'project'; itemId: string }[]; over?: Partial<typeof ledgerEntries.$inferInsert> } = {},
) {
  const status = o.status ?? 'open';
  const judged = status === 'verified' || status === 'closed';
  const [row] = await database.db
    .insert(ledgerEntries)
    .values({
      unitId,
      keyLink: 'implementation',
      finding: '项目推进台账更新不及时',
      requirement: '建立周调度机制，按周更新台账',
      deadline: today(),
      status,
      ...(status === 'submitted' || judged ? { measures: '已建立周调度机制', rectifiedAt: new Date() } : {}),
      ...(judged ? { verdict: 'effective', verifyComment: '抽查三周台账，均已按时更新', verifiedAt: new Date() } : {}),
      ...o.over,
    })
    .returning();
  if (o.items?.length) await database.db.insert(ledgerItems).values(o.items.map((i) => ({ entryId: row!.id, ...i })));
  return row!;
}

/** The role's session and an entry it may read: at its own unit, or for a task force on its own plan's task. */
async function entryFor(env: CallEnv, role: Role, status: LedgerStatus = 'open'): Promise<{ session: Session; entryId: string; unitId: string }> {
  const db = env.database;
  const region = await makeRegion(db);
  const program = await makeProgram(db, region.id);
  if (role === 'task_force') {
    const body = await makeBody(db, { regionId: region.id });
    const session = await loginAs(env.app, await makeUser(db, [{ role, bodyId: body.id }]));
    const unit = await makeUnit(db, { regionId: region.id });
    const task = await makeTask(db, (await makePlan(db, program.id, { taskForceId: body.id })).id, [{ unitId: unit.id }]);
    return { session, unitId: unit.id, entryId: (await makeLedgerEntry(db, unit.id, { status, items: [{ itemType: 'task', itemId: task.id }] })).id };
  }
  const session = await env.session(role);
  const me = await env.app.inject({ url: '/api/me', headers: session.headers });
  const unitId = me.json().data.unit.id as string;
  const task = await makeTask(db, (await makePlan(db, program.id)).id, [{ unitId }]);
  return { session, unitId, entryId: (await makeLedgerEntry(db, unitId, { status, items: [{ itemType: 'task', itemId: task.id }] })).id };
}

const onEntry =
  (status: LedgerStatus, build: (id: string) => ApiRequest): CallBuilder =>
  async (env, role): Promise<PreparedCall> => {
    const e = await entryFor(env, role, status);
    return { req: build(e.entryId), session: e.session };
  };

/** A campaign that inspects the role's own unit (a unit role reads only those). */
async function campaignFor(env: CallEnv, role: Role) {
  const session = await env.session(role);
  const me = await env.app.inject({ url: '/api/me', headers: session.headers });
  return { session, inspection: await makeInspection(env.database, [me.json().data.unit.id as string, (await makeUnit(env.database)).id]) };
}

/** One builder per inspection and ledger route, keyed "METHOD /path" as Fastify lists it. */
export const INSPECTION_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/inspections': async (env, role) => ({ req: { method: 'GET', url: '/api/inspections?perPage=5' }, session: await env.session(role) }),
  'GET /api/inspections/inspectors': async (env, role) => ({ req: { method: 'GET', url: '/api/inspections/inspectors' }, session: await env.session(role) }),
  'GET /api/inspections/:id': async (env, role) => {
    const c = await campaignFor(env, role);
    return { req: { method: 'GET', url: `/api/inspections/${c.inspection.id}` }, session: c.session };
  },
  'POST /api/inspections': async (env, role) => {
    const unit = await makeUnit(env.database);
    const payload = { kind: 'special', title: '营商环境专项督查', periodFrom: '2026-06-01', periodTo: '2026-07-31', unitIds: [unit.id] };
    return { req: { method: 'POST', url: '/api/inspections', payload }, session: await env.session(role) };
  },
  'PATCH /api/inspections/:id': async (env, role) => {
    const c = await campaignFor(env, role);
    return { req: { method: 'PATCH', url: `/api/inspections/${c.inspection.id}`, payload: { version: 0, title: '改：第二季度督导检查' } }, session: c.session };
  },
  'GET /api/ledger': async (env, role) => ({ req: { method: 'GET', url: '/api/ledger?perPage=5&overdue=false' }, session: await env.session(role) }),
  'GET /api/ledger.xlsx': async (env, role) => ({ req: { method: 'GET', url: '/api/ledger.xlsx?overdue=false' }, session: await env.session(role) }),
  'GET /api/ledger/:id': onEntry('open', (id) => ({ method: 'GET', url: `/api/ledger/${id}` })),
  'POST /api/ledger': async (env, role) => {
    const unit = await makeUnit(env.database);
    const payload = { unitId: unit.id, keyLink: 'planning', finding: '实施方案未细化到月', requirement: '细化到月并明确责任人' };
    return { req: { method: 'POST', url: '/api/ledger', payload }, session: await env.session(role) };
  },
  'POST /api/ledger/:id/acknowledge': onEntry('open', (id) => ({ method: 'POST', url: `/api/ledger/${id}/acknowledge`, payload: { version: 0 } })),
  'POST /api/ledger/:id/rectify': onEntry('rectifying', (id) => ({ method: 'POST', url: `/api/ledger/${id}/rectify`, payload: { version: 0, measures: '已制定月度计划并明确责任人' } })),
  'POST /api/ledger/:id/verify': onEntry('submitted', (id) => ({ method: 'POST', url: `/api/ledger/${id}/verify`, payload: { version: 0, verdict: 'effective', comment: '已核实' } })),
  'POST /api/ledger/:id/close': onEntry('verified', (id) => ({ method: 'POST', url: `/api/ledger/${id}/close`, payload: { version: 0 } })),
  'POST /api/ledger/:id/reopen': onEntry('closed', (id) => ({ method: 'POST', url: `/api/ledger/${id}/reopen`, payload: { version: 0, reason: '回头看发现问题反弹' } })),
};

const SEE_ALL = ['inspector', 'hq_office', 'leader', 'oversight', 'assessor'] as const;
const UNIT = ['liaison', 'unit_head'] as const;
/**
 * Who may call what, written by hand from the brief: inspectors and the HQ office plan campaigns,
 * inspectors record findings and verify, close or reopen them; the inspected unit's liaison or head
 * acknowledges and rectifies; the overseers read everything, a unit its own, a task force its plans'
 * entries; the separated administrators and the publicity office nothing.
 */
export const INSPECTION_MATRIX: Record<string, 'everyone' | readonly Role[]> = {
  'GET /api/inspections': [...SEE_ALL, ...UNIT],
  'GET /api/inspections/:id': [...SEE_ALL, ...UNIT],
  'GET /api/inspections/inspectors': ['inspector', 'hq_office'],
  'POST /api/inspections': ['inspector', 'hq_office'],
  'PATCH /api/inspections/:id': ['inspector', 'hq_office'],
  'GET /api/ledger': [...SEE_ALL, ...UNIT, 'task_force'],
  'GET /api/ledger.xlsx': [...SEE_ALL, ...UNIT, 'task_force'],
  'GET /api/ledger/:id': [...SEE_ALL, ...UNIT, 'task_force'],
  'POST /api/ledger': ['inspector'],
  'POST /api/ledger/:id/acknowledge': UNIT,
  'POST /api/ledger/:id/rectify': UNIT,
  'POST /api/ledger/:id/verify': ['inspector'],
  'POST /api/ledger/:id/close': ['inspector'],
  'POST /api/ledger/:id/reopen': ['inspector'],
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
/** Every inspection and ledger write, who may call it and what its input looks like, for the garbage property test. */
export const INSPECTION_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/inspections', role: 'inspector', body: json(L.InspectionCreate) },
  { key: 'PATCH /api/inspections/:id', role: 'inspector', body: json(L.InspectionUpdate) },
  { key: 'POST /api/ledger', role: 'inspector', body: json(L.LedgerCreate) },
  { key: 'POST /api/ledger/:id/acknowledge', role: 'liaison', body: json(L.LedgerAcknowledge.nullish()) },
  { key: 'POST /api/ledger/:id/rectify', role: 'liaison', body: json(L.LedgerRectify) },
  { key: 'POST /api/ledger/:id/verify', role: 'inspector', body: json(L.LedgerVerify) },
  { key: 'POST /api/ledger/:id/close', role: 'inspector', body: json(L.LedgerClose.nullish()) },
  { key: 'POST /api/ledger/:id/reopen', role: 'inspector', body: json(L.LedgerReopen) },
];
