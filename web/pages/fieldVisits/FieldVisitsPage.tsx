import { useState } from 'react';
import { Button, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listFieldVisits, type FieldVisit } from '../../api/fieldVisits.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { FieldVisitFormModal } from './FieldVisitFormModal.js';

/** 调研督导: the task forces' visits, the latest first, with how many findings still wait to be acted on. */
export function FieldVisitsPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: qk.fieldVisits.list({}), queryFn: () => listFieldVisits() });
  const [logging, setLogging] = useState(false);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <PageCard
      title={t('visit.listTitle')}
      testId="visits-page"
      extra={
        can(list.data?.policies, 'log') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)} data-testid="visit-new">
            {t('visit.new')}
          </Button>
        )
      }
    >
      <ResponsiveTable<FieldVisit>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('visit.empty') }}
        columns={[
          { title: t('visit.visitedOn'), key: 'on', render: (_, v) => formatDate(v.visitedOn) },
          {
            title: t('visit.place'),
            key: 'place',
            render: (_, v) => (
              <Link to={`/field-visits/${v.id}`} data-testid="visit-link">
                {v.place}
              </Link>
            ),
          },
          { title: t('visit.body'), dataIndex: 'bodyName' },
          {
            title: t('visit.findings'),
            key: 'findings',
            render: (_, v) =>
              v.openFindingCount ? (
                <Typography.Text type="warning">{t('visit.open', { open: v.openFindingCount, total: v.findingCount })}</Typography.Text>
              ) : v.findingCount ? (
                t('visit.allActed', { total: v.findingCount })
              ) : (
                '—'
              ),
          },
          { title: t('visit.by'), key: 'by', render: (_, v) => v.createdByName ?? '—' },
        ]}
      />
      {logging && <FieldVisitFormModal onClose={() => setLogging(false)} />}
    </PageCard>
  );
}
