import { useState } from 'react';
import { Breadcrumb, Button, Card, Col, Descriptions, Flex, Progress, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { getTask } from '../../api/planning.js';
import { listBlockers, listReports } from '../../api/reporting.js';
import { can } from '../../api/types.js';
import { unitsActedFor } from '../../auth/actsFor.js';
import { useCurrentUser } from '../../auth/CurrentUser.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LightReasons, LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { useI18n } from '../../i18n/useI18n.js';
import { BlockerList } from '../reports/BlockerList.js';
import { RaiseBlockerButton } from '../reports/RaiseBlockerButton.js';
import { ClaimModal } from '../work/ClaimModal.js';
import { newReportPath } from '../../../domain/itemPaths.js';
import { DeadlineText } from './DeadlineText.js';
import { ItemHistory } from './ItemHistory.js';
import { TaskFormModal } from './TaskFormModal.js';
import { trimDecimal } from '../../format.js';
import { ItemReports } from './ItemReports.js';
import { MilestoneList } from './MilestoneList.js';
import { TaskUnits } from './TaskUnits.js';
import { qk } from '../../api/queryKeys.js';
import { InstructionsCard } from '../dispatch/InstructionsCard.js';
import { ItemNoticeButton } from '../bulletins/NoticeActions.js';
import { itemOrigin, RecordFindingButton } from '../ledger/RecordFindingButton.js';

/** One task: where it sits in the tree, its units and claims, milestones, reports, blockers and why its light has its colour. */
export function TaskPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const task = useQuery({ queryKey: qk.tasks.detail(id), queryFn: () => getTask(id) });
  const reports = useQuery({ queryKey: qk.reports.ofItem(id), queryFn: () => listReports({ item: id }), retry: false });
  const blockers = useQuery({ queryKey: qk.blockers.ofItem(id), queryFn: () => listBlockers({ item: id }), retry: false });
  const [claimUnit, setClaimUnit] = useState<string | null>(null);
  const [editing, setEditing] = useState<'edit' | 'child' | null>(null);
  if (task.isError) return <LoadError error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data) return <FullPageSpin />;
  const { data: d, policies } = task.data;
  // Any unit of the task that the user reports for may file; the server picks that unit.
  const mine = unitsActedFor(me, 'liaison', 'unit_head');
  const mayReport = can(reports.data?.policies, 'create') && d.units.some((u) => mine.includes(u.unitId));

  return (
    <Flex vertical gap={16} data-testid="task-page">
      <Breadcrumb
        items={[{ title: <Link to="/tasks">{t('menu.tasks')}</Link> }, ...d.ancestors.map((a) => ({ title: <Link to={`/tasks/${a.id}`}>{a.code}</Link> })), { title: d.code }]}
      />
      <Card
        title={
          <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal' }}>
            <Typography.Text type="secondary">{d.code}</Typography.Text>
            <span data-testid="task-title">{d.title}</span>
            <LightTag light={d.light} reasons={d.lightReasons} testId="item-light" />
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            {can(policies, 'update') && (
              <Button onClick={() => setEditing('edit')} data-testid="task-edit">
                {t('common.edit')}
              </Button>
            )}
            {can(policies, 'create') && (
              <Button onClick={() => setEditing('child')} data-testid="task-add-child">
                {t('task.addChild')}
              </Button>
            )}
            <RecordFindingButton
              origin={itemOrigin({
                itemType: 'task',
                itemId: d.id,
                title: d.title,
                light: d.light,
                lightReasons: d.lightReasons,
                unitIds: [...d.units.filter((u) => u.role === 'lead'), ...d.units.filter((u) => u.role !== 'lead')].map((u) => u.unitId),
              })}
            />
            <ItemNoticeButton itemType="task" itemId={d.id} lightReasons={d.lightReasons} />
            {mayReport && (
              <Button type="primary" onClick={() => navigate(newReportPath('task', d.id))} data-testid="task-report">
                {t('item.fileReport')}
              </Button>
            )}
          </Flex>
        }
        styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
      >
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={14}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label={t('item.leadUnit')}>{d.leadUnitName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('item.responsiblePost')}>{d.responsiblePost || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('item.deadline')}>
                <DeadlineText task={d} />
              </Descriptions.Item>
              <Descriptions.Item label={t('item.reportPeriod')}>{t(`period.${d.reportPeriod}`)}</Descriptions.Item>
              <Descriptions.Item label={t('item.progress')}>
                <Progress percent={Number(d.progress)} size="small" style={{ width: 160, margin: 0 }} />
              </Descriptions.Item>
              <Descriptions.Item label={t('item.lastReport')}>{d.lastReportDate ?? '—'}</Descriptions.Item>
            </Descriptions>
            {d.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{d.description}</Typography.Paragraph>}
          </Col>
          <Col xs={24} lg={10}>
            <Typography.Text strong>{t('light.reasons')}</Typography.Text>
            <LightReasons reasons={d.lightReasons} testId="item-light-reasons" />
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <InstructionsCard subjectType="task" subjectId={d.id} />
            <Card size="small" title={t('item.units')}>
              <TaskUnits task={d} policies={policies} onClaim={setClaimUnit} />
            </Card>
            <Card size="small" title={t('item.reports')}>
              <ItemReports reports={reports.data?.data ?? []} loading={reports.isLoading} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('item.milestones')}>
              <MilestoneList taskId={d.id} milestones={d.milestones} editable={can(policies, 'update')} />
            </Card>
            {d.children.length > 0 && (
              <Card size="small" title={t('item.children')}>
                {d.children.map((c) => (
                  <Flex key={c.id} gap={8} align="center" style={{ padding: '4px 0' }} wrap>
                    <LightTag light={c.light} />
                    <Link to={`/tasks/${c.id}`}>
                      {c.code} {c.title}
                    </Link>
                    <Typography.Text type="secondary">{trimDecimal(c.progress)}%</Typography.Text>
                  </Flex>
                ))}
              </Card>
            )}
            <Card
              size="small"
              title={t('item.blockers')}
              extra={<RaiseBlockerButton itemType="task" itemId={d.id} ownerUnitIds={d.units.map((u) => u.unitId)} allowed={can(blockers.data?.policies, 'raise')} />}
            >
              <BlockerList blockers={blockers.data?.data ?? []} actionable={can(blockers.data?.policies, 'escalate') || can(blockers.data?.policies, 'resolve')} />
            </Card>
            <ItemHistory itemType="task" itemId={d.id} />
          </Flex>
        </Col>
      </Row>
      {claimUnit && <ClaimModal taskId={d.id} unitId={claimUnit} onClose={() => setClaimUnit(null)} />}
      {editing === 'edit' && <TaskFormModal task={d} onClose={() => setEditing(null)} />}
      {editing === 'child' && <TaskFormModal parent={d} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
