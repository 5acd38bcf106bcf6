import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { articles } from '../../db/schema/index.js';
import type { AreaLights, ArticleRow } from '../../models/publicity.js';
import { dashboardLights } from '../dashboardLights.js';
import { sliceSql } from '../dashboardSlice.js';
import { districtName } from '../org.js';

/** How many published articles the portal lists (newest first). */
export const PORTAL_ARTICLES = 30;

/**
 * What the public portal shows, read for nobody in particular: the published articles' heads, the
 * district's items per area counted by light (the dashboard's own roll-up of the whole district:
 * counts only, no item, unit or person), and the district's name.
 */
export async function portalFacts(db: Executor): Promise<{ district: string; articles: ArticleRow[]; areas: AreaLights[] }> {
  const [district, rows, lights] = await Promise.all([
    districtName(db),
    db.select().from(articles).where(eq(articles.status, 'published')).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(PORTAL_ARTICLES),
    dashboardLights(db, sliceSql(db, null, { whole: true })),
  ]);
  return { district: district ?? '', articles: rows, areas: lights.byArea.map((g) => ({ name: g.name, lights: g.lights })) };
}

/** One published article, or nothing (a draft, one in review or withdrawn is not there for the public). */
export async function publishedArticle(db: Executor, id: string): Promise<ArticleRow | undefined> {
  const [row] = await db
    .select()
    .from(articles)
    .where(and(eq(articles.id, id), eq(articles.status, 'published')));
  return row;
}
