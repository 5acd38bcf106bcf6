import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Segmented, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { getTarget } from '../../api/planning.js';
import { can } from '../../api/types.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { todayInZone, trimDecimal as n } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ItemSide } from './ItemSide.js';
import { ItemNoticeButton } from '../bulletins/NoticeActions.js';
import { itemOrigin, RecordFindingButton } from '../ledger/RecordFindingButton.js';
import { OutlookTag, useOutlookText } from './OutlookTag.js';
import { ReportButton } from './ReportButton.js';
import { TargetChart } from './TargetChart.js';
import { ActualModal, TargetFormModal, TrajectoryModal } from './TargetFormModal.js';
import { qk } from '../../api/queryKeys.js';

/** One target: goals, actual vs. trajectory chart with the year-end forecast, and 首战告捷. */
export function TargetPage() {
  const { t, lang } = useI18n();
  const outlookText = useOutlookText();
  const { id = '' } = useParams();
  const target = useQuery({ queryKey: qk.targets.detail(id), queryFn: () => getTarget(id) });
  const thisYear = Number(todayInZone().slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  const [editing, setEditing] = useState<'target' | 'actual' | 'trajectory' | null>(null);
  if (target.isError) return <LoadError error={target.error} onRetry={() => void target.refetch()} />;
  if (!target.data) return <FullPageSpin />;
  const d = target.data.data;
  const years = d.goals.map((g) => g.year);
  const shown = year ?? (years.includes(thisYear) ? thisYear : (years[0] ?? thisYear));
  const outlook = d.forecasts.find((f) => f.year === shown);
  const fy = d.firstYear;

  return (
    <Flex vertical gap={16} data-testid="target-page">
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
            {can(target.data.policies, 'update') && (
              <Button onClick={() => setEditing('target')} data-testid="target-edit">
                {t('common.edit')}
              </Button>
            )}
            {can(target.data.policies, 'recordActual') && (
              <Button onClick={() => setEditing('actual')} data-testid="target-record-actual">
                {t('target.recordActual')}
              </Button>
            )}
            <RecordFindingButton origin={itemOrigin({ itemType: 'target', itemId: d.id, title: d.name, light: d.light, lightReasons: d.lightReasons, unitIds: [d.dataUnitId] })} />
            <ItemNoticeButton itemType="target" itemId={d.id} lightReasons={d.lightReasons} />
            <ReportButton itemType="target" itemId={d.id} ownerUnitIds={[d.dataUnitId]} />
          </Flex>
        }
        styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 } }}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('target.baseline')}>
            {n(d.baseline)} {d.measureUnit}
          </Descriptions.Item>
          <Descriptions.Item label={t('target.direction')}>{t(d.direction === 'higher' ? 'target.higher' : 'target.lower')}</Descriptions.Item>
          <Descriptions.Item label={t('target.dataUnit')}>{d.dataUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('item.reportPeriod')}>{t(`period.${d.period}`)}</Descriptions.Item>
          <Descriptions.Item label={t('target.accumulation')}><span data-testid="target-accumulation">{t(`target.accumulation.${d.accumulation}`)}</span></Descriptions.Item>
          <Descriptions.Item label={t('target.goals')}>{d.goals.map((g) => `${g.year}: ${n(g.goal)}`).join('；') || '—'}</Descriptions.Item>
        </Descriptions>
        {fy && (
          <Alert
            style={{ marginTop: 8 }}
            type={fy.willMeet === false ? 'warning' : fy.willMeet ? 'success' : 'info'}
            showIcon
            data-testid="first-year"
            title={
              <span>
                {fy.title ?? t('target.firstYear')}
                {lang === 'zh-CN' ? '：' : ': '}
                {outlookText(fy, fy.year)} <OutlookTag o={fy} />
              </span>
            }
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={t('target.chart')}
            extra={
              <Flex gap={8} align="center">
                {can(target.data.policies, 'update') && (
                  <Button size="small" onClick={() => setEditing('trajectory')} data-testid="target-trajectory">
                    {t('target.trajectory')}
                  </Button>
                )}
                {years.length > 1 && <Segmented size="small" value={shown} onChange={(v) => setYear(Number(v))} options={years.map((y) => ({ value: y, label: String(y) }))} />}
              </Flex>
            }
          >
            <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }} data-testid="target-outlook">
              <Typography.Text>{outlookText(outlook, shown)}</Typography.Text>
              <OutlookTag o={outlook} />
            </Flex>
            {d.actuals.length === 0 && <Alert type="info" title={t('target.noActuals')} style={{ marginBottom: 8 }} />}
            <TargetChart target={d} year={shown} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <ItemSide itemType="target" itemId={d.id} ownerUnitIds={[d.dataUnitId]} reasons={d.lightReasons} measureUnit={d.measureUnit} />
        </Col>
      </Row>
      {editing === 'target' && <TargetFormModal target={d} onClose={() => setEditing(null)} />}
      {editing === 'actual' && <ActualModal target={d} onClose={() => setEditing(null)} />}
      {editing === 'trajectory' && <TrajectoryModal target={d} year={shown} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
