import { Card, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listResponseRequests, type ResponseRequest } from '../../api/promises.js';
import { qk } from '../../api/queryKeys.js';
import { LoadError } from '../../components/LoadError.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { RequestStatusTag } from './PromiseStateTag.js';

/** The written responses asked of the user's unit, open ones first: each opens its page. */
export function ResponseRequestsPage() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: qk.responseRequests.list({ perPage: 100 }), queryFn: () => listResponseRequests({ perPage: 100 }) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Card title={t('request.listTitle')} data-testid="response-requests">
      <Table<ResponseRequest>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.data ?? []}
        pagination={false}
        columns={[
          { title: t('request.requestedAt'), dataIndex: 'requestedAt', width: 150, render: (v: string) => formatDateTime(v) },
          {
            title: t('request.text'),
            dataIndex: 'text',
            render: (_: string, r) => (
              <Link to={`/response-requests/${r.id}`} data-testid="response-request-link">
                <Typography.Text ellipsis={{ tooltip: r.text }} style={{ maxWidth: 420 }}>
                  {r.text}
                </Typography.Text>
              </Link>
            ),
          },
          { title: t('request.enterprise'), dataIndex: 'enterprise', render: (v: string | null) => v ?? '—' },
          { title: t('request.deadline'), dataIndex: 'deadline', width: 110 },
          { title: t('promise.state'), dataIndex: 'status', width: 170, render: (_: string, r) => <RequestStatusTag status={r.status} overdue={r.overdue} /> },
        ]}
      />
    </Card>
  );
}
