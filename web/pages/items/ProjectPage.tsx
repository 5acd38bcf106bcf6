import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Steps, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { PROJECT_STAGES } from '../../../domain/work.js';
import { getProject } from '../../api/planning.js';
import { can } from '../../api/types.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ItemSide } from './ItemSide.js';
import { ItemNoticeButton } from '../bulletins/NoticeActions.js';
import { itemOrigin, RecordFindingButton } from '../ledger/RecordFindingButton.js';
import { ProjectChart } from './ProjectChart.js';
import { ProjectFormModal, ProjectPlanModal } from './ProjectFormModal.js';
import { ReportButton } from './ReportButton.js';
import { qk } from '../../api/queryKeys.js';

/** One key project: stage with dates (谋划 → 投产), planned vs. done investment by month, reports and blockers. */
export function ProjectPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const mobile = useIsMobile();
  const project = useQuery({ queryKey: qk.projects.detail(id), queryFn: () => getProject(id) });
  const [editing, setEditing] = useState<'project' | 'plan' | null>(null);
  if (project.isError) return <LoadError error={project.error} onRetry={() => void project.refetch()} />;
  if (!project.data) return <FullPageSpin />;
  const d = project.data.data;
  const policies = project.data.policies;
  const current = PROJECT_STAGES.indexOf(d.stage);

  return (
    <Flex vertical gap={16} data-testid="project-page">
      <Card
        title={
          <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal' }}>
            <Typography.Text type="secondary">{d.code}</Typography.Text>
            {d.name}
            <LightTag light={d.light} reasons={d.lightReasons} testId="item-light" />
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            {can(policies, 'update') && (
              <>
                <Button onClick={() => setEditing('project')} data-testid="project-edit">
                  {t('common.edit')}
                </Button>
                <Button onClick={() => setEditing('plan')} data-testid="project-set-plan">
                  {t('project.setPlan')}
                </Button>
              </>
            )}
            <RecordFindingButton origin={itemOrigin({ itemType: 'project', itemId: d.id, title: d.name, light: d.light, lightReasons: d.lightReasons, unitIds: [d.responsibleUnitId] })} />
            <ItemNoticeButton itemType="project" itemId={d.id} lightReasons={d.lightReasons} />
            <ReportButton itemType="project" itemId={d.id} ownerUnitIds={[d.responsibleUnitId]} />
          </Flex>
        }
        styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('project.owner')}>{d.ownerEnterprise || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('project.location')}>{d.location || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('project.responsibleUnit')}>{d.responsibleUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('project.total')}>{d.totalInvestment}</Descriptions.Item>
        </Descriptions>
        <Steps
          size="small"
          direction={mobile ? 'vertical' : 'horizontal'}
          current={current}
          style={{ marginTop: 12 }}
          data-testid="project-stage"
          items={PROJECT_STAGES.map((s) => {
            const dates = d.stageDates[s];
            const parts = [dates?.actual ? t('project.actualDate', { date: dates.actual }) : null, dates?.planned ? t('project.plannedDate', { date: dates.planned }) : null].filter(Boolean);
            return { title: t(`stage.${s}`), description: parts.join(' · ') };
          })}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('project.chart')}>
            <Typography.Text style={{ display: 'block', marginBottom: 8 }} data-testid="project-totals">{t('project.totals', { planned: d.totals.planned, done: d.totals.done })}</Typography.Text>
            {d.months.length ? <ProjectChart project={d} /> : <Empty description={t('project.noMonths')} />}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <ItemSide itemType="project" itemId={d.id} ownerUnitIds={[d.responsibleUnitId]} reasons={d.lightReasons} />
        </Col>
      </Row>
      {editing === 'project' && <ProjectFormModal project={d} onClose={() => setEditing(null)} />}
      {editing === 'plan' && <ProjectPlanModal project={d} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
