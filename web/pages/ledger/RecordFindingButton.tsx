import { useState, type CSSProperties } from 'react';
import { Button } from 'antd';
import { itemSourceProblem } from '../../../domain/ledger.js';
import type { LightReason } from '../../../domain/lights.js';
import type { ItemType } from '../../../domain/work.js';
import { roleCodes, useCurrentUser } from '../../auth/CurrentUser.js';
import type { LightReasonView } from '../../api/workTypes.js';
import { useI18n } from '../../i18n/useI18n.js';
import { LedgerFormModal, type LedgerOrigin } from './LedgerFormModal.js';

interface ItemFacts {
  itemType: ItemType;
  itemId: string;
  title: string;
  light: string;
  lightReasons: readonly LightReasonView[];
  /** The item's units, lead first. */
  unitIds: readonly string[];
}

/** An item as a finding's origin: its light picks the source the server checks (red → 红灯事项, overdue → 逾期事项, else a finding entered on it). */
export function itemOrigin({ itemType, itemId, title, light, lightReasons, unitIds }: ItemFacts): LedgerOrigin {
  // The page's reasons carry their code as a plain string; the rule reads only the code.
  const facts = { light, lightReasons: lightReasons.map((r) => ({ code: r.code as LightReason['code'] })) };
  const kind = itemSourceProblem('red_light', facts) === null ? 'red_light' : itemSourceProblem('overdue', facts) === null ? 'overdue' : 'entered';
  return { kind, id: itemId, item: { itemType, itemId }, title, unitIds };
}

/**
 * 登记督查问题 on a task, target or project page or a blocker, for inspectors (the only role the
 * server lets record a finding: `ledgerPolicy.route.create`; those pages carry no ledger policies,
 * so the role is read here and the server decides again).
 */
export function RecordFindingButton({ origin, size, style }: { origin: LedgerOrigin; size?: 'small'; style?: CSSProperties }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  if (!roleCodes(me).includes('inspector') || (origin.kind === 'entered' && origin.unitIds.length === 0)) return null;
  return (
    <>
      <Button size={size} style={style} onClick={() => setOpen(true)} data-testid="ledger-record">
        {t('ledger.new')}
      </Button>
      {open && <LedgerFormModal origin={origin} onClose={() => setOpen(false)} />}
    </>
  );
}
