import { Empty, Timeline, Typography } from 'antd';
import type { ReportDetail } from '../../api/workTypes.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

const COLOR = { submit: 'blue', approve: 'green', review: 'green', accept: 'green', return: 'red' } as const;

/** 流转记录: every step with who took it, when, the reason of a return and any 审批意见. */
export function ReportSteps({ steps }: { steps: ReportDetail['steps'] }) {
  const { t } = useI18n();
  if (!steps.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noSteps')} />;
  return (
    <Timeline
      data-testid="report-steps"
      items={steps.map((s) => ({
        color: COLOR[s.action],
        content: (
          <div data-testid={`report-step-${s.action}`}>
            <Typography.Text strong>{t(`reportAction.${s.action}`)}</Typography.Text>
            <Typography.Text type="secondary"> · {s.actorName ?? '—'} · {formatDateTime(s.at)}</Typography.Text>
            {s.reason && (
              <div data-testid="step-note">{s.action === 'return' ? t('report.returnedBecause', { reason: s.reason }) : t('report.commentWas', { comment: s.reason })}</div>
            )}
          </div>
        ),
      }))}
    />
  );
}
