import { Card, Col, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { leaderWorkbench, listBlockers } from '../../api/reporting.js';
import { LightReasons } from '../../components/LightTag.js';
import { useI18n } from '../../i18n/useI18n.js';
import { BlockerList } from '../reports/BlockerList.js';
import { WorkSection } from '../work/WorkLines.js';
import { qk } from '../../api/queryKeys.js';

/**
 * The leading group's first page: blockers escalated to it, oldest first, to decide (resolve with the
 * decision, or send back down with an instruction), and the worst items named with their reasons in
 * words — readable on a phone, where there is no hover.
 */
export function LeaderDesk() {
  const { t } = useI18n();
  const wb = useQuery({ queryKey: qk.workbench.leader, queryFn: leaderWorkbench });
  const waiting = useQuery({ queryKey: qk.blockers.open('leading_group'), queryFn: () => listBlockers({ status: 'open', level: 'leading_group', sort: 'oldest' }) });
  const w = wb.data?.data;
  return (
    <Row gutter={[16, 16]} data-testid="leader-desk">
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('leader.decisions')}
          extra={<Typography.Text type="secondary" data-testid="leader-decisions-count">{waiting.data?.page?.total ?? 0}</Typography.Text>}
          data-testid="leader-decisions"
        >
          <BlockerList blockers={waiting.data?.data ?? []} empty={t('leader.noDecisions')} actionable showItem />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <WorkSection
          title={t('leader.worst', { red: w?.counts.red ?? 0, yellow: w?.counts.yellow ?? 0 })}
          count={(w?.counts.red ?? 0) + (w?.counts.yellow ?? 0)}
          lines={(w?.worst ?? []).map((i) => ({ ...i, key: `${i.itemType}:${i.itemId}`, meta: <LightReasons reasons={i.lightReasons} testId="leader-worst-reasons" /> }))}
          empty={t('leader.noneWorst')}
          testId="leader-worst"
          openOnPhone
        />
      </Col>
    </Row>
  );
}
