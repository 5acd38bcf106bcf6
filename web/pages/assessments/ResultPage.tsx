import { Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { getResult, resultsXlsxUrl, type Result } from '../../api/assessments.js';
import { qk } from '../../api/queryKeys.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { GradeTag, HonourTag } from './labels.js';

type Line = Result['units'][number];

/** A result's ranking: rank, unit, total, grade, 红黑榜 and each indicator's points; a unit opens its breakdown. */
export function ResultPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: qk.assessments.detail(`result-${id}`), queryFn: () => getResult(id) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data?.data;
  return (
    <PageCard
      title={r ? `${r.schemeName} · ${r.period}` : t('assessment.results')}
      testId="result-page"
      extra={r && <DownloadButton href={resultsXlsxUrl(r.id)} testId="result-xlsx">{t('assessment.export')}</DownloadButton>}
    >
      {r && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag color={r.status === 'published' ? 'green' : r.status === 'computed' ? 'gold' : 'default'} data-testid="result-status">
            {t(`assessment.status.${r.status}`)}
          </Tag>
          <Typography.Text type="secondary">
            {t('assessment.revision')} {r.revision} · {t('assessment.schemeVersion', { n: r.schemeVersion })}
            {r.appealDeadline ? ` · ${t('assessment.appealUntil', { date: formatDate(r.appealDeadline) })}` : ''}
          </Typography.Text>
        </Space>
      )}
      <ResponsiveTable<Line>
        rowKey="unitId"
        size="middle"
        loading={q.isLoading}
        dataSource={r?.units ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('assessment.rank'), key: 'rank', render: (_, u) => u.rank ?? <Typography.Text type="secondary">{t('assessment.unranked')}</Typography.Text> },
          { title: t('assessment.unit'), key: 'unit', render: (_, u) => <Link to={`/assessments/results/${id}/units/${u.unitId}`} data-testid="result-unit">{u.unitName}</Link> },
          { title: t('assessment.total'), key: 'total', render: (_, u) => <strong data-testid="result-total">{u.total}</strong> },
          { title: t('assessment.grade'), key: 'grade', render: (_, u) => <GradeTag grade={u.grade} /> },
          { title: t('assessment.honour'), key: 'honour', render: (_, u) => <HonourTag honour={u.honour} /> },
          ...(r?.indicators ?? []).map((i) => ({ title: `${t(`assessment.indicator.${i.kind}`)}（${i.weight}）`, key: i.kind, render: (_: unknown, u: Line) => u.indicators.find((x) => x.kind === i.kind)?.points ?? '' })),
          { title: t('assessment.bonus'), key: 'bonus', render: (_, u) => u.bonus },
          { title: t('assessment.deduction'), key: 'deduction', render: (_, u) => u.deduction },
        ]}
      />
    </PageCard>
  );
}
