import { and, eq } from 'drizzle-orm';
import { bulletinSections, defaultBulletinTitle } from '../../../domain/bulletin.js';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import type { BulletinCreate } from '../../../domain/schemas/bulletin.js';
import { recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Ctx } from '../../context.js';
import { bulletins, inspections } from '../../db/schema/index.js';
import { unauthenticated } from '../../errors.js';
import { bulletinFacts, bulletinIssuer } from '../../queries/inspections/bulletinFacts.js';
import { makerRegionId } from '../../queries/regionScope.js';
import { referable } from '../../queries/writeScope.js';
import { nextDocNumber } from './nextDocNumber.js';
import { badReference } from '../planning/checks.js';

/** 督通: the prefix of a bulletin's document number until the inspector writes another. */
const PREFIX = '督通';

/**
 * An inspector starts a bulletin for a period (and optionally one campaign): its text is written
 * from the ledger and the lights as they are now (domain/bulletin.ts), with a title, the next
 * number of the year and today's date, all editable until it is issued.
 */
export async function createBulletin(ctx: Ctx, input: BulletinCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    // A campaign of another district is one that does not exist (the region seal).
    const [campaign] = input.inspectionId ? await tx.select().from(inspections).where(and(eq(inspections.id, input.inspectionId), referable(tx, inspections))) : [];
    if (input.inspectionId && !campaign) throw badReference('inspectionId');
    const today = shanghaiDate(clockNow());
    const year = Number(today.slice(0, 4));
    const regionId = campaign?.regionId ?? (await makerRegionId(tx, actor));
    const issuer = await bulletinIssuer(tx, regionId);
    const facts = await bulletinFacts(tx, { regionId, periodFrom: input.periodFrom, periodTo: input.periodTo, campaign: campaign ?? null }, today, issuer);
    const [row] = await tx
      .insert(bulletins)
      .values({
        inspectionId: campaign?.id ?? null,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        title: campaign ? `关于${campaign.title}情况的通报` : defaultBulletinTitle(input.periodFrom, input.periodTo),
        docNumber: await nextDocNumber(tx, 'bulletin', PREFIX, year, regionId),
        issuer,
        issueDate: today,
        sections: bulletinSections(facts),
        printer: issuer,
        createdById: actor.userId,
        regionId,
      })
      .returning();
    await recordAudit(tx, ctx, 'bulletin.created', { entity: 'bulletin', entityId: row!.id, after: row });
    return row!;
  });
}
