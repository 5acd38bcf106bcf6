import type { ArticleCreate } from '../../../domain/schemas/article.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { articles } from '../../db/schema/index.js';
import { unauthenticated } from '../../errors.js';
import { makerRegionId } from '../../queries/regionScope.js';
import { cleanBody, syncImages } from './articleBody.js';

/** The publicist starts an article: a draft, its body sanitised before it is kept. */
export async function createArticle(ctx: Ctx, input: ArticleCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const html = await cleanBody(tx, actor.userId, null, input.content);
    const [row] = await tx.insert(articles).values({ kind: input.kind, title: input.title, summary: input.excerpt, html, authorId: actor.userId, regionId: await makerRegionId(tx, actor) }).returning();
    await syncImages(tx, row!.id, html);
    await recordAudit(tx, ctx, 'article.created', { entity: 'article', entityId: row!.id, after: { kind: row!.kind, title: row!.title } });
    return row!;
  });
}
