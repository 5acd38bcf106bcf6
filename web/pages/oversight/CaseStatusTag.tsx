import { Tag } from 'antd';
import type { CaseStatus } from '../../../domain/oversight.js';
import { useI18n } from '../../i18n/useI18n.js';

const COLORS: Record<CaseStatus, string> = { received: 'volcano', verifying: 'processing', handled: 'cyan', closed: 'success' };

/** 已受理 / 初核中 / 已处置 / 已办结. */
export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="case-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`oversight.status.${status}`)}
    </Tag>
  );
}
