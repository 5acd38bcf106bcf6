import { useState } from 'react';
import { Button, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { AUDIT_CATEGORIES, type AuditCategory } from '../../../domain/auditCategories.js';
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { listAudit, type AuditFilter } from '../../api/admin.js';
import { KEYS } from '../../api/hooks.js';
import type { AuditRecord } from '../../api/types.js';
import { LoadError } from '../../components/LoadError.js';
import { filterStyle, PageCard } from '../../components/PageCard.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AuditRecordDetail } from './AuditRecordDetail.js';
import { AuditVerifyButton } from './AuditVerifyButton.js';

interface FilterValues {
  category?: AuditCategory;
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

type Criteria = Omit<AuditFilter, 'page' | 'perPage'>;

const clean = (s: string | undefined) => s?.trim() || undefined;
function toCriteria(v: FilterValues): Criteria {
  const c: Criteria = {};
  const set = (k: 'actor' | 'action' | 'entity' | 'entityId') => {
    const x = clean(v[k]);
    if (x) c[k] = x;
  };
  (['actor', 'action', 'entity', 'entityId'] as const).forEach(set);
  if (v.category) c.category = v.category;
  if (v.range?.[0]) c.from = v.range[0].toISOString();
  if (v.range?.[1]) c.to = v.range[1].toISOString();
  return c;
}

/** 审计日志 (auditor): filter the append-only record of every change; expand a row for before/after. */
export function AuditLogPage() {
  const { t } = useI18n();
  const [criteria, setCriteria] = useState<Criteria>({});
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(50);
  const filter: AuditFilter = { ...criteria, page, perPage };
  const audit = useQuery({ queryKey: [...KEYS.audit, filter], queryFn: () => listAudit(filter), placeholderData: keepPreviousData });

  return (
    <PageCard title={t('audit.title')} testId="audit-page">
      <AuditVerifyButton />
      <Form<FilterValues>
        layout="vertical"
        onFinish={(v) => {
          setCriteria(toCriteria(v));
          setPage(1);
        }}
        onReset={() => {
          setCriteria({});
          setPage(1);
        }}
      >
        <Flex wrap gap={8} align="flex-end">
          <Form.Item name="category" label={t('audit.category')} style={{ ...filterStyle(200), marginBottom: 8 }}>
            <Select
              allowClear
              placeholder={t('audit.category.all')}
              options={AUDIT_CATEGORIES.map((c) => ({ value: c, label: t(`audit.category.${c}`) }))}
              data-testid="audit-filter-category"
            />
          </Form.Item>
          <Form.Item name="actor" label={t('audit.actor')} style={{ ...filterStyle(140), marginBottom: 8 }}>
            <Input allowClear data-testid="audit-filter-actor" />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')} style={{ ...filterStyle(160), marginBottom: 8 }}>
            <Input allowClear placeholder="user.created" data-testid="audit-filter-action" />
          </Form.Item>
          <Form.Item name="entity" label={t('audit.entity')} style={{ ...filterStyle(120), marginBottom: 8 }}>
            <Input allowClear placeholder="user" />
          </Form.Item>
          <Form.Item name="entityId" label={t('audit.entityId')} style={{ ...filterStyle(160), marginBottom: 8 }}>
            <Input allowClear />
          </Form.Item>
          <Form.Item name="range" label={t('audit.range')} style={{ ...filterStyle(320), marginBottom: 8 }}>
            <DatePicker.RangePicker showTime allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
          <Flex gap={8} style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t('common.search')}
            </Button>
            <Button htmlType="reset">{t('common.reset')}</Button>
          </Flex>
        </Flex>
      </Form>
      {audit.isError ? (
        <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <Table<AuditRecord>
          rowKey="id"
          size="small"
          style={{ marginTop: 8 }}
          loading={audit.isFetching}
          dataSource={audit.data?.data ?? []}
          // A fixed minimum width, not max-content: an opened record's long hashes and JSON wrap
          // inside the table instead of widening it past the screen (the columns then vanished).
          scroll={{ x: 960 }}
          expandable={{ expandedRowRender: (r) => <AuditRecordDetail record={r} />, expandRowByClick: true }}
          pagination={{
            current: page,
            pageSize: perPage,
            total: audit.data?.page?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size === perPage ? p : 1);
              setPerPage(size);
            },
          }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
            { title: t('audit.actor'), dataIndex: 'actorAccount', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> },
            {
              title: t('audit.category'),
              dataIndex: 'category',
              render: (c: AuditCategory) => <Tag color={c === 'refusal' ? 'red' : c === 'reading' ? 'gold' : undefined}>{t(`audit.category.${c}`)}</Tag>,
            },
            { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{v}</Typography.Text> },
            { title: t('audit.entity'), dataIndex: 'entity' },
            { title: t('audit.entityId'), dataIndex: 'entityId', render: (v: string | null) => v ?? '—' },
            { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </PageCard>
  );
}
