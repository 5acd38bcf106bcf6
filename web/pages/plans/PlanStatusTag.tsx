import { Tag } from 'antd';
import type { PlanStatus } from '../../../domain/work.js';
import { useI18n } from '../../i18n/useI18n.js';

const COLOR: Record<PlanStatus, string> = { draft: 'default', under_review: 'processing', approved: 'cyan', published: 'green' };

/** A plan's review state (草稿 → 审议中 → 已批准 → 已印发). */
export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[status]} data-testid="plan-status" style={{ marginInlineEnd: 0 }}>
      {t(`plan.status.${status}`)}
    </Tag>
  );
}
