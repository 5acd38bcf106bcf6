import type { FeedKind } from '../../domain/feed.js';
import type { LightSummary, RegionLights } from '../../domain/feedLights.js';

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
  /**
   * The regions the event is in (its report's or blocker's unit's, its plan's program's, an order's
   * own and those of the units it was sent to, a reply's unit's); null for the midnight run's record,
   * which is every region's and shows each reader its regions' lights only.
   */
  regionIds: string[] | null;
  /** The light changes of the record's transaction, when it shows them, per region of the changed items. */
  lightParts: RegionLights[] | null;
  /** Those of them its reader sees (domain/feedLights.ts lightsIn; all of them as the hub reads). */
  lights: LightSummary | null;
}
