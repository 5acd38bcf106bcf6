import { useState } from 'react';
import { Button, Flex, Input, Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { MEETING_KINDS, type MeetingKind } from '../../../domain/meetings.js';
import { listMeetings, type Meeting } from '../../api/meetings.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { MeetingFormModal } from './MeetingFormModal.js';
import { MeetingKindTag } from './MeetingKindTag.js';
import { MeetingStatusTag } from './MeetingStatusTag.js';

const PER_PAGE = 20;
const isKind = (k: string | null): k is MeetingKind => (MEETING_KINDS as readonly (string | null)[]).includes(k);

/**
 * 会议: the meetings the user may read, latest first, with how far each has got (its agenda and
 * decisions, whether its minutes are issued); one kind at a time (the address keeps `?kind=`).
 */
export function MeetingsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('kind');
  const kind = isKind(asked) ? asked : undefined;
  const q = params.get('q')?.trim() || undefined;
  const [page, setPage] = useState(1);
  const filter = { kind, q, page, perPage: PER_PAGE };
  const list = useQuery({ queryKey: qk.meetings.list(filter), queryFn: () => listMeetings(filter), placeholderData: keepPreviousData });
  const [creating, setCreating] = useState(false);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <PageCard
      title={t('meeting.listTitle')}
      testId="meetings-page"
      extra={
        can(list.data?.policies, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="meeting-new">
            {t('meeting.new')}
          </Button>
        )
      }
    >
      {/* Scrolls sideways on its own on a narrow phone rather than widening the page. */}
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
          <Segmented
            value={kind ?? 'all'}
            onChange={(v) => {
              setPage(1);
              setParams(v === 'all' ? (q ? { q } : {}) : { kind: v, ...(q ? { q } : {}) });
            }}
            options={[{ value: 'all', label: t('meeting.filter.all') }, ...MEETING_KINDS.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) }))]}
            data-testid="meeting-kind-filter"
          />
        </div>
        {/* By a word of the title: the address keeps `?q=` so a search can be shared. */}
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('common.search')}
          style={{ width: 220, maxWidth: '100%' }}
          onSearch={(v) => {
            setPage(1);
            const next = v.trim();
            setParams({ ...(kind ? { kind } : {}), ...(next ? { q: next } : {}) });
          }}
          data-testid="meeting-search"
        />
      </Flex>
      <ResponsiveTable<Meeting>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.data ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('meeting.empty') }}
        pagination={{ current: page, pageSize: PER_PAGE, total: list.data?.page?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
        columns={[
          {
            title: t('meeting.title'),
            key: 'title',
            render: (_, m) => (
              <Link to={`/meetings/${m.id}`} style={{ display: 'inline-block', maxWidth: 360, whiteSpace: 'normal' }} data-testid="meeting-link">
                {m.title}
              </Link>
            ),
          },
          { title: t('meeting.kind'), key: 'kind', render: (_, m) => <MeetingKindTag kind={m.kind} /> },
          { title: t('meeting.heldOn'), key: 'heldOn', render: (_, m) => formatDate(m.heldOn) },
          { title: t('meeting.taskForce'), key: 'body', render: (_, m) => m.bodyName ?? '—' },
          { title: t('meeting.status'), key: 'status', render: (_, m) => <MeetingStatusTag status={m.status} testId="meeting-row-status" /> },
          { title: t('meeting.agendaCount'), dataIndex: 'agendaCount', align: 'right' },
          { title: t('meeting.decisionCount'), dataIndex: 'decisionCount', align: 'right' },
        ]}
      />
      {creating && <MeetingFormModal onClose={() => setCreating(false)} />}
    </PageCard>
  );
}
