import { Card, Col, Flex, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { taskForceWorkbench } from '../../api/reporting.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LightCountTags } from '../../components/LightCountTags.js';
import { LoadError } from '../../components/LoadError.js';
import { useI18n } from '../../i18n/useI18n.js';
import { reportToLine } from './reportLines.js';
import { WorkSection } from './WorkLines.js';
import { qk } from '../../api/queryKeys.js';

/** 专项推进组的审核队列: reports its units' heads approved, and the lights of its plans' tasks. */
export function ReviewQueuePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const wb = useQuery({ queryKey: qk.workbench.taskForce, queryFn: taskForceWorkbench });
  if (wb.isError) return <LoadError error={wb.error} onRetry={() => void wb.refetch()} />;
  if (!wb.data) return <FullPageSpin />;
  const w = wb.data.data;
  return (
    <Flex vertical gap={16} data-testid="review-queue">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.review')}
      </Typography.Title>
      <Card size="small" title={t('plan.taskLights')}>
        <LightCountTags counts={w.counts.tasks} onSelect={(l) => navigate(l ? `/tasks?light=${l}` : '/tasks')} testId="tf-task-lights" />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <WorkSection title={t('work.toReview')} count={w.counts.toReview} lines={w.toReview.map((r) => reportToLine(r, t, 'review'))} empty={t('work.emptyQueue')} testId="tf-toReview" />
        </Col>
      </Row>
    </Flex>
  );
}
