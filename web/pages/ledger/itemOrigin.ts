import { itemSourceProblem } from '../../../domain/ledger.js';
import type { LightReason } from '../../../domain/lights.js';
import type { ItemType } from '../../../domain/work.js';
import type { LightReasonView } from '../../api/workTypes.js';
import type { LedgerOrigin } from './LedgerFormModal.js';

export interface ItemFacts {
  itemType: ItemType;
  itemId: string;
  title: string;
  light: string;
  lightReasons: readonly Pick<LightReasonView, 'code'>[];
  /** The item's units, lead first. */
  unitIds: readonly string[];
}

/**
 * An item as a finding's origin: its light picks the source the server checks (red → 红灯事项,
 * overdue → 逾期事项, else a finding entered on it), by the same rule the server applies
 * (domain/ledger.ts itemSourceProblem), so the form never offers a source the server refuses.
 */
export function itemOrigin({ itemType, itemId, title, light, lightReasons, unitIds }: ItemFacts): LedgerOrigin {
  // The page's reasons carry their code as a plain string; the rule reads only the code.
  const facts = { light, lightReasons: lightReasons.map((r) => ({ code: r.code as LightReason['code'] })) };
  const kind = itemSourceProblem('red_light', facts) === null ? 'red_light' : itemSourceProblem('overdue', facts) === null ? 'overdue' : 'entered';
  return { kind, id: itemId, item: { itemType, itemId }, title, unitIds };
}
