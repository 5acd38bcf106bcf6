import { useState } from 'react';
import { Alert, Button, Flex, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { CASE_CATEGORIES, CASE_SOURCES, CASE_STATUSES, type CaseCategory, type CaseSource, type CaseStatus } from '../../../domain/oversight.js';
import { listCases, type CaseFilter, type OversightCase } from '../../api/oversight.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { LoadError } from '../../components/LoadError.js';
import { filterStyle, PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { oneOf, useAddressFilters } from '../../components/useAddressFilters.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { CaseFormModal } from './CaseFormModal.js';
import { CaseStatusTag } from './CaseStatusTag.js';
import { FiguresCard } from './FiguresCard.js';

const PER_PAGE = 20;

/** 问题线索: the oversight role's confidential cases, filtered in the address, with 遏增清存 above. */
export function CaseListPage() {
  const { t } = useI18n();
  const [sp, set] = useAddressFilters();
  const filter: CaseFilter = {
    status: oneOf<CaseStatus>(CASE_STATUSES, sp.get('status')),
    category: oneOf<CaseCategory>(CASE_CATEGORIES, sp.get('category')),
    source: oneOf<CaseSource>(CASE_SOURCES, sp.get('source')),
    q: sp.get('q') || undefined,
    page: Number(sp.get('page')) || 1,
    perPage: PER_PAGE,
  };
  const list = useQuery({ queryKey: qk.oversight.list(filter), queryFn: () => listCases(filter) });
  const [creating, setCreating] = useState(false);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const select = (key: 'status' | 'category' | 'source', values: readonly string[], width = 140) => (
    <Select
      allowClear
      style={filterStyle(width)}
      placeholder={t(`oversight.${key}`)}
      value={filter[key]}
      onChange={(v?: string) => set({ [key]: v })}
      options={values.map((v) => ({ value: v, label: t(`oversight.${key}.${v}` as 'oversight.status.received') }))}
      data-testid={`case-filter-${key}`}
    />
  );

  return (
    <Flex vertical gap={16}>
      <Alert type="warning" showIcon title={t('oversight.confidential')} data-testid="oversight-confidential" />
      <FiguresCard />
      <PageCard
        title={t('oversight.listTitle')}
        testId="case-list-page"
        extra={
          <Flex gap={8} wrap>
            <Link to="/oversight/watch">
              <Button>{t('menu.oversightWatch')}</Button>
            </Link>
            {can(list.data?.policies, 'create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="case-new">
                {t('oversight.new')}
              </Button>
            )}
          </Flex>
        }
      >
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          {select('status', CASE_STATUSES)}
          {select('category', CASE_CATEGORIES)}
          {select('source', CASE_SOURCES, 160)}
          <Input.Search allowClear style={filterStyle(200)} placeholder={t('oversight.search')} defaultValue={filter.q} onSearch={(v) => set({ q: v.trim() || undefined })} data-testid="case-filter-q" />
        </Flex>
        <ResponsiveTable<OversightCase>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.data ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('oversight.empty') }}
          data-testid="case-table"
          onRow={(c) => ({ 'data-testid': 'case-row', 'data-id': c.id, 'data-status': c.status }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: filter.page,
            pageSize: PER_PAGE,
            total: list.data?.page?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => set({ page: page === 1 ? undefined : String(page) }),
          }}
          columns={[
            {
              title: t('oversight.title'),
              key: 'title',
              render: (_, c) => (
                <Link to={`/oversight/cases/${c.id}`} style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }} data-testid="case-link">
                  {c.title}
                </Link>
              ),
            },
            { title: t('oversight.category'), key: 'category', render: (_, c) => <Tag>{t(`oversight.category.${c.category}`)}</Tag> },
            { title: t('oversight.unit'), key: 'unit', render: (_, c) => c.unitName ?? '—' },
            { title: t('oversight.source'), key: 'source', render: (_, c) => t(`oversight.source.${c.sourceKind}`) },
            { title: t('oversight.receivedAt'), key: 'at', render: (_, c) => formatDateTime(c.createdAt) },
            { title: t('oversight.status'), key: 'status', render: (_, c) => <CaseStatusTag status={c.status} /> },
          ]}
        />
        {creating && <CaseFormModal onClose={() => setCreating(false)} />}
      </PageCard>
    </Flex>
  );
}
