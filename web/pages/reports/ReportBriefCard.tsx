import { Alert, Descriptions, Typography } from 'antd';
import type { ReportBrief } from '../../api/workTypes.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

/**
 * Beside the report form, what the liaison needs to write the report: what the item asks, its
 * deadline, the last figure accepted on it, and — when the report came back — why.
 */
export function ReportBriefCard({ brief, returnReason }: { brief: ReportBrief; returnReason?: string | null }) {
  const { t } = useI18n();
  return (
    <div data-testid="report-brief">
      {returnReason && <Alert type="warning" showIcon title={t('report.returnedBecause', { reason: returnReason })} style={{ marginBottom: 12 }} data-testid="report-brief-returned" />}
      <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap', width: 110 } }}>
        <Descriptions.Item label={t('report.brief.content')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="report-brief-content">
            {brief.content || t('report.brief.noContent')}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t(brief.itemType === 'project' ? 'report.brief.operating' : 'report.brief.due')}>
          <span data-testid="report-brief-due">{brief.due ? formatDate(brief.due) : brief.itemType === 'task' ? t('item.ongoing') : '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('report.brief.last')}>
          <span data-testid="report-brief-last">
            {brief.lastAccepted ? t('report.brief.lastValue', { period: brief.lastAccepted.period, figure: brief.lastAccepted.figure }) : t('report.brief.noLast')}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
