import { DatePicker, Flex, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { listDeliveries, type Delivery } from '../../api/inbox.js';
import { qk } from '../../api/queryKeys.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { oneOf, useAddressFilters } from '../../components/useAddressFilters.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

const PER_PAGE = 20;
const STATUSES = ['pending', 'sent', 'failed'] as const;
const STATUS_COLOURS = { pending: 'gold', sent: 'green', failed: 'red' } as const;
const CHANNELS = ['inbox', 'wecom', 'dingtalk', 'email'] as const;
type Channel = (typeof CHANNELS)[number];

/** 发送记录: what went to whom on which channel, whether it arrived and whether it was read (filters in the address). */
export function DeliveryLog() {
  const { t } = useI18n();
  const [sp, set] = useAddressFilters();
  const filter = { day: sp.get('day') || undefined, status: oneOf(STATUSES, sp.get('status')), page: Number(sp.get('page')) || 1, perPage: PER_PAGE };
  const list = useQuery({ queryKey: qk.deliveries.list(filter), queryFn: () => listDeliveries(filter) });
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <PageCard title={t('reminder.logTitle')} testId="delivery-log">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker value={filter.day ? dayjs(filter.day) : null} onChange={(d) => set({ day: d ? d.format('YYYY-MM-DD') : undefined })} placeholder={t('reminder.logDay')} data-testid="delivery-filter-day" />
        <Select
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('reminder.logStatus')}
          value={filter.status}
          onChange={(v: string | undefined) => set({ status: v })}
          options={STATUSES.map((s) => ({ value: s, label: t(`reminder.status.${s}`) }))}
          data-testid="delivery-filter-status"
        />
      </Flex>
      <ResponsiveTable<Delivery>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: filter.page, pageSize: PER_PAGE, total: list.data?.page?.total ?? 0, showSizeChanger: false, onChange: (p) => set({ page: String(p) }) }}
        columns={[
          { title: t('reminder.logDay'), key: 'day', render: (_, d) => formatDate(d.day) },
          { title: t('reminder.logTo'), key: 'to', render: (_, d) => d.userName },
          { title: t('reminder.logUnit'), key: 'unit', render: (_, d) => d.unitName ?? '—' },
          { title: t('reminder.logKind'), key: 'kind', render: (_, d) => t(`reminder.kind.${d.kind}`) },
          { title: t('reminder.logItems'), key: 'items', render: (_, d) => (d.kind === 'digest' ? d.items : '—') },
          { title: t('reminder.logChannel'), key: 'channel', render: (_, d) => (CHANNELS.includes(d.channel as Channel) ? t(`reminder.channel.${d.channel as Channel}`) : d.channel) },
          { title: t('reminder.logRecipient'), key: 'recipient', render: (_, d) => d.recipient ?? '—' },
          {
            title: t('reminder.logStatus'),
            key: 'status',
            render: (_, d) => (
              <Tag color={STATUS_COLOURS[d.status as keyof typeof STATUS_COLOURS] ?? 'default'} title={d.lastError ?? undefined}>
                {STATUSES.includes(d.status as (typeof STATUSES)[number]) ? t(`reminder.status.${d.status as (typeof STATUSES)[number]}`) : d.status}
              </Tag>
            ),
          },
          { title: t('reminder.logSentAt'), key: 'sentAt', render: (_, d) => formatDateTime(d.sentAt) },
          { title: t('reminder.logReadAt'), key: 'readAt', render: (_, d) => (d.readAt ? formatDateTime(d.readAt) : t('reminder.notRead')) },
        ]}
      />
    </PageCard>
  );
}
