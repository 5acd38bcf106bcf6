import { useState } from 'react';
import { Alert, Button, Card, Flex, InputNumber, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { WATCH_WORKDAYS } from '../../../domain/oversight.js';
import { getWatch, type Watch } from '../../api/oversight.js';
import { qk } from '../../api/queryKeys.js';
import { LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { itemPath } from '../../../domain/itemPaths.js';
import { CaseFormModal, type CaseOrigin } from './CaseFormModal.js';

type WatchItem = Watch['items'][number];
type WatchBlocker = Watch['blockers'][number];

/** 立案/登记线索 in one step, or the case already opened from the row. */
function OpenCase({ caseId, origin, onOpen }: { caseId: string | null; origin: CaseOrigin; onOpen: (o: CaseOrigin) => void }) {
  const { t } = useI18n();
  if (caseId)
    return (
      <Link to={`/oversight/cases/${caseId}`} data-testid="watch-case">
        {t('oversight.hasCase')}
      </Link>
    );
  return (
    <Button size="small" type="primary" onClick={() => onOpen(origin)} data-testid="watch-open">
      {t('oversight.open')}
    </Button>
  );
}

/**
 * 监督哨 ("堵点在哪里，监督就跟进到哪里"): items red or overdue for at least the threshold, in
 * workdays (weekends and statutory holidays not counted), and blockers held at one level as long;
 * each row opens a case in one step.
 */
export function WatchPage() {
  const { t } = useI18n();
  const [days, setDays] = useState(WATCH_WORKDAYS);
  const q = useQuery({ queryKey: qk.oversight.watch(days), queryFn: () => getWatch(days) });
  const [origin, setOrigin] = useState<CaseOrigin | null>(null);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const w = q.data?.data;

  return (
    <Flex vertical gap={16} data-testid="watch-page">
      <Card
        title={t('oversight.watchTitle')}
        extra={
          <Flex gap={8} align="center" wrap>
            <span>{t('oversight.watch.days')}</span>
            <InputNumber min={0} max={250} value={days} onChange={(v) => setDays(typeof v === 'number' ? v : WATCH_WORKDAYS)} style={{ width: 80 }} data-testid="watch-days" />
            <span>{t('oversight.watch.daysUnit')}</span>
          </Flex>
        }
      >
        {w && <Typography.Paragraph type="secondary">{t('oversight.watch.help', { cutoff: formatDate(w.cutoff) })}</Typography.Paragraph>}
        {w?.truncated && <Alert type="info" title={t('oversight.watch.truncated')} style={{ marginBottom: 12 }} />}
        <Typography.Title level={5}>{t('oversight.watch.items')}</Typography.Title>
        <ResponsiveTable<WatchItem>
          rowKey="itemId"
          size="small"
          loading={q.isLoading}
          dataSource={w?.items ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: t('oversight.watch.empty') }}
          data-testid="watch-items"
          onRow={(i) => ({ 'data-testid': 'watch-item', 'data-id': i.itemId }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('oversight.watch.item'),
              key: 'item',
              render: (_, i) => (
                <Link to={itemPath(i.itemType, i.itemId)} style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}>
                  {i.code} {i.title}
                </Link>
              ),
            },
            { title: t('oversight.unit'), key: 'unit', render: (_, i) => i.unitName ?? '—' },
            {
              title: t('oversight.watch.why'),
              key: 'why',
              render: (_, i) => (
                <Flex gap={4} align="center" wrap>
                  <LightTag light={i.light as 'red'} />
                  {i.source === 'overdue' ? (
                    <Tag color="error">{t('oversight.watch.overdueFor', { n: i.overdueWorkdays ?? 0 })}</Tag>
                  ) : (
                    <Tag>{i.redSince ? t('oversight.watch.redSince', { day: formatDate(i.redSince) }) : t('oversight.watch.redLong')}</Tag>
                  )}
                </Flex>
              ),
            },
            {
              title: '',
              key: 'open',
              render: (_, i) => <OpenCase caseId={i.openCaseId} origin={{ kind: i.source, id: i.itemId, title: `${i.code} ${i.title}`, unitName: i.unitName }} onOpen={setOrigin} />,
            },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('oversight.watch.blockers')}
        </Typography.Title>
        <ResponsiveTable<WatchBlocker>
          rowKey="blockerId"
          size="small"
          loading={q.isLoading}
          dataSource={w?.blockers ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: t('oversight.watch.empty') }}
          data-testid="watch-blockers"
          onRow={(b) => ({ 'data-testid': 'watch-blocker', 'data-id': b.blockerId }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('oversight.source.blocker'), key: 'title', render: (_, b) => <span style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}>{b.title}</span> },
            { title: t('oversight.unit'), key: 'unit', render: (_, b) => b.unitName ?? '—' },
            { title: t('oversight.watch.level'), key: 'level', render: (_, b) => t(`blocker.level.${b.level}` as 'blocker.level.unit') },
            { title: t('oversight.watch.why'), key: 'why', render: (_, b) => <Tag color="warning">{t('oversight.watch.atLevel', { n: b.workdaysAtLevel })}</Tag> },
            {
              title: '',
              key: 'open',
              render: (_, b) => <OpenCase caseId={b.openCaseId} origin={{ kind: 'blocker', id: b.blockerId, title: b.title, unitName: b.unitName }} onOpen={setOrigin} />,
            },
          ]}
        />
      </Card>
      {origin && <CaseFormModal origin={origin} onClose={() => setOrigin(null)} />}
    </Flex>
  );
}
