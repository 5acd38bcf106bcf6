import { and, eq } from 'drizzle-orm';
import type { ArticleUpdate } from '../../../domain/schemas/article.js';
import { recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { articles } from '../../db/schema/index.js';
import { AppError, notFound, unauthenticated, versionConflict } from '../../errors.js';
import { articleScope } from '../../queries/publicity/articles.js';
import { cleanBody, syncImages } from './articleBody.js';

/** Edits a draft: what is given replaces what was, if the version is still the one read; the body sanitised. Only a draft changes (409). */
export async function updateArticle(ctx: Ctx, id: string, input: ArticleUpdate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const [before] = await tx
      .select()
      .from(articles)
      .where(and(eq(articles.id, id), articleScope(actor)))
      .for('update');
    if (!before) throw notFound('article');
    if (before.status !== 'draft') throw new AppError(409, 'article_not_draft', { status: `@article_status_${before.status}` });
    if (before.version !== input.version) throw versionConflict();
    const set: Partial<typeof articles.$inferInsert> = { version: input.version + 1, updatedAt: clockNow() };
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.title !== undefined) set.title = input.title;
    if (input.excerpt !== undefined) set.summary = input.excerpt;
    if (input.content !== undefined) set.html = await cleanBody(tx, actor.userId, id, input.content);
    const [after] = await tx
      .update(articles)
      .set(set)
      .where(and(eq(articles.id, id), eq(articles.version, input.version)))
      .returning();
    if (set.html !== undefined) await syncImages(tx, id, set.html);
    const brief = (r: typeof before) => ({ kind: r.kind, title: r.title, summary: r.summary, htmlLength: r.html.length });
    await recordAudit(tx, ctx, 'article.updated', { entity: 'article', entityId: id, before: brief(before), after: brief(after!) });
    return after!;
  });
}
