import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { ArticleStatus } from '../../domain/articles.js';
import type { Role } from '../../domain/enums.js';
import * as A from '../../domain/schemas/article.js';
import type { Database } from '../db/client.js';
import { articleImages, articles, evidence } from '../db/schema/index.js';
import type { ApiRequest } from './api.js';
import { makeRegion } from './factories.js';
import type { BodyKind } from './garbage.js';
import { multipartForm } from './multipartForm.js';
import type { CallBuilder } from './routeCalls.js';

/** A real PNG (the demo's site photo): an article's image in tests. */
const PHOTO = readFileSync(new URL('../../demo/fixtures/site.png', import.meta.url));

/** An article written straight to the database in a state, by nobody in particular (so any reviewer may approve it). */
export async function makeArticle(database: Database, status: ArticleStatus = 'draft', over: Partial<typeof articles.$inferInsert> = {}) {
  const stamped = status === 'published' || status === 'withdrawn' ? { publishedAt: new Date() } : {};
  const [row] = await database.db
    .insert(articles)
    .values({ kind: 'news', title: '全区重点项目集中开工', summary: '12个项目集中开工', html: '<p>全区12个重点项目集中开工，总投资86亿元。</p>', status, ...stamped, regionId: (await makeRegion(database)).id, ...over })
    .returning();
  return row!;
}

/** An image shown by a (draft) article, stored straight in the evidence store: its SHA-256. */
async function shownImage(database: Database): Promise<string> {
  const bytes = Buffer.concat([PHOTO, randomBytes(8)]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await database.db.insert(evidence).values({ sha256, size: bytes.length, mime: 'image/png', content: bytes });
  const a = await makeArticle(database, 'published');
  await database.db.insert(articleImages).values({ articleId: a.id, sha256 });
  return sha256;
}

const onArticle =
  (status: ArticleStatus, build: (id: string) => ApiRequest): CallBuilder =>
  async (env, role) => ({ req: build((await makeArticle(env.database, status)).id), session: await env.session(role) });

const step = (status: ArticleStatus, action: string, payload: Record<string, unknown> = { version: 0 }) => onArticle(status, (id) => ({ method: 'POST', url: `/api/articles/${id}/${action}`, payload }));

/** One builder per article, briefing and public-portal route, keyed "METHOD /path" as Fastify lists it. */
export const PUBLICITY_ROUTE_CALLS: Record<string, CallBuilder> = {
  'GET /api/articles': async (env, role) => ({ req: { method: 'GET', url: '/api/articles?perPage=5' }, session: await env.session(role) }),
  'GET /api/articles/:id': onArticle('draft', (id) => ({ method: 'GET', url: `/api/articles/${id}` })),
  'POST /api/articles': async (env, role) => ({ req: { method: 'POST', url: '/api/articles', payload: { kind: 'policy', title: '政策解读', content: '<p>解读</p>' } }, session: await env.session(role) }),
  'PATCH /api/articles/:id': onArticle('draft', (id) => ({ method: 'PATCH', url: `/api/articles/${id}`, payload: { version: 0, title: '改后的标题' } })),
  'POST /api/articles/:id/submit': step('draft', 'submit'),
  'POST /api/articles/:id/approve': step('review', 'approve'),
  'POST /api/articles/:id/return': step('review', 'return', { version: 0, reason: '数据需核实' }),
  'POST /api/articles/:id/withdraw': step('published', 'withdraw'),
  'POST /api/articles/:id/revise': step('withdrawn', 'revise'),
  'POST /api/articles/images': async (env, role) => {
    const form = multipartForm({}, [{ filename: '开工现场.png', contentType: 'image/png', bytes: PHOTO }], 'file');
    return { req: { method: 'POST', url: '/api/articles/images', payload: form.payload, headers: form.headers }, session: await env.session(role) };
  },
  'GET /api/articles/images/:sha256': async (env, role) => ({ req: { method: 'GET', url: `/api/articles/images/${await shownImage(env.database)}` }, session: await env.session(role) }),
  'POST /api/briefings': async (env, role) => ({ req: { method: 'POST', url: '/api/briefings', payload: { periodStart: '2026-11-01', periodEnd: '2026-11-30' } }, session: await env.session(role) }),
  'GET /api/briefings/:id.docx': onArticle('draft', (id) => ({ method: 'GET', url: `/api/briefings/${id}.docx` })),
  'GET /api/public/portal': async () => ({ req: { method: 'GET', url: '/api/public/portal' }, session: null }),
  'GET /api/public/articles/:id': async (env) => ({ req: { method: 'GET', url: `/api/public/articles/${(await makeArticle(env.database, 'published')).id}` }, session: null }),
  'GET /api/public/images/:sha256': async (env) => ({ req: { method: 'GET', url: `/api/public/images/${await shownImage(env.database)}` }, session: null }),
};

const READERS = ['publicist', 'hq_office', 'leader'] as const;
const REVIEWERS = ['hq_office', 'leader'] as const;
/**
 * Who may call what, written by hand from the brief: the publicist writes, uploads images, generates
 * 简报 and submits; the HQ office and leaders review (publish or return) and read all; a published
 * article is withdrawn by either; everyone else nothing here — the portal is public.
 */
export const PUBLICITY_MATRIX: Record<string, readonly Role[] | 'public'> = {
  'GET /api/articles': READERS,
  'GET /api/articles/:id': READERS,
  'POST /api/articles': ['publicist'],
  'PATCH /api/articles/:id': ['publicist'],
  'POST /api/articles/:id/submit': ['publicist'],
  'POST /api/articles/:id/approve': REVIEWERS,
  'POST /api/articles/:id/return': REVIEWERS,
  'POST /api/articles/:id/withdraw': READERS,
  'POST /api/articles/:id/revise': ['publicist'],
  'POST /api/articles/images': ['publicist'],
  'GET /api/articles/images/:sha256': READERS,
  'POST /api/briefings': ['publicist'],
  'GET /api/briefings/:id.docx': READERS,
  'GET /api/public/portal': 'public',
  'GET /api/public/articles/:id': 'public',
  'GET /api/public/images/:sha256': 'public',
};

/** The portal's routes answer without a session (the route-spelling and login-stage tests leave them out). */
export const PUBLIC_PORTAL_ROUTES = Object.keys(PUBLICITY_MATRIX).filter((k) => PUBLICITY_MATRIX[k] === 'public');

const json = (schema: z.ZodType): BodyKind => ({ kind: 'json', schema });
/** Every article and briefing write, who may call it and what its input looks like, for the garbage property test. */
export const PUBLICITY_WRITE_TARGETS: { key: string; role: Role; body: BodyKind }[] = [
  { key: 'POST /api/articles', role: 'publicist', body: json(A.ArticleCreate) },
  { key: 'PATCH /api/articles/:id', role: 'publicist', body: json(A.ArticleUpdate) },
  { key: 'POST /api/articles/:id/submit', role: 'publicist', body: json(A.ArticleStep.nullish()) },
  { key: 'POST /api/articles/:id/approve', role: 'hq_office', body: json(A.ArticleStep.nullish()) },
  { key: 'POST /api/articles/:id/return', role: 'hq_office', body: json(A.ArticleReturn) },
  { key: 'POST /api/articles/:id/withdraw', role: 'publicist', body: json(A.ArticleStep.nullish()) },
  { key: 'POST /api/articles/:id/revise', role: 'publicist', body: json(A.ArticleStep.nullish()) },
  { key: 'POST /api/articles/images', role: 'publicist', body: { kind: 'evidence' } },
  { key: 'POST /api/briefings', role: 'publicist', body: json(A.BriefingCreate) },
];
