import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, List, Row, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../auth/CurrentUser.js';
import { claimExportUrl, getPlan, listPlanVersions, taskExportUrl } from '../../api/planning.js';
import { can } from '../../api/types.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { ItemLightCard } from '../../components/ItemLightCard.js';
import { LoadError } from '../../components/LoadError.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { PlanFormModal } from './PlanFormModal.js';
import { PlanStatusTag } from './PlanStatusTag.js';
import { PlanSteps } from './PlanSteps.js';
import { qk } from '../../api/queryKeys.js';
import { DownloadButton } from '../../components/DownloadButton.js';

/** One plan: its state and who approved it, its versions, the lights of its tasks, targets and projects, and the review steps. */
export function PlanPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const plan = useQuery({ queryKey: qk.plans.detail(id), queryFn: () => getPlan(id) });
  const versions = useQuery({ queryKey: qk.plans.versions(id), queryFn: () => listPlanVersions(id) });
  const [editing, setEditing] = useState(false);
  const office = useCurrentUser().roles.some((r) => r.role === 'hq_office');
  if (plan.isError) return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <FullPageSpin />;
  const { data: p, policies } = plan.data;
  const lights = [
    ['task', 'tasks', p.taskLights],
    ['target', 'targets', p.targetLights],
    ['project', 'projects', p.projectLights],
  ] as const;
  return (
    <Flex vertical gap={16} data-testid="plan-page">
      <Card
        title={
          <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal' }}>
            <Typography.Text type="secondary">{p.code}</Typography.Text>
            {p.title}
            <PlanStatusTag status={p.status} />
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            {can(policies, 'update') && (
              <Button onClick={() => setEditing(true)} data-testid="plan-edit">
                {t('common.edit')}
              </Button>
            )}
            {office && (
              <Link to={`/imports/tasks?plan=${p.id}`} data-testid="plan-import-tasks">
                <Button>{t('taskImport.fromPlan')}</Button>
              </Link>
            )}
            {/* The plan's tasks as the 任务分解表, and who has claimed which share: what offices file. */}
            <DownloadButton href={taskExportUrl({ plan: p.id, page: 1, perPage: 1 })} testId="plan-export-tasks">
              {t('plan.exportTasks')}
            </DownloadButton>
            <DownloadButton href={claimExportUrl({ plan: p.id })} testId="plan-export-claims">
              {t('plan.exportClaims')}
            </DownloadButton>
            <PlanSteps plan={p} policies={policies} />
          </Flex>
        }
        styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
      >
        {p.lastReturn && <Alert type="warning" showIcon title={t('plan.lastReturn', { reason: p.lastReturn.reason })} style={{ marginBottom: 12 }} />}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('plan.kind')}>{t(`plan.kind.${p.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('plan.taskForce')}>{p.taskForceName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('item.leadUnit')}>{p.leadUnitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plan.version')}>v{p.currentVersionNo}</Descriptions.Item>
          <Descriptions.Item label={t('plan.approvedBy')}>{p.approvedByName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plan.approvedAt')}>{formatDateTime(p.approvedAt) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plan.decisionRef')}>{p.decisionRef ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plan.publishedAt')}>{formatDate(p.publishedAt) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plan.areas')}>
            <Flex wrap gap={4}>
              {p.areas.length === 0 && '—'}
              {p.areas.map((a) => (
                <Tag key={a.id} style={{ marginInlineEnd: 0 }}>
                  {a.name}
                </Tag>
              ))}
            </Flex>
          </Descriptions.Item>
        </Descriptions>
        {p.summary && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{p.summary}</Typography.Paragraph>}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Flex vertical gap={16}>
            {lights.map(([kind, path, counts]) => (
              <ItemLightCard key={kind} kind={kind} counts={counts} filter={{ plan: p.id }} testId={`plan-${path}-lights`} />
            ))}
          </Flex>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('plan.versions')}>
            <List
              size="small"
              loading={versions.isLoading}
              dataSource={versions.data?.data ?? []}
              renderItem={(v) => (
                <List.Item key={v.id}>
                  <span>
                    v{v.versionNo} {v.title}
                  </span>
                  <Typography.Text type="secondary">{formatDateTime(v.createdAt)}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {editing && <PlanFormModal plan={p} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
