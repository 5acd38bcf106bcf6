import { Flex, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { NOTICE_COLOURS, NOTICE_KINDS, NOTICE_STATUSES, type NoticeColour, type NoticeKind, type NoticeStatus } from '../../../domain/notices.js';
import { listNotices, type Notice, type NoticeFilter } from '../../api/bulletins.js';
import { useUnits } from '../../api/hooks.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { oneOf, useAddressFilters } from '../../components/useAddressFilters.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { noticeSubjectPath as subjectPath } from '../../../domain/itemPaths.js';
import { NoticeActions } from './NoticeActions.js';
import { NoticeTag } from './NoticeTag.js';

const PER_PAGE = 20;


/**
 * 催办单/督办单: for the 督查室, the office and the overseers every notice, filtered by unit, kind,
 * colour and status (in the address); for a unit its own, each with its 签收 button until acknowledged.
 */
export function NoticesPage() {
  const { t } = useI18n();
  const [sp, set] = useAddressFilters();
  const filter: NoticeFilter = {
    unit: sp.get('unit') || undefined,
    kind: oneOf<NoticeKind>(NOTICE_KINDS, sp.get('kind')),
    colour: oneOf<NoticeColour>(NOTICE_COLOURS, sp.get('colour')),
    status: oneOf<NoticeStatus>(NOTICE_STATUSES, sp.get('status')),
    page: Number(sp.get('page')) || 1,
    perPage: PER_PAGE,
  };
  const list = useQuery({ queryKey: qk.notices.list(filter), queryFn: () => listNotices(filter) });
  const units = useUnits();
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const mayAcknowledge = can(list.data?.policies, 'acknowledge');
  const select = <T extends string>(key: string, values: readonly T[], label: (v: T) => string, placeholder: string) => (
    <Select
      allowClear
      style={{ minWidth: 140 }}
      placeholder={placeholder}
      value={oneOf<T>(values, sp.get(key))}
      onChange={(v: T | undefined) => set({ [key]: v })}
      options={values.map((v) => ({ value: v, label: label(v) }))}
      data-testid={`notice-filter-${key}`}
    />
  );

  return (
    <PageCard title={t('notice.listTitle')} testId="notices-page">
      <Typography.Paragraph type="secondary">{t('notice.ladderHelp')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {!mayAcknowledge && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 200 }}
            placeholder={t('notice.unit')}
            value={filter.unit}
            onChange={(v: string | undefined) => set({ unit: v })}
            options={(units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="notice-filter-unit"
          />
        )}
        {select('kind', NOTICE_KINDS, (k) => t(`notice.kind.${k}`), t('notice.kind'))}
        {select('colour', NOTICE_COLOURS, (c) => t(`notice.colour.${c}`), t('notice.colour'))}
        {select('status', NOTICE_STATUSES, (s) => t(`notice.status.${s}`), t('notice.status'))}
      </Flex>
      <ResponsiveTable<Notice>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.data ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('notice.empty') }}
        pagination={{ current: filter.page, pageSize: PER_PAGE, total: list.data?.page?.total ?? 0, showSizeChanger: false, onChange: (p) => set({ page: String(p) }) }}
        columns={[
          { title: t('notice.kind'), key: 'kind', render: (_, n) => <NoticeTag kind={n.kind} colour={n.colour} /> },
          { title: t('notice.docNumber'), key: 'docNumber', render: (_, n) => n.docNumber },
          { title: t('notice.unit'), key: 'unit', render: (_, n) => n.unitName ?? '—' },
          {
            title: t('notice.subject'),
            key: 'subject',
            render: (_, n) => (
              <Link to={subjectPath(n)} style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }} data-testid="notice-subject">
                {n.subjectTitle}
              </Link>
            ),
          },
          { title: t('notice.workdaysLate'), key: 'late', render: (_, n) => n.workdaysLate },
          { title: t('notice.replyBy'), key: 'replyBy', render: (_, n) => formatDate(n.replyBy) },
          { title: t('notice.issuedAt'), key: 'issuedAt', render: (_, n) => formatDateTime(n.issuedAt) },
          {
            title: t('notice.status'),
            key: 'status',
            render: (_, n) => (
              <span data-testid="notice-status" data-status={n.status}>
                {t(`notice.status.${n.status}`)}
                {n.acknowledgedAt && <Typography.Text type="secondary"> {formatDateTime(n.acknowledgedAt)}</Typography.Text>}
              </span>
            ),
          },
          { title: t('common.actions'), key: 'actions', render: (_, n) => <NoticeActions notice={n} mayAcknowledge={mayAcknowledge} /> },
        ]}
      />
    </PageCard>
  );
}
