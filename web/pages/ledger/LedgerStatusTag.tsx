import { Tag } from 'antd';
import type { LedgerStatus } from '../../../domain/ledger.js';
import { useI18n } from '../../i18n/useI18n.js';

const COLORS: Record<LedgerStatus, string> = { open: 'volcano', rectifying: 'orange', submitted: 'processing', verified: 'cyan', closed: 'success' };

/** 待整改 / 整改中 / 待核查 / 已核查 / 已销号: warm while the unit owes its rectification, cool once it is with the inspectors. */
export function LedgerStatusTag({ status }: { status: LedgerStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="ledger-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`ledger.status.${status}`)}
    </Tag>
  );
}
