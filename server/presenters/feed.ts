import { auditSentence } from '../../domain/auditSentence.js';
import type { Lang } from '../../domain/enums.js';
import type { FeedEvent } from '../../domain/schemas/feed.js';
import type { FeedRow } from '../models/feed.js';

/** The item's code and title as the audit page names it ("S1-2.1 建设…"). */
const subject = (r: FeedRow): string | null => (r.itemTitle ? (r.itemCode ? `${r.itemCode} ${r.itemTitle}` : r.itemTitle) : null);

/** One feed event, every field listed; the sentence uses the audit page's words for the action. */
export function presentFeedEvent(r: FeedRow, lang: Lang): FeedEvent {
  return {
    id: r.id,
    at: r.at.toISOString(),
    kind: r.kind,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    itemType: r.itemType,
    itemId: r.itemId,
    itemTitle: r.itemTitle,
    unitId: r.unitId,
    unitName: r.unitName,
    areaId: r.areaId,
    areaName: r.areaName,
    actorName: r.actorName,
    sentence: auditSentence({ action: r.action, actorName: r.actorName, actorAccount: r.actorAccount, subject: subject(r) }, lang),
  };
}
