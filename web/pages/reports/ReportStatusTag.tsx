import { Tag } from 'antd';
import type { ReportStatus } from '../../../domain/work.js';
import { useI18n } from '../../i18n/useI18n.js';

const COLOR: Record<ReportStatus, string> = { draft: 'default', submitted: 'processing', approved: 'cyan', reviewed: 'geekblue', accepted: 'green', returned: 'red' };

/** A report's status as a coloured tag. */
export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[status]} data-testid="report-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`reportStatus.${status}`)}
    </Tag>
  );
}
