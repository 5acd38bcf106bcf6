import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listDirectives, type Directive } from '../../api/directives.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { DirectiveFormModal } from './DirectiveFormModal.js';

/** 上级指示: what came from above, the latest first, with how many of its points are answered. */
export function DirectivesPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: qk.directives.list({}), queryFn: () => listDirectives() });
  const [registering, setRegistering] = useState(false);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <PageCard
      title={t('directive.listTitle')}
      testId="directives-page"
      extra={
        can(list.data?.policies, 'register') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="directive-new">
            {t('directive.new')}
          </Button>
        )
      }
    >
      <ResponsiveTable<Directive>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('directive.empty') }}
        columns={[
          {
            title: t('directive.title'),
            key: 'title',
            render: (_, d) => (
              <Link to={`/directives/${d.id}`} style={{ display: 'inline-block', maxWidth: 420, whiteSpace: 'normal' }} data-testid="directive-link">
                {d.title}
              </Link>
            ),
          },
          { title: t('directive.source'), dataIndex: 'source' },
          { title: t('directive.docNo'), key: 'docNo', render: (_, d) => d.docNo || '—' },
          { title: t('directive.receivedOn'), key: 'on', render: (_, d) => formatDate(d.receivedOn) },
          { title: t('directive.points'), key: 'points', render: (_, d) => t('directive.progress', { done: d.answeredPointCount, total: d.pointCount }) },
        ]}
      />
      {registering && <DirectiveFormModal onClose={() => setRegistering(false)} />}
    </PageCard>
  );
}
