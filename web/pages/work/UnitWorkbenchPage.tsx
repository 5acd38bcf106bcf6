import { useEffect, useLayoutEffect, useState } from 'react';
import { Button, Card, Col, Flex, Row, Select, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { listBlockers, reportBrief, unitWorkbench } from '../../api/reporting.js';
import { loadHead } from '../reports/useItemHead.js';
import { BlockerList } from '../reports/BlockerList.js';
import { useCurrentUser } from '../../auth/CurrentUser.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { formatClock, formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ClaimModal } from './ClaimModal.js';
import { itemPath, newReportPath } from '../../../domain/itemPaths.js';
import { reportToLine } from './reportLines.js';
import { ApprovalQueue } from './ApprovalQueue.js';
import { myUnits } from './myUnits.js';
import { WorkSection, type Line } from './WorkLines.js';
import { qk } from '../../api/queryKeys.js';
import type { ItemType } from '../../../domain/work.js';
import { PendingDispatches } from '../dispatch/PendingDispatches.js';
import { useOutbox } from '../../offline/useOutbox.js';
import { OutboxSection } from './OutboxSection.js';
import { apiUrl } from '../../api/client.js';
import { dropSnapshot } from '../../offline/dropSnapshot.js';
import { keepWorkbenchSnapshot } from '../../offline/workbenchSnapshot.js';

/** How many of the reports due first have their form read ahead for offline use. */
const PREFETCHED = 5;

/** 我的工作: what the unit must claim, report, fix and approve, and what is due or late. */
export function UnitWorkbenchPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const units = myUnits(me);
  const [unit, setUnit] = useState<string | undefined>(units[0]?.id);
  const isHead = me.roles.some((r) => r.role === 'unit_head');
  const wb = useQuery({ queryKey: qk.workbench.unit(unit), queryFn: () => unitWorkbench(unit), enabled: units.length > 0 });
  // 堵点 given to the unit to solve (交办), and resolutions of its own 堵点 waiting for it to verify.
  const toResolve = useQuery({ queryKey: qk.blockers.list({ status: 'assigned', resolver: unit }), queryFn: () => listBlockers({ status: 'assigned', resolver: unit!, sort: 'oldest' }), enabled: !!unit });
  const toVerify = useQuery({ queryKey: qk.blockers.list({ status: 'resolved', unit }), queryFn: () => listBlockers({ status: 'resolved', unit: unit!, sort: 'oldest' }), enabled: !!unit });
  const [claiming, setClaiming] = useState<{ taskId: string; unitId: string } | null>(null);
  const outbox = useOutbox(me.id);
  const qc = useQueryClient();
  // The forms of the reports due first are read ahead while there is a network: the service worker
  // keeps those answers, so the liaison can open and write them with no signal later.
  const firstDue = wb.data?.data.toReport.slice(0, PREFETCHED) ?? [];
  const firstDueKey = firstDue.map((l) => `${l.itemType}:${l.itemId}`).join(',');
  useEffect(() => {
    if (!firstDueKey || !navigator.serviceWorker?.controller || navigator.onLine === false) return;
    for (const key of firstDueKey.split(',')) {
      const [type, id] = key.split(':') as [ItemType, string];
      void qc.prefetchQuery({ queryKey: qk.itemHead.of(type, id), queryFn: () => loadHead(type, id), staleTime: 60_000 });
      void qc.prefetchQuery({ queryKey: qk.reports.brief(type, id), queryFn: () => reportBrief(type, id), staleTime: 60_000 });
    }
  }, [firstDueKey, qc]);
  // The first screen the service worker drew from the last snapshot gives way once this page shows its own.
  const shown = units.length === 0 || wb.isError || !!wb.data;
  useLayoutEffect(() => {
    if (shown) dropSnapshot();
  }, [shown]);
  // …and this page, as drawn, is the next open's first screen (the first unit's: the one the app opens on).
  // A second after the last change or read, off the way of what the user does (a read with the same
  // answer keeps the same screen with its newer time).
  const snapshotOf = unit && unit === units[0]?.id ? apiUrl('/workbench/unit', { unit }) : null;
  useEffect(() => {
    if (!snapshotOf || !wb.data) return;
    const timer = setTimeout(() => void keepWorkbenchSnapshot(snapshotOf, wb.data, (at) => t('offline.snapshot', { time: formatClock(at) })).catch(() => undefined), 1000);
    return () => clearTimeout(timer);
  }, [snapshotOf, wb.data, wb.dataUpdatedAt, toResolve.data, toVerify.data, outbox, t]);

  if (units.length === 0) return <PageCard title={t('menu.myWork')}>{t('work.noUnit')}</PageCard>;
  if (wb.isError) return <LoadError error={wb.error} onRetry={() => void wb.refetch()} />;
  if (!wb.data) return <FullPageSpin />;
  const w = wb.data.data;
  // A task without a date is 长期坚持; a target or project simply has no deadline line.
  const due = (d: string | null, type: string = 'task') => (d ? t('work.due', { date: formatDate(d) }) : type === 'task' ? t('item.ongoing') : '');

  const toClaim: Line[] = w.toClaim.map((l) => ({
    ...l,
    key: l.itemId,
    meta: (
      <>
        {t(l.role === 'lead' ? 'work.lead' : 'work.support')} · {due(l.due)}
        {l.claimDue && (
          <div data-testid="claim-due">
            {l.claimLateWorkdays ? (
              <Typography.Text type="danger">{t('work.claimOverdue', { date: l.claimDue, n: l.claimLateWorkdays })}</Typography.Text>
            ) : (
              t('work.claimBy', { date: l.claimDue })
            )}
          </div>
        )}
        {l.returnReason && <div>{t('report.returnedBecause', { reason: l.returnReason })}</div>}
      </>
    ),
    actions: (
      <Button size="small" type="primary" data-testid="claim-open" onClick={() => setClaiming({ taskId: l.itemId, unitId: w.unitId })}>
        {t('work.claim')}
      </Button>
    ),
  }));
  const toReport: Line[] = w.toReport.map((l) => ({
    ...l,
    key: `${l.itemType}:${l.itemId}:${l.period}`,
    meta: [t('work.period', { period: l.period }), due(l.due, l.itemType)].filter(Boolean).join(' · '),
    // A report already kept on the device for this period is not written twice: it waits in 待发送.
    actions: outbox?.some((e) => e.item.itemId === l.itemId && e.period === l.period) ? (
      <Tag color="warning" data-testid="report-queued">
        {t('outbox.waiting')}
      </Tag>
    ) : (
      // A link (an <a>), so the kept first screen's copy of this line opens the form before the app has booted.
      <Button
        size="small"
        type="primary"
        data-testid="report-open"
        href={newReportPath(l.itemType, l.itemId, l.period)}
        onClick={(e) => {
          e.preventDefault();
          navigate(newReportPath(l.itemType, l.itemId, l.period));
        }}
      >
        {t('work.report')}
      </Button>
    ),
  }));
  // The claim's measures and milestones are on the task page, with the approve and return buttons.
  const claimsToApprove: Line[] = w.claimsToApprove.map((l) => ({
    ...l,
    key: l.itemId,
    meta: `${t(l.role === 'lead' ? 'work.lead' : 'work.support')} · ${due(l.due)}`,
    actions: (
      <Button size="small" type="primary" data-testid="claim-review" onClick={() => navigate(itemPath('task', l.itemId))}>
        {t('work.reviewClaim')}
      </Button>
    ),
  }));
  const plain = (l: (typeof w.dueSoon)[number]): Line => ({ ...l, key: `${l.itemType}:${l.itemId}`, meta: due(l.due, l.itemType) });
  // An overdue line says what is overdue: the deadline, or a milestone before a deadline still ahead.
  const overdue = (l: (typeof w.overdue)[number]): Line => {
    const why = l.lightReasons.filter((r) => r.code === 'overdue' || r.code === 'milestone_overdue');
    const deadlinePassed = why.some((r) => r.code === 'overdue');
    return { ...plain(l), meta: [...why.map((r) => r.text), deadlinePassed ? '' : due(l.due, l.itemType)].filter(Boolean).join(' · ') };
  };

  return (
    <Flex vertical gap={16} data-testid="unit-workbench">
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.myWork')}
        </Typography.Title>
        {units.length > 1 ? (
          <Select value={unit} onChange={setUnit} options={units.map((u) => ({ value: u.id, label: u.name }))} style={{ minWidth: 200 }} />
        ) : (
          <Typography.Text type="secondary">{t('work.unit', { unit: w.unitName ?? '' })}</Typography.Text>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        {!!outbox?.length && (
          <Col xs={24}>
            <OutboxSection entries={outbox} userId={me.id} />
          </Col>
        )}
        {/* The unit head's decisions come first (issue 24 item 5): each report waiting with its figure, text and photos, 通过 in one tap. */}
        {isHead && (
          <Col xs={24} xl={12}>
            <ApprovalQueue unit={unit} />
          </Col>
        )}
        {/* Reporting is most of a liaison's work: its list comes first, open on a phone too, the item due now at its top. */}
        <Col xs={24} xl={12}>
          <WorkSection title={t('work.toReport')} count={w.counts.toReport} lines={toReport} empty={t('work.emptyToReport')} testId="wb-toReport" openOnPhone />
        </Col>
        <Col xs={24} xl={12}>
          <PendingDispatches />
        </Col>
        <Col xs={24} xl={12}>
          <WorkSection title={t('work.toClaim')} count={w.counts.toClaim} lines={toClaim} empty={t('work.emptyToClaim')} testId="wb-toClaim" />
        </Col>
        {isHead && (
          <Col xs={24} xl={12}>
            <WorkSection title={t('work.claimsToApprove')} count={w.counts.claimsToApprove} lines={claimsToApprove} empty={t('work.emptyClaimsToApprove')} testId="wb-claimsToApprove" />
          </Col>
        )}
        <Col xs={24} xl={12}>
          <WorkSection title={t('work.returned')} count={w.counts.returned} lines={w.returned.map((r) => reportToLine(r, t, 'returned'))} empty={t('work.emptyReturned')} testId="wb-returned" />
        </Col>
        <Col xs={24} xl={12}>
          <WorkSection title={t('work.dueSoon')} count={w.counts.dueSoon} lines={w.dueSoon.map(plain)} empty={t('work.emptyDueSoon')} testId="wb-dueSoon" />
        </Col>
        <Col xs={24} xl={12}>
          <WorkSection title={t('work.overdue')} count={w.counts.overdue} lines={w.overdue.map(overdue)} empty={t('work.emptyOverdue')} testId="wb-overdue" />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('work.blockersToResolve')} extra={<Typography.Text type="secondary">{toResolve.data?.page?.total ?? 0}</Typography.Text>} data-testid="wb-blockersToResolve">
            <BlockerList blockers={toResolve.data?.data ?? []} empty={t('work.emptyBlockersToResolve')} actionable showItem />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('work.blockersToVerify')} extra={<Typography.Text type="secondary">{toVerify.data?.page?.total ?? 0}</Typography.Text>} data-testid="wb-blockersToVerify">
            <BlockerList blockers={toVerify.data?.data ?? []} empty={t('work.emptyBlockersToVerify')} actionable showItem />
          </Card>
        </Col>
      </Row>
      {claiming && <ClaimModal taskId={claiming.taskId} unitId={claiming.unitId} onClose={() => setClaiming(null)} />}
    </Flex>
  );
}
