import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ArticleKind, ArticleStatus } from '../../../domain/articles.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { articleFiles, articleImages, articles, evidence, evidenceUploads, users } from '../../db/schema/index.js';
import type { ArticleView } from '../../models/publicity.js';
import { hasRole } from '../../policies/actor.js';
import { ARTICLE_READERS } from '../../policies/article.js';
import { regionIn, scopeOf } from '../regionScope.js';

/** Articles: the publicity office and its reviewers see every one of their regions; nobody else any here (the portal shows the published). */
export function articleScope(actor: Actor | null): SQL | undefined {
  return hasRole(actor, ...ARTICLE_READERS) ? regionIn(articles.regionId, scopeOf(actor)) : sql`false`;
}

const viewRow = { article: articles, authorName: users.displayName };
const joined = (db: Executor) => db.select(viewRow).from(articles).leftJoin(users, eq(users.id, articles.authorId));

/** Articles the actor may see, newest change first, one page. */
export async function listArticles(
  db: Executor,
  actor: Actor | null,
  f: { status?: ArticleStatus | undefined; kind?: ArticleKind | undefined; q?: string | undefined },
  page: number,
  perPage: number,
): Promise<{ rows: ArticleView[]; total: number }> {
  const conds: (SQL | undefined)[] = [articleScope(actor)];
  if (f.status) conds.push(eq(articles.status, f.status));
  if (f.kind) conds.push(eq(articles.kind, f.kind));
  if (f.q) conds.push(sql`strpos(${articles.title}, ${f.q}) > 0`);
  const where = and(...conds);
  const [rows, [n]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(desc(articles.updatedAt), desc(articles.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: sql<number>`count(*)::int` }).from(articles).where(where),
  ]);
  return { rows, total: n?.n ?? 0 };
}

/** One article if the actor may see it. */
export async function findVisibleArticle(db: Executor, actor: Actor | null, id: string): Promise<ArticleView | undefined> {
  const [row] = await joined(db).where(and(eq(articles.id, id), articleScope(actor)));
  return row;
}

/** Of these images, the ones this user uploaded or this article already shows: what a save may keep. */
export async function keepableImages(db: Executor, userId: string, articleId: string | null, shas: readonly string[]): Promise<Set<string>> {
  if (!shas.length) return new Set();
  const mine = await db.select({ sha: evidenceUploads.sha256 }).from(evidenceUploads).where(and(eq(evidenceUploads.userId, userId), inArray(evidenceUploads.sha256, [...shas])));
  const shown = articleId ? await db.select({ sha: articleImages.sha256 }).from(articleImages).where(and(eq(articleImages.articleId, articleId), inArray(articleImages.sha256, [...shas]))) : [];
  return new Set([...mine, ...shown].map((r) => r.sha));
}

/** An image for the article readers: one an article shows, or one they uploaded themselves. */
export async function articleImageFor(db: Executor, actor: Actor, sha256: string) {
  const [row] = await db
    .select({ mime: evidence.mime, content: evidence.content })
    .from(evidence)
    .where(
      and(
        eq(evidence.sha256, sha256),
        sql`(exists (select 1 from ${articleImages} where ${articleImages.sha256} = ${sha256}) or exists (select 1 from ${evidenceUploads} where ${evidenceUploads.sha256} = ${sha256} and ${evidenceUploads.userId} = ${actor.userId}))`,
      ),
    );
  return row ? { mime: row.mime, name: `${sha256.slice(0, 12)}.${row.mime.split('/')[1]}`, content: Buffer.from(row.content) } : undefined;
}

/** An image for the public: only while an article showing it is published. */
export async function publicImage(db: Executor, sha256: string) {
  const [row] = await db
    .select({ mime: evidence.mime, content: evidence.content })
    .from(evidence)
    .where(
      and(
        eq(evidence.sha256, sha256),
        sql`exists (select 1 from ${articleImages} join ${articles} on ${articles.id} = ${articleImages.articleId} where ${articleImages.sha256} = ${sha256} and ${articles.status} = 'published')`,
      ),
    );
  return row ? { mime: row.mime, name: `${sha256.slice(0, 12)}.${row.mime.split('/')[1]}`, content: Buffer.from(row.content) } : undefined;
}

/** The .docx frozen when the article was published, if one was. */
export async function publishedDocx(db: Executor, articleId: string): Promise<Buffer | null> {
  const [row] = await db.select({ content: articleFiles.content }).from(articleFiles).where(eq(articleFiles.articleId, articleId));
  return row?.content ?? null;
}
