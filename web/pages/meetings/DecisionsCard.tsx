import { useState } from 'react';
import { Button, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Decision, MeetingDetail } from '../../api/meetings.js';
import { can, type Policies } from '../../api/types.js';
import { LightTag } from '../../components/LightTag.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate } from '../../format.js';
import { PageCard } from '../../components/PageCard.js';
import { useI18n } from '../../i18n/useI18n.js';
import { DecisionFormModal } from './DecisionFormModal.js';

/**
 * 议定事项: what the meeting decided, who owns it and by when, tracked like an order (its light,
 * how many units replied); its order's page is where the office chases and the units reply.
 */
export function DecisionsCard({ meeting, policies }: { meeting: MeetingDetail; policies: Policies }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  return (
    <PageCard
      title={
        <>
          {t('decision.title')} <Tag>{meeting.decisions.length}</Tag>
        </>
      }
      extra={
        can(policies, 'update') && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="decision-add">
            {t('decision.add')}
          </Button>
        )
      }
      testId="meeting-decisions"
    >
      <ResponsiveTable<Decision>
        rowKey="id"
        size="small"
        dataSource={meeting.decisions}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('decision.empty') }}
        onRow={() => ({ 'data-testid': 'decision-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('decision.content'),
            key: 'content',
            render: (_, d) => (
              <Typography.Text style={{ display: 'inline-block', maxWidth: 360, whiteSpace: 'pre-wrap' }} data-testid="decision-content-read">
                {d.content}
              </Typography.Text>
            ),
          },
          { title: t('decision.units'), key: 'units', render: (_, d) => <span style={{ display: 'inline-block', maxWidth: 240, whiteSpace: 'normal' }}>{d.unitNames.join('、')}</span> },
          { title: t('decision.deadline'), key: 'deadline', render: (_, d) => formatDate(d.deadline) },
          { title: t('light.title'), key: 'light', render: (_, d) => <LightTag light={d.light} testId="decision-light" /> },
          { title: t('decision.replies'), key: 'replied', render: (_, d) => t('decision.replied', { replied: d.repliedCount, total: d.unitCount }) },
          {
            title: '',
            key: 'open',
            render: (_, d) => (
              <Link to={`/dispatches/${d.id}`} data-testid="decision-link">
                {t('decision.open')}
              </Link>
            ),
          },
        ]}
      />
      {adding && <DecisionFormModal meetingId={meeting.id} onClose={() => setAdding(false)} />}
    </PageCard>
  );
}
