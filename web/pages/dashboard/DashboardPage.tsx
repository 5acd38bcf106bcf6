import { Card, Col, DatePicker, Flex, List, Row, Segmented, Select, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DASHBOARD_PERIODS, type DashboardPeriod } from '../../../domain/dashboard.js';
import { BLOCKER_LEVELS } from '../../../domain/work.js';
import { getDashboard } from '../../api/dashboard.js';
import { useRegions } from '../../api/hooks.js';
import { REGION_KIND_LABELS } from '../../../domain/labels.js';
import { labelOf } from '../../i18n/translate.js';
import { qk } from '../../api/queryKeys.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { ItemLightCard } from '../../components/ItemLightCard.js';
import { LazyEChart } from '../../components/LazyEChart.js';
import { LoadError } from '../../components/LoadError.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useCurrentUser } from '../../auth/CurrentUser.js';
import { UnreportedCard } from '../dispatch/UnreportedCard.js';
import { itemPath } from '../../../domain/itemPaths.js';
import { blockerBars, inRegion, investmentBars } from './dashboardCharts.js';
import { GroupLightsCard } from './GroupLightsCard.js';
import { MovementCard } from './MovementCard.js';

/**
 * 领导驾驶舱: the whole district on one page for the leading group and the HQ office, and every
 * other role's own slice of it (their units' items, their task forces' plans). Every number
 * and bar opens the list behind it (lights → the filtered item list, a blocker bar → the blockers
 * at that level, an overdue line → the item); the period picks what "in the period" counts.
 */
export function DashboardPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const me = useCurrentUser();
  // 本期未报送 is the office's standing order; the leader reads it too (the same rule as its API).
  const chasesUnreported = me.roles.some((r) => r.role === 'hq_office' || r.role === 'leader');
  const [sp, setSp] = useSearchParams();
  const period = (DASHBOARD_PERIODS as readonly string[]).includes(sp.get('period') ?? '') ? (sp.get('period') as DashboardPeriod) : 'month';
  const from = sp.get('from') ?? undefined;
  const to = sp.get('to') ?? undefined;
  const region = sp.get('region') ?? undefined;
  const ready = period !== 'custom' || (!!from && !!to);
  const q = useQuery({ queryKey: qk.dashboard(period, from, to, region), queryFn: () => getDashboard(period, from, to, region), enabled: ready });
  // A province's or a city's reader picks one of its regions (issue 25); a district's has only its own.
  // Read only for readers of the whole (a unit's slice has no regions to pick).
  const regions = useRegions(!!q.data?.data.scope.whole);
  const regionChoices = regions.data?.data ?? [];
  /** A new period keeps the region chosen, and a new region the period. */
  const setPeriod = (p: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ region, ...p })) if (v) next.set(k, v);
    setSp(next, { replace: true });
  };
  const setRegion = (r: string | undefined) => {
    const next = new URLSearchParams(sp);
    if (r) next.set('region', r);
    else next.delete('region');
    setSp(next, { replace: true });
  };

  const scope = q.data?.data.scope;
  const header = (
    <Flex wrap gap={8} align="center" justify="space-between">
      <Flex vertical>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {scope && !scope.whole ? t('dashboard.titleSlice') : t('dashboard.title')}
        </Typography.Title>
        {scope?.region && (
          <Typography.Text type="secondary" data-testid="dashboard-region-of">
            {t('dashboard.regionOf', { name: scope.region.name })}
          </Typography.Text>
        )}
        {scope && !scope.whole && (
          <Typography.Text type="secondary" data-testid="dashboard-scope">
            {t('dashboard.sliceOf', { names: [...scope.units, ...scope.taskForces].map((n) => n.name).join('、') })}
          </Typography.Text>
        )}
      </Flex>
      <Flex wrap gap={8} align="center">
        {scope?.whole && regionChoices.length > 1 && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="dashboard-region"
            placeholder={t('dashboard.allRegions')}
            value={region}
            onChange={(v?: string) => setRegion(v)}
            options={regionChoices.map((r) => ({ value: r.id, label: `${r.name} · ${labelOf(REGION_KIND_LABELS, r.kind, lang)}` }))}
            style={{ minWidth: 180 }}
          />
        )}
        <Segmented
          data-testid="dashboard-period"
          value={period}
          onChange={(v) => setPeriod({ period: v })}
          options={DASHBOARD_PERIODS.map((p) => ({ value: p, label: t(`dashboard.period.${p}`) }))}
        />
        {period === 'custom' && (
          <DatePicker.RangePicker
            value={from && to ? [dayjs(from), dayjs(to)] : null}
            onChange={(v) => setPeriod({ period: 'custom', from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            data-testid="dashboard-range"
          />
        )}
        {q.data && (
          <Typography.Text type="secondary" data-testid="dashboard-range-text">
            {t('dashboard.periodRange', { from: q.data.data.period.from, to: q.data.data.period.to })}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!ready) return header;
  if (!q.data) return <FullPageSpin />;
  const d = q.data.data;
  const groupCards = [
    { filter: 'plan', groups: d.byPlan, title: t('dashboard.byPlan'), testId: 'dashboard-by-plan', chartTestId: 'dashboard-plan-chart' },
    { filter: 'area', groups: d.byArea, title: t('dashboard.byArea'), testId: 'dashboard-by-area', chartTestId: 'dashboard-area-chart' },
    { filter: 'taskForce', groups: d.byTaskForce, title: t('dashboard.byTaskForce'), testId: 'dashboard-by-task-force', chartTestId: 'dashboard-tf-chart' },
    {
      filter: 'unit',
      groups: d.byUnit,
      title: t('dashboard.byUnit', { n: d.byUnit.length }),
      testId: 'dashboard-by-unit',
      chartTestId: 'dashboard-unit-chart',
      extra: <Link to={inRegion('/overview?by=unit', region)}>{t('dashboard.allUnits', { n: d.unitsTotal })}</Link>,
    },
  ] as const;
  const blockerTotal = d.blockers.unresolved.reduce((n, c) => n + c.n, 0);

  return (
    <Flex vertical gap={16} data-testid="dashboard">
      {header}
      <Row gutter={[16, 16]}>
        {(['task', 'target', 'project'] as const).map((kind) => (
          <Col xs={24} lg={8} key={kind}>
            <ItemLightCard kind={kind} counts={d.lights[kind]} filter={region ? { region } : {}} testId={`dashboard-${kind}-lights`} />
          </Col>
        ))}

        {d.byRegion.length > 1 && (
          <Col xs={24}>
            <GroupLightsCard title={t('dashboard.byRegion')} groups={d.byRegion} onPick={setRegion} testId="dashboard-by-region" chartTestId="dashboard-region-chart" />
          </Col>
        )}

        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.firstYear', { year: d.targets.firstYear.year })} data-testid="dashboard-first-year">
            {d.targets.firstYear.title && <Typography.Paragraph strong>{d.targets.firstYear.title}</Typography.Paragraph>}
            <Flex gap={24} wrap>
              <Statistic title={t('dashboard.met')} value={d.targets.firstYear.met} valueStyle={{ color: '#389e0d' }} />
              <Statistic title={t('dashboard.missed')} value={d.targets.firstYear.missed} valueStyle={{ color: '#cf1322' }} />
              <Statistic title={t('dashboard.unknown')} value={d.targets.firstYear.unknown} />
            </Flex>
            {d.targets.firstYear.missing.length > 0 && (
              <>
                <Typography.Text type="secondary">{t('dashboard.firstYearMissing')}</Typography.Text>
                <Flex wrap gap={4} style={{ marginTop: 4 }}>
                  {d.targets.firstYear.missing.slice(0, 12).map((m) => (
                    <Link key={m.id} to={`/targets/${m.id}`}>
                      <Tag>
                        {m.code} {m.name}
                      </Tag>
                    </Link>
                  ))}
                </Flex>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.thisYear', { year: d.targets.year })} extra={<Link to={inRegion('/targets', region)}>{t('work.open')}</Link>} data-testid="dashboard-this-year">
            <Flex gap={24} wrap>
              <Statistic title={t('dashboard.met')} value={d.targets.thisYear.met} valueStyle={{ color: '#389e0d' }} />
              <Statistic title={t('dashboard.missed')} value={d.targets.thisYear.missed} valueStyle={{ color: '#cf1322' }} />
              <Statistic title={t('dashboard.unknown')} value={d.targets.thisYear.unknown} />
            </Flex>
            <Flex gap={24} wrap style={{ marginTop: 12 }}>
              <Statistic title={`${t('dashboard.activity')} · ${t('dashboard.reportsSubmitted')}`} value={d.activity.reportsSubmitted} />
              <Statistic title={t('dashboard.reportsAccepted')} value={d.activity.reportsAccepted} />
            </Flex>
          </Card>
        </Col>

        {groupCards.map((g) => (
          <Col xs={24} xl={12} key={g.filter}>
            <GroupLightsCard {...g} region={region} />
          </Col>
        ))}

        <Col xs={24} xl={12}>
          <Card size="small" title={t('dashboard.blockers')} extra={<Link to={inRegion('/blockers?status=unresolved', region)}>{blockerTotal}</Link>} data-testid="dashboard-blockers">
            <LazyEChart
              option={blockerBars(d.blockers, t)}
              height={240}
              testId="dashboard-blocker-chart"
              onClick={({ dataIndex }) => void navigate(inRegion(`/blockers?status=unresolved&level=${BLOCKER_LEVELS[dataIndex]}`, region))}
            />
            <Flex gap={24} wrap>
              <Link to={inRegion('/blockers?status=resolved', region)} data-testid="dashboard-to-verify">
                <Statistic title={t('dashboard.toVerify')} value={d.blockers.toVerify} />
              </Link>
              <Statistic title={t('dashboard.raisedInPeriod')} value={d.blockers.raisedInPeriod} />
              <Statistic title={t('dashboard.closedInPeriod')} value={d.blockers.closedInPeriod} />
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('dashboard.overdue')}
            extra={
              <Flex gap={8}>
                <Tag>{`${t('menu.tasks')} ${d.overdue.task}`}</Tag>
                <Tag>{`${t('menu.targets')} ${d.overdue.target}`}</Tag>
                <Tag>{`${t('menu.projects')} ${d.overdue.project}`}</Tag>
              </Flex>
            }
            data-testid="dashboard-overdue"
          >
            <List
              size="small"
              dataSource={d.overdue.worst}
              locale={{ emptyText: t('dashboard.noOverdue') }}
              renderItem={(o) => (
                <List.Item key={o.itemId} data-testid="dashboard-overdue-line">
                  <Link to={itemPath(o.itemType, o.itemId)}>
                    {o.code} {o.title}
                  </Link>
                  <Typography.Text type="danger">{t('dashboard.overdueWorkdays', { n: o.workdays })}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>

        <Col xs={24} xl={12}>
          <MovementCard movement={d.movement} groups={{ plan: d.byPlan, area: d.byArea, taskForce: d.byTaskForce, unit: d.byUnit }} region={region} />
        </Col>
        {chasesUnreported && (
          <Col xs={24} xl={12}>
            <UnreportedCard canCreate={me.roles.some((r) => r.role === 'hq_office')} />
          </Col>
        )}

        <Col xs={24}>
          <Card size="small" title={t('dashboard.investment', { year: d.investment.year })} extra={<Link to={inRegion('/projects', region)}>{t('work.open')}</Link>} data-testid="dashboard-investment">
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={16}>
                <LazyEChart option={investmentBars(d.investment, t)} height={260} testId="dashboard-investment-chart" />
              </Col>
              <Col xs={24} lg={8}>
                <Flex gap={24} wrap>
                  <Statistic title={t('dashboard.investmentPlanned')} value={d.investment.planned} data-testid="dashboard-planned" />
                  <Statistic title={t('dashboard.investmentDone')} value={d.investment.done} data-testid="dashboard-done" />
                </Flex>
                <Typography.Text type="secondary">{t('dashboard.byStage')}</Typography.Text>
                <List
                  size="small"
                  dataSource={d.investment.byStage}
                  renderItem={(s) => (
                    <List.Item key={s.stage}>
                      <span>
                        {t(`stage.${s.stage}`)} · {t('dashboard.stageProjects', { n: s.n })}
                      </span>
                      <span>
                        {s.done} / {s.planned}
                      </span>
                    </List.Item>
                  )}
                />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
