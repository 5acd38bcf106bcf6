import type { PublishedRanking } from '../../../domain/articles.js';
import type { ArticleKind } from '../../../domain/articles.js';
import type { PublicPortal } from '../../../domain/schemas/article.js';
import type { AreaLights, ArticleRow } from '../../models/publicity.js';

/** The complaint form the portal links to (served by the main web app). */
export const COMPLAINT_PATH = '/public/complaint';

/** The portal's reply: article heads, each area's counts by light, the published rankings. Nothing names a person. */
export function presentPortal(f: { district: string; articles: ArticleRow[]; areas: AreaLights[] }, rankings: PublishedRanking[]): PublicPortal {
  return {
    data: {
      district: f.district,
      articles: f.articles.map((a) => ({ id: a.id, kind: a.kind as ArticleKind, title: a.title, excerpt: a.summary, publishedAt: a.publishedAt!.toISOString() })),
      areas: f.areas.map((g) => {
        const n = (l: string) => g.lights.filter((x) => x.light === l).reduce((s, x) => s + x.n, 0);
        const counts = { done: n('done'), green: n('green'), yellow: n('yellow'), red: n('red'), notStarted: n('not_started') };
        return { name: g.name, total: counts.done + counts.green + counts.yellow + counts.red + counts.notStarted, ...counts };
      }),
      rankings: rankings.map((r) => ({ scheme: r.scheme, category: r.category, period: r.period, rows: r.rows.map((x) => ({ rank: x.rank, unit: x.unit, score: x.score, grade: x.grade, mark: x.mark })) })),
      complaintPath: COMPLAINT_PATH,
    },
  };
}
