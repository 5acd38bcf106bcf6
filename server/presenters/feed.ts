import { auditSentence } from '../../domain/auditSentence.js';
import type { Lang } from '../../domain/enums.js';
import type { LightSummary } from '../../domain/feedLights.js';
import type { FeedEvent } from '../../domain/schemas/feed.js';
import type { FeedRow } from '../models/feed.js';

/** The item's code and title as the audit page names it ("S1-2.1 建设…"). */
const subject = (r: FeedRow): string | null => (r.itemTitle ? (r.itemCode ? `${r.itemCode} ${r.itemTitle}` : r.itemTitle) : null);

function presentLights(s: LightSummary): FeedEvent['lights'] {
  const items = s.items.map((i) => ({ itemType: i.itemType, itemId: i.itemId, code: i.code, title: i.title, from: i.from, to: i.to, move: i.move }));
  return { red: s.red, yellow: s.yellow, recovered: s.recovered, done: s.done, other: s.other, items };
}

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
    lights: r.lights && presentLights(r.lights),
  };
}
