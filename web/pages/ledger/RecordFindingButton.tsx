import { useState, type CSSProperties } from 'react';
import { Button } from 'antd';
import { roleCodes, useCurrentUser } from '../../auth/CurrentUser.js';
import { useI18n } from '../../i18n/useI18n.js';
import { LedgerFormModal, type LedgerOrigin } from './LedgerFormModal.js';

export { itemOrigin } from './itemOrigin.js';

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
