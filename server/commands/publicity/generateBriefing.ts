import { and, eq, sql } from 'drizzle-orm';
import { briefingHtml, briefingIssue, briefingTitle } from '../../../domain/articles.js';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import type { BriefingCreate } from '../../../domain/schemas/article.js';
import { recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { articles } from '../../db/schema/index.js';
import { unauthenticated } from '../../errors.js';
import { briefingFacts } from '../../queries/publicity/briefingFacts.js';
import { makerRegionId } from '../../queries/regionScope.js';

/**
 * 生成简报: the period's facts (accepted reports, milestones done, projects started, blockers solved,
 * published rankings) written as an editable draft of kind 简报, numbered in its year (2026年第3期).
 * From here it is an article like any other: edited, submitted, published.
 */
export async function generateBriefing(ctx: Ctx, input: BriefingCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    // The maker's region's facts, numbered in its own series.
    const regionId = await makerRegionId(tx, actor);
    const facts = await briefingFacts(tx, regionId, input.periodStart, input.periodEnd);
    const year = Number(shanghaiDate(clockNow()).slice(0, 4));
    // Numbered under a lock of the year's series, so two generated at once do not share a number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tuijin.briefing_issue'), ${year})`);
    const [n] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(articles)
      .where(and(eq(articles.kind, 'briefing'), eq(articles.regionId, regionId), sql`${articles.issueNumber} like ${`${year}年第%`}`));
    const [row] = await tx
      .insert(articles)
      .values({
        kind: 'briefing',
        title: briefingTitle(facts),
        summary: '',
        html: briefingHtml(facts),
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        issueNumber: briefingIssue(year, (n?.n ?? 0) + 1),
        authorId: actor.userId,
        regionId,
      })
      .returning();
    const counts = { reportsAccepted: facts.reportsAcceptedCount, milestones: facts.milestones.length, projectsStarted: facts.projectsStarted.length, blockersSolved: facts.blockersSolved.length, rankings: facts.rankings.length };
    await recordAudit(tx, ctx, 'briefing.generated', { entity: 'article', entityId: row!.id, after: { ...input, issueNumber: row!.issueNumber, ...counts } });
    return row!;
  });
}
