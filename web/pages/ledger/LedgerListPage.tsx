import { useState } from 'react';
import { Button, Checkbox, Flex, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { oneOf, useAddressFilters } from '../../components/useAddressFilters.js';
import { KEY_LINKS, LEDGER_STATUSES, type KeyLink, type LedgerStatus } from '../../../domain/ledger.js';
import { useUnits } from '../../api/hooks.js';
import { ledgerXlsxUrl, listInspections, listLedger, type LedgerEntry, type LedgerFilter } from '../../api/ledger.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { ListOutputs, PRINT_ROWS } from '../../components/ListOutputs.js';
import { LoadError } from '../../components/LoadError.js';
import { filterStyle, PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { itemPath } from '../../../domain/itemPaths.js';
import { LedgerFormModal } from './LedgerFormModal.js';
import { LedgerStatusTag } from './LedgerStatusTag.js';
import { listNotices } from '../../api/bulletins.js';
import { SendNoticeButton } from '../bulletins/NoticeActions.js';

const PER_PAGE = 20;

/**
 * 督查台账 for the inspectors and the program's overseers, 整改事项 (`unitView`) for a unit: the same
 * list, which the server scopes to the reader (a unit sees its own entries). Filters live in the
 * address, so the home page and a campaign can link to a filtered view.
 */
export function LedgerListPage({ unitView = false }: { unitView?: boolean }) {
  const { t } = useI18n();
  const [sp, set] = useAddressFilters();
  const filter: LedgerFilter = {
    campaign: sp.get('campaign') || undefined,
    unit: sp.get('unit') || undefined,
    link: oneOf<KeyLink>(KEY_LINKS, sp.get('link')),
    status: oneOf<LedgerStatus>(LEDGER_STATUSES, sp.get('status')),
    overdue: sp.get('overdue') === 'true' ? 'true' : undefined,
    page: Number(sp.get('page')) || 1,
    // 打印 asks for the largest page; otherwise the list's own size.
    perPage: Number(sp.get('perPage')) === PRINT_ROWS ? PRINT_ROWS : PER_PAGE,
  };
  const list = useQuery({ queryKey: qk.ledger.list(filter), queryFn: () => listLedger(filter) });
  const campaigns = useQuery({ queryKey: qk.inspections.list({}), queryFn: () => listInspections() });
  const units = useUnits();
  // Whether this reader may send 催办单/督办单 (the notices' own policies): a button on late rows.
  const noticePolicies = useQuery({ queryKey: qk.notices.list({ perPage: 1 }), queryFn: () => listNotices({ perPage: 1 }), enabled: !unitView, retry: false });
  const mayNotice = can(noticePolicies.data?.policies, 'create');
  const [creating, setCreating] = useState(false);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const mayCreate = can(list.data?.policies, 'create');

  return (
    <PageCard
      title={t(unitView ? 'ledger.unitTitle' : 'ledger.listTitle')}
      testId="ledger-page"
      extra={
        <Flex gap={8} wrap>
          {/* Whoever reads the list may take it away as the workbook, with the filters shown. */}
          <ListOutputs exportUrl={ledgerXlsxUrl(filter)} testId="ledger" perPage={filter.perPage ?? PER_PAGE} loading={list.isFetching} showAll={() => set({ perPage: String(PRINT_ROWS) })} />
          {mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="ledger-new">
              {t('ledger.new')}
            </Button>
          )}
        </Flex>
      }
    >
      {unitView && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('ledger.unitHelp')}
        </Typography.Paragraph>
      )}
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={filterStyle(200)}
          placeholder={t('ledger.campaign')}
          value={filter.campaign}
          onChange={(v?: string) => set({ campaign: v })}
          options={(campaigns.data?.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
          data-testid="ledger-filter-campaign"
        />
        {!unitView && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={filterStyle(180)}
            placeholder={t('ledger.unit')}
            value={filter.unit}
            onChange={(v?: string) => set({ unit: v })}
            options={(units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="ledger-filter-unit"
          />
        )}
        <Select
          allowClear
          style={filterStyle(140)}
          placeholder={t('ledger.keyLink')}
          value={filter.link}
          onChange={(v?: string) => set({ link: v })}
          options={KEY_LINKS.map((l) => ({ value: l, label: t(`ledger.keyLink.${l}`) }))}
          data-testid="ledger-filter-link"
        />
        <Select
          allowClear
          style={filterStyle(140)}
          placeholder={t('ledger.status')}
          value={filter.status}
          onChange={(v?: string) => set({ status: v })}
          options={LEDGER_STATUSES.map((s) => ({ value: s, label: t(`ledger.status.${s}`) }))}
          data-testid="ledger-filter-status"
        />
        <Checkbox checked={filter.overdue === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })} data-testid="ledger-filter-overdue">
          {t('ledger.overdueOnly')}
        </Checkbox>
      </Flex>
      <ResponsiveTable<LedgerEntry>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.data ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ledger.empty') }}
        data-testid="ledger-table"
        onRow={(e) => ({ 'data-testid': 'ledger-row', 'data-id': e.id, 'data-status': e.status }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: filter.page,
          pageSize: filter.perPage,
          total: list.data?.page?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => set({ page: page === 1 ? undefined : String(page) }),
        }}
        columns={[
          // Widths keep the deadline and status in view at 1280 px: long unit names and findings wrap.
          { title: t('ledger.unit'), key: 'unit', render: (_, e) => <span style={{ display: 'inline-block', maxWidth: 150, whiteSpace: 'normal' }}>{e.unitName ?? '—'}</span> },
          {
            title: t('ledger.items'),
            key: 'items',
            render: (_, e) =>
              e.items.length ? (
                <Flex vertical style={{ maxWidth: 200 }}>
                  {e.items.map((i) => (
                    <Link key={i.itemId} to={itemPath(i.itemType, i.itemId)} style={{ whiteSpace: 'normal' }}>
                      {i.title ?? t(`ledger.source.${e.sourceKind}`)}
                    </Link>
                  ))}
                </Flex>
              ) : (
                '—'
              ),
          },
          { title: t('ledger.keyLink'), key: 'link', render: (_, e) => <Tag>{t(`ledger.keyLink.${e.keyLink}`)}</Tag> },
          {
            title: t('ledger.finding'),
            key: 'finding',
            render: (_, e) => (
              <Link to={`/ledger/${e.id}`} style={{ display: 'inline-block', maxWidth: 300, whiteSpace: 'normal' }} data-testid="ledger-link">
                {e.finding}
              </Link>
            ),
          },
          {
            title: t('ledger.deadline'),
            key: 'deadline',
            render: (_, e) => (
              <Flex gap={4} align="center">
                <span style={e.overdue ? { color: '#cf1322' } : undefined}>{formatDate(e.deadline)}</span>
                {e.overdue && (
                  <Tag color="error" data-testid="ledger-overdue">
                    {t('ledger.overdue')}
                  </Tag>
                )}
                {e.overdue && mayNotice && <SendNoticeButton subjectType="ledger" subjectId={e.id} size="small" />}
              </Flex>
            ),
          },
          { title: t('ledger.status'), key: 'status', render: (_, e) => <LedgerStatusTag status={e.status} /> },
        ]}
      />
      {creating && <LedgerFormModal campaign={filter.campaign} onClose={() => setCreating(false)} />}
    </PageCard>
  );
}

/** 整改事项: the unit's own entries (the server scopes the list to its units). */
export const RectificationsPage = () => <LedgerListPage unitView />;
