import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { BLOCKER_LEVELS } from '../../../domain/work.js';
import { hqDeskExportUrl, hqWorkbench, listBlockers } from '../../api/reporting.js';
import { ListOutputs, PRINT_ROWS } from '../../components/ListOutputs.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { ItemLightCard } from '../../components/ItemLightCard.js';
import { LoadError } from '../../components/LoadError.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ToChaseCard } from '../dispatch/ToChaseCard.js';
import { BlockerList } from '../reports/BlockerList.js';
import { reportToLine } from './reportLines.js';
import { WorkSection } from './WorkLines.js';
import { qk } from '../../api/queryKeys.js';

/** 指挥部办公室: lights of all tasks, targets and projects; reports to accept; unclaimed tasks; open blockers; tracked items to chase. */
export function HqDeskPage() {
  const { t } = useI18n();
  const wb = useQuery({ queryKey: qk.workbench.hq, queryFn: hqWorkbench });
  // Blockers escalated to 指挥部 wait for the HQ office itself: listed here to resolve or pass on.
  const hqBlockers = useQuery({ queryKey: qk.blockers.open('hq'), queryFn: () => listBlockers({ status: 'open', level: 'hq' }) });
  if (wb.isError) return <LoadError error={wb.error} onRetry={() => void wb.refetch()} />;
  if (!wb.data) return <FullPageSpin />;
  const w = wb.data.data;
  const lights = [
    ['task', 'tasks', w.counts.tasks],
    ['target', 'targets', w.counts.targets],
    ['project', 'projects', w.counts.projects],
  ] as const;
  return (
    <Flex vertical gap={16} data-testid="hq-desk">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.hqDesk')}
        </Typography.Title>
        {/* The workbook holds every list whole; printing prints the desk as shown. */}
        <Flex gap={8}>
          <ListOutputs exportUrl={hqDeskExportUrl()} testId="hq-desk" perPage={PRINT_ROWS} loading={false} showAll={() => undefined} />
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        {lights.map(([kind, path, counts]) => (
          <Col xs={24} lg={8} key={kind}>
            <ItemLightCard kind={kind} counts={counts} testId={`hq-${path}-lights`} />
          </Col>
        ))}
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('work.toAccept')} value={w.counts.toAccept} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('work.unclaimed')} value={w.counts.unclaimedTasks} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('work.openBlockers')}>
            <Flex wrap gap={16}>
              {BLOCKER_LEVELS.map((l) => (
                <Statistic key={l} title={t(`blocker.level.${l}`)} value={w.counts.openBlockers[l]} />
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <WorkSection title={t('work.toAccept')} count={w.counts.toAccept} lines={w.toAccept.map((r) => reportToLine(r, t, 'accept'))} empty={t('work.emptyQueue')} testId="hq-toAccept" />
        </Col>
        <Col xs={24} xl={12}>
          <WorkSection
            title={t('work.unclaimed')}
            count={w.counts.unclaimedTasks}
            lines={w.unclaimed.map((u) => ({
              key: `${u.taskId}:${u.unitId}`,
              itemType: 'task' as const,
              itemId: u.taskId,
              code: u.taskCode,
              title: u.taskTitle,
              meta: `${u.unitName} · ${t(u.role === 'lead' ? 'work.lead' : 'work.support')} · ${t('work.claimOverdue', { date: u.claimDue, n: u.overdueWorkdays })}`,
            }))}
            empty={t('work.emptyUnclaimed')}
            testId="hq-unclaimed"
          />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('work.hqBlockers')} extra={<Typography.Text type="secondary">{hqBlockers.data?.page?.total ?? 0}</Typography.Text>} data-testid="hq-blockers">
            <BlockerList blockers={hqBlockers.data?.data ?? []} empty={t('work.emptyHqBlockers')} actionable showItem />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <ToChaseCard />
        </Col>
        <Col xs={24} xl={12}>
          <WorkSection title={t('work.hqToReview')} count={w.counts.toReview} lines={w.toReview.map((r) => reportToLine(r, t, 'hqreview'))} empty={t('work.emptyQueue')} testId="hq-toReview" />
        </Col>
      </Row>
    </Flex>
  );
}
