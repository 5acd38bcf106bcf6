import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { normaliseTrackingCode } from '../../domain/complaints.js';
import type { Role } from '../../domain/enums.js';
import * as C from '../../domain/schemas/complaint.js';
import type { App } from '../app.js';
import type { Database } from '../db/client.js';
import { complaints, oversightCases } from '../db/schema/index.js';
import type { BodyKind } from './garbage.js';
import { multipartForm, type FormFile } from './multipartForm.js';
import type { CallBuilder } from './routeCalls.js';
import { OVERSIGHT_ONLY } from './oversightCalls.js';

/** A valid complaint as the public form sends it. */
export const complaintBody = (over: Record<string, unknown> = {}) => ({
  enterprise: '辽河新材料有限公司',
  contactPerson: '王经理',
  contact: '0427-5801234',
  environment: 'government_service',
  unitName: '区行政审批局',
  description: '施工许可申请材料齐全，窗口三次以“系统升级”为由不予受理，已超过承诺时限二十日。',
  ...over,
});

/** Files a complaint through the public route; its tracking code and (for oversight) the case made from it. */
export async function fileComplaint(app: App, over: Record<string, unknown> = {}): Promise<{ trackingCode: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/public/complaints', payload: complaintBody(over) });
  if (res.statusCode !== 200) throw new Error(`complaint not filed: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

/** A small real PNG (the demo's site photo): a complaint's photo in tests. */
export const COMPLAINT_PHOTO = readFileSync(new URL('../../demo/fixtures/site.png', import.meta.url));

/** Files a complaint with files through the public route, as the web form's multipart form does. */
export async function fileComplaintWithFiles(app: App, files: readonly FormFile[], over: Record<string, string> = {}): Promise<{ trackingCode: string }> {
  const form = multipartForm({ ...(complaintBody() as Record<string, string>), ...over }, files);
  const res = await app.inject({ method: 'POST', url: '/api/public/complaints', payload: form.payload, headers: form.headers });
  if (res.statusCode !== 200) throw new Error(`complaint not filed: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

/** The case a tracking code's complaint became, read straight from the database (tests only). */
export async function caseOfComplaint(database: Database, trackingCode: string): Promise<string> {
  const [row] = await database.db
    .select({ id: oversightCases.id })
    .from(oversightCases)
    .innerJoin(complaints, and(eq(oversightCases.sourceKind, 'complaint'), eq(oversightCases.sourceId, complaints.id)))
    .where(eq(complaints.trackingCode, normaliseTrackingCode(trackingCode)));
  return row!.id;
}

const onComplaintCase =
  (build: (caseId: string) => { method: 'GET' | 'POST'; url: string; payload?: unknown }): CallBuilder =>
  async (env, role) => {
    const { trackingCode } = await fileComplaint(env.app);
    return { req: build(await caseOfComplaint(env.database, trackingCode)), session: await env.session(role) };
  };

/** One builder per complaint route: the public two without a session, the oversight ones on a real complaint's case. */
export const COMPLAINT_ROUTE_CALLS: Record<string, CallBuilder> = {
  'POST /api/public/complaints': async () => ({ req: { method: 'POST', url: '/api/public/complaints', payload: complaintBody() }, session: null }),
  'GET /api/public/complaints/:trackingCode': async (env) => ({ req: { method: 'GET', url: `/api/public/complaints/${(await fileComplaint(env.app)).trackingCode}` }, session: null }),
  'GET /api/oversight/cases/:id/complaint': onComplaintCase((id) => ({ method: 'GET', url: `/api/oversight/cases/${id}/complaint` })),
  'POST /api/oversight/cases/:id/public-reply': onComplaintCase((id) => ({ method: 'POST', url: `/api/oversight/cases/${id}/public-reply`, payload: { reply: '经核查，区行政审批局已于3个工作日内受理并办结。' } })),
  'GET /api/oversight/cases/:id/complaint/files/:sha256': async (env, role) => {
    const { trackingCode } = await fileComplaintWithFiles(env.app, [{ filename: '窗口现场.png', contentType: 'image/png', bytes: COMPLAINT_PHOTO }]);
    const caseId = await caseOfComplaint(env.database, trackingCode);
    return { req: { method: 'GET', url: `/api/oversight/cases/${caseId}/complaint/files/${createHash('sha256').update(COMPLAINT_PHOTO).digest('hex')}` }, session: await env.session(role) };
  },
};

/** The public routes answer anyone; the case's complaint and its reply are the oversight role's, hidden from the rest. */
export const COMPLAINT_MATRIX: Record<string, 'public' | { hidden: readonly Role[] }> = {
  'POST /api/public/complaints': 'public',
  'GET /api/public/complaints/:trackingCode': 'public',
  'GET /api/oversight/cases/:id/complaint': { hidden: OVERSIGHT_ONLY },
  'POST /api/oversight/cases/:id/public-reply': { hidden: OVERSIGHT_ONLY },
  'GET /api/oversight/cases/:id/complaint/files/:sha256': { hidden: OVERSIGHT_ONLY },
};

/** Routes that answer without a session (the route-spelling and login-stage tests leave them out). */
export const PUBLIC_COMPLAINT_ROUTES = Object.keys(COMPLAINT_MATRIX).filter((k) => COMPLAINT_MATRIX[k] === 'public');

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
/** The complaint writes, for the garbage property test (the public one with no session: see its builder). */
export const COMPLAINT_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/public/complaints', role: 'liaison', body: json(C.ComplaintCreate) },
  { key: 'POST /api/oversight/cases/:id/public-reply', role: 'oversight', body: json(C.PublicReply) },
];
