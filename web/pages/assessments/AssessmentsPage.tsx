import { useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Empty, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { lastEndedQuarter, periodsOfAssessmentYear } from '../../../domain/scoring/scheme.js';
import { computeResult, listSchemes, publishResult, type Scheme } from '../../api/assessments.js';
import { ApiError } from '../../api/client.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { todayInZone } from '../../format.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AdjustmentsModal } from './AdjustmentsModal.js';
import { SchemeFormModal } from './SchemeFormModal.js';

const STATUS_COLOUR = { computed: 'gold', published: 'green', superseded: 'default' } as const;

/** One scheme: its indicators, compute and publish a period, and its results' revisions. */
function SchemeCard({ scheme, manage, onEdit }: { scheme: Scheme; manage: boolean; onEdit: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [period, setPeriod] = useState(() => lastEndedQuarter(scheme.year, todayInZone()));
  const [busy, setBusy] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const act = async (what: 'compute' | 'publish') => {
    setBusy(true);
    try {
      const { data } = await (what === 'compute' ? computeResult : publishResult)(scheme.id, period);
      await invalidate(qc, qk.assessments.all);
      void navigate(`/assessments/results/${data.id}`);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={`${scheme.name}（${t(`assessment.category.${scheme.category}`)}，${t('assessment.schemeVersion', { n: scheme.schemeVersion })}）`}
      extra={manage && <Button onClick={onEdit} data-testid="scheme-edit">{t('assessment.editScheme')}</Button>}
      style={{ marginBottom: 16 }}
      data-testid="scheme-card"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('assessment.indicators')}>
          <Space wrap>
            {scheme.indicators.map((i) => (
              <Tag key={i.kind}>
                {t(`assessment.indicator.${i.kind}`)} {i.weight}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {manage && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select value={period} onChange={setPeriod} style={{ width: 140 }} options={periodsOfAssessmentYear(scheme.year).map((p) => ({ value: p, label: p }))} data-testid="scheme-period" />
          <Button loading={busy} onClick={() => void act('compute')} data-testid="scheme-compute">
            {t('assessment.compute')}
          </Button>
          <Button type="primary" loading={busy} onClick={() => void act('publish')} data-testid="scheme-publish">
            {t('assessment.publish')}
          </Button>
          <Button onClick={() => setAdjusting(true)} data-testid="scheme-adjustments">
            {t('assessment.adjustments')}
          </Button>
        </Space>
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        {scheme.results.map((r) => (
          <div key={r.id} data-testid="result-revision">
            <Space wrap>
              <Link to={`/assessments/results/${r.id}`} data-testid="result-link">
                {r.period} · {t('assessment.revision')} {r.revision}
              </Link>
              <Tag color={STATUS_COLOUR[r.status]}>{t(`assessment.status.${r.status}`)}</Tag>
              <span>{formatDateTime(r.publishedAt ?? r.computedAt)}</span>
            </Space>
          </div>
        ))}
      </Space>
      {adjusting && <AdjustmentsModal scheme={scheme} period={period} onClose={() => setAdjusting(false)} />}
    </Card>
  );
}

/** 考核: the assessor's schemes (and, for leaders and the HQ office, their published results). */
export function AssessmentsPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: qk.assessments.list({}), queryFn: listSchemes });
  const [editing, setEditing] = useState<Scheme | null | 'new'>(null);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const manage = can(list.data?.policies, 'manage');
  return (
    <PageCard
      title={t('assessment.schemes')}
      testId="assessments-page"
      extra={
        <Space>
          {can(list.data?.policies, 'decide') && <Link to="/assessments/appeals">{t('assessment.appeals')}</Link>}
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="scheme-new">
              {t('assessment.newScheme')}
            </Button>
          )}
        </Space>
      }
    >
      {list.data && list.data.data.length === 0 && <Empty description={t('assessment.empty')} />}
      {list.data?.data.map((s) => <SchemeCard key={s.id} scheme={s} manage={manage} onEdit={() => setEditing(s)} />)}
      {editing && <SchemeFormModal scheme={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </PageCard>
  );
}
