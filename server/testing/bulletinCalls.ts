import type { z } from 'zod';
import type { Role } from '../../domain/enums.js';
import * as B from '../../domain/schemas/bulletin.js';
import * as N from '../../domain/schemas/notice.js';
import type { Database } from '../db/client.js';
import { bulletinFiles, bulletins, notices, orgUnits } from '../db/schema/index.js';
import { eq } from 'drizzle-orm';
import { today } from '../clock.js';
import type { ApiRequest } from './api.js';
import { makeRegion, makeUnit } from './factories.js';
import type { BodyKind } from './garbage.js';
import { makeLedgerEntry } from './inspectionCalls.js';
import type { CallBuilder, CallEnv } from './routeCalls.js';

const SECTIONS = [{ heading: '督查基本情况', paragraphs: ['本季度共督查12个单位，发现问题9个。'], subsections: [] }];

/**
 * A 文号 no other document of the test's database carries (each 文号 is unique): a series of the tests'
 * own (测通, 测催), since the API numbers on from the highest of its 督通/督催 series and would meet these.
 */
let serial = 1000;
const nextSerial = () => serial++;

/** A bulletin written straight to the database: a draft, or issued with (stand-in) frozen bytes. */
export async function makeBulletin(database: Database, status: 'draft' | 'issued' = 'draft') {
  const [row] = await database.db
    .insert(bulletins)
    .values({ periodFrom: '2026-04-01', periodTo: '2026-06-30', title: '关于2026年第二季度督查情况的通报', docNumber: `测通〔2026〕${nextSerial()}号`, issuer: '双台子区督查室', issueDate: today(), sections: SECTIONS, status, regionId: (await makeRegion(database)).id })
    .returning();
  if (status === 'issued') await database.db.insert(bulletinFiles).values({ bulletinId: row!.id, sha256: 'stand-in', content: Buffer.from('PK stand-in') });
  return row!;
}

const unitRegionId = async (database: Database, unitId: string) =>
  (await database.db.select({ regionId: orgUnits.regionId }).from(orgUnits).where(eq(orgUnits.id, unitId)))[0]!.regionId;

/** A notice sent to `unitId` about a late ledger entry there, written straight to the database (in the unit's region's series). */
export async function makeNotice(database: Database, unitId: string) {
  const entry = await makeLedgerEntry(database, unitId, { over: { deadline: '2026-01-05' } });
  const [row] = await database.db
    .insert(notices)
    .values({ kind: 'urge', colour: 'blue', docNumber: `测催〔2026〕${nextSerial()}号`, unitId, subjectType: 'ledger', subjectId: entry.id, subjectTitle: entry.finding, ledgerEntryId: entry.id, workdaysLate: 3, deadline: entry.deadline, content: '请抓紧整改。', replyBy: today(), regionId: await unitRegionId(database, unitId) })
    .returning();
  return row!;
}

/** The role's own unit (a unit role reads only its own notices). */
async function ownUnit(env: CallEnv, role: Role) {
  const session = await env.session(role);
  const me = await env.app.inject({ url: '/api/me', headers: session.headers });
  return { session, unitId: me.json().data.unit.id as string };
}

const onBulletin =
  (status: 'draft' | 'issued', build: (id: string) => ApiRequest): CallBuilder =>
  async (env, role) => ({ req: build((await makeBulletin(env.database, status)).id), session: await env.session(role) });

const onNotice =
  (build: (id: string) => ApiRequest): CallBuilder =>
  async (env, role) => {
    const me = await ownUnit(env, role);
    return { req: build((await makeNotice(env.database, me.unitId)).id), session: me.session };
  };

/** One builder per bulletin and notice route, keyed "METHOD /path" as Fastify lists it. */
export const BULLETIN_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/bulletins': async (env, role) => ({ req: { method: 'GET', url: '/api/bulletins?perPage=5' }, session: await env.session(role) }),
  'GET /api/bulletins/:id': onBulletin('issued', (id) => ({ method: 'GET', url: `/api/bulletins/${id}` })),
  'GET /api/bulletins/:id.docx': onBulletin('issued', (id) => ({ method: 'GET', url: `/api/bulletins/${id}.docx` })),
  'POST /api/bulletins': async (env, role) => ({ req: { method: 'POST', url: '/api/bulletins', payload: { periodFrom: '2026-04-01', periodTo: '2026-06-30' } }, session: await env.session(role) }),
  'PATCH /api/bulletins/:id': onBulletin('draft', (id) => ({ method: 'PATCH', url: `/api/bulletins/${id}`, payload: { version: 0, cc: '区委办公室' } })),
  'POST /api/bulletins/:id/issue': onBulletin('draft', (id) => ({ method: 'POST', url: `/api/bulletins/${id}/issue`, payload: { version: 0 } })),
  'GET /api/notices': async (env, role) => ({ req: { method: 'GET', url: '/api/notices?perPage=5' }, session: await env.session(role) }),
  'GET /api/notices/:id': onNotice((id) => ({ method: 'GET', url: `/api/notices/${id}` })),
  'GET /api/notices/:id.docx': onNotice((id) => ({ method: 'GET', url: `/api/notices/${id}.docx` })),
  'POST /api/notices': async (env, role) => {
    const entry = await makeLedgerEntry(env.database, (await makeUnit(env.database)).id, { over: { deadline: '2026-01-05' } });
    return { req: { method: 'POST', url: '/api/notices', payload: { subject: { type: 'ledger', id: entry.id } } }, session: await env.session(role) };
  },
  'POST /api/notices/:id/acknowledge': onNotice((id) => ({ method: 'POST', url: `/api/notices/${id}/acknowledge`, payload: { version: 0 } })),
};

const SEE_ALL = ['inspector', 'hq_office', 'leader', 'oversight', 'assessor'] as const;
const UNIT = ['liaison', 'unit_head'] as const;
/**
 * Who may call what, written by hand from the brief: inspectors write and issue bulletins, which
 * the overseers read and units read once issued; inspectors and the HQ office send notices, which
 * the overseers read and units read (their own) and acknowledge; the separated administrators,
 * the publicity office and the task forces nothing.
 */
export const BULLETIN_MATRIX: Record<string, readonly Role[]> = {
  'GET /api/bulletins': [...SEE_ALL, ...UNIT],
  'GET /api/bulletins/:id': [...SEE_ALL, ...UNIT],
  'GET /api/bulletins/:id.docx': [...SEE_ALL, ...UNIT],
  'POST /api/bulletins': ['inspector'],
  'PATCH /api/bulletins/:id': ['inspector'],
  'POST /api/bulletins/:id/issue': ['inspector'],
  'GET /api/notices': [...SEE_ALL, ...UNIT],
  'GET /api/notices/:id': [...SEE_ALL, ...UNIT],
  'GET /api/notices/:id.docx': [...SEE_ALL, ...UNIT],
  'POST /api/notices': ['inspector', 'hq_office'],
  'POST /api/notices/:id/acknowledge': UNIT,
};

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
/** Every bulletin and notice write, who may call it and what its input looks like, for the garbage property test. */
export const BULLETIN_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/bulletins', role: 'inspector', body: json(B.BulletinCreate) },
  { key: 'PATCH /api/bulletins/:id', role: 'inspector', body: json(B.BulletinUpdate) },
  { key: 'POST /api/bulletins/:id/issue', role: 'inspector', body: json(B.BulletinIssue.nullish()) },
  { key: 'POST /api/notices', role: 'inspector', body: json(N.NoticeCreate) },
  { key: 'POST /api/notices/:id/acknowledge', role: 'liaison', body: json(N.NoticeAcknowledge.nullish()) },
];
