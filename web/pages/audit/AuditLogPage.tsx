import { useState } from 'react';
import { Button, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { AUDIT_CATEGORIES, auditCategory, type AuditCategory } from '../../../domain/auditCategories.js';
import { AUDIT_ACTION_WORDS } from '../../../domain/auditSentence.js';
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { listAudit, listAuditActors, type AuditFilter } from '../../api/admin.js';
import type { AuditRecord } from '../../api/types.js';
import { LoadError } from '../../components/LoadError.js';
import { filterStyle, PageCard } from '../../components/PageCard.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AuditRecordDetail } from './AuditRecordDetail.js';
import { AuditVerifyButton } from './AuditVerifyButton.js';
import { qk } from '../../api/queryKeys.js';

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
  const audit = useQuery({ queryKey: qk.audit.list(filter), queryFn: () => listAudit(filter), placeholderData: keepPreviousData });
  const actors = useQuery({ queryKey: qk.audit.actors, queryFn: listAuditActors });
  const { lang } = useI18n();
  // Pickers, not typed codes: every action in words, grouped by its category.
  const actionOptions = AUDIT_CATEGORIES.map((c) => ({
    label: t(`audit.category.${c}`),
    options: Object.entries(AUDIT_ACTION_WORDS)
      .filter(([a]) => auditCategory(a) === c)
      .map(([a, w]) => ({ value: a, label: `${w[lang]}（${a}）` })),
  })).filter((g) => g.options.length);
  const ENTITIES = ['user', 'session', 'region', 'unit', 'body', 'program', 'plan', 'task', 'target', 'project', 'report', 'blocker', 'evidence', 'security_policy', 'calendar_override', 'audit', 'access', 'system'];

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
          <Form.Item name="actor" label={t('audit.who')} style={{ ...filterStyle(180), marginBottom: 8 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(actors.data?.data ?? []).map((a) => ({ value: a.account, label: a.name ? `${a.name}（${a.account}）` : a.account }))}
              data-testid="audit-filter-actor"
            />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')} style={{ ...filterStyle(240), marginBottom: 8 }}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={actionOptions} data-testid="audit-filter-action" popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item name="entity" label={t('audit.entity')} style={{ ...filterStyle(140), marginBottom: 8 }}>
            <Select allowClear options={ENTITIES.map((e) => ({ value: e, label: t(`audit.entityKind.${e}` as never) }))} data-testid="audit-filter-entity" />
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
          // The record reads as one sentence, so the table fits a phone too.
          scroll={{ x: 340 }}
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
            {
              title: t('audit.at'),
              dataIndex: 'at',
              width: 110,
              render: (v: string, r) => (
                <Flex vertical gap={2}>
                  <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>
                  <Tag color={r.category === 'refusal' ? 'red' : r.category === 'reading' ? 'gold' : undefined} style={{ marginInlineEnd: 0, width: 'fit-content' }}>
                    {t(`audit.category.${r.category}`)}
                  </Tag>
                </Flex>
              ),
            },
            {
              title: t('audit.record'),
              key: 'sentence',
              render: (_, r) => (
                <Flex vertical gap={2}>
                  <span data-testid="audit-sentence">{r.sentence}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[r.ip ? t('audit.from', { ip: r.ip }) : '', r.session ? t('audit.sessionOpened', { session: r.session }) : ''].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Flex>
              ),
            },
          ]}
        />
      )}
    </PageCard>
  );
}
