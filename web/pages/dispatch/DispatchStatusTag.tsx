import { Tag } from 'antd';
import type { DispatchStatus } from '../../../domain/dispatch.js';
import { useI18n } from '../../i18n/useI18n.js';

const COLORS: Record<DispatchStatus, string> = { draft: 'default', sent: 'processing', closed: 'success' };

/** 草稿 / 已下发 / 已办结. */
export function DispatchStatusTag({ status }: { status: DispatchStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="dispatch-status">
      {t(`dispatch.status.${status}`)}
    </Tag>
  );
}
