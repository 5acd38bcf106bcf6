import type { FeedKind } from '../../domain/feed.js';
import type { LightSummary } from '../../domain/feedLights.js';

/** One audit record that is in the feed, with what it concerns (server/queries/feed.ts). */
export interface FeedRow {
  id: number;
  at: Date;
  action: string;
  kind: FeedKind;
  entity: string;
  entityId: string | null;
  actorName: string | null;
  actorAccount: string | null;
  itemType: string | null;
  itemId: string | null;
  itemTitle: string | null;
  itemCode: string | null;
  unitId: string | null;
  unitName: string | null;
  areaId: string | null;
  areaName: string | null;
  /** Who may read it (server/policies/feed.ts): the report's status, the plan's task force. */
  reportStatus: string | null;
  taskForceId: string | null;
  resolverUnitId: string | null;
  /** A tracked item's recipient units (entity `dispatch`). */
  recipientUnitIds: string[] | null;
  /** The light changes of the record's transaction, when it shows them (domain/feed.ts inFeedKind). */
  lights: LightSummary | null;
}
