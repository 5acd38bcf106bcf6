import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listAppeals, listMyResults, type Appeal, type MyResult } from '../../api/assessments.js';
import { qk } from '../../api/queryKeys.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDate, formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { GradeTag, HonourTag } from './labels.js';

/** 考核结果: the unit's published results, each opening its breakdown, and its appeals with their replies. */
export function MyResultsPage() {
  const { t } = useI18n();
  const results = useQuery({ queryKey: qk.assessments.list({ mine: true }), queryFn: listMyResults });
  const appeals = useQuery({ queryKey: qk.assessments.list({ appeals: true }), queryFn: () => listAppeals() });
  if (results.isError) return <LoadError error={results.error} onRetry={() => void results.refetch()} />;
  return (
    <>
      <PageCard title={t('menu.myAssessments')} testId="my-assessments-page">
        <ResponsiveTable<MyResult>
          rowKey={(r) => `${r.resultId}-${r.unitId}`}
          size="middle"
          loading={results.isLoading}
          dataSource={results.data?.data ?? []}
          pagination={false}
          locale={{ emptyText: t('assessment.noResults') }}
          columns={[
            { title: t('assessment.schemes'), key: 'scheme', render: (_, r) => <Link to={`/assessments/results/${r.resultId}/units/${r.unitId}`} data-testid="my-result-link">{`${r.schemeName} · ${r.period} · ${r.unitName}`}</Link> },
            { title: t('assessment.total'), key: 'total', render: (_, r) => r.total },
            { title: t('assessment.rank'), key: 'rank', render: (_, r) => (r.rank ? t('assessment.rankOf', { rank: r.rank, ranked: r.ranked }) : t('assessment.unranked')) },
            { title: t('assessment.grade'), key: 'grade', render: (_, r) => <GradeTag grade={r.grade} /> },
            { title: t('assessment.honour'), key: 'honour', render: (_, r) => <HonourTag honour={r.honour} /> },
            { title: t('assessment.appeal'), key: 'deadline', render: (_, r) => (r.appealDeadline ? t('assessment.appealUntil', { date: formatDate(r.appealDeadline) }) : '') },
          ]}
        />
      </PageCard>
      <div style={{ height: 16 }} />
      <PageCard title={t('assessment.appeals')} testId="my-appeals">
        <ResponsiveTable<Appeal>
          rowKey="id"
          size="small"
          dataSource={appeals.data?.data ?? []}
          pagination={false}
          columns={[
            { title: t('assessment.schemes'), key: 'scheme', render: (_, a) => `${a.schemeName} · ${a.period}` },
            { title: t('assessment.appealReason'), key: 'reason', render: (_, a) => a.reason },
            { title: t('assessment.filedAt'), key: 'filed', render: (_, a) => formatDateTime(a.filedAt) },
            { title: t('assessment.decision'), key: 'status', render: (_, a) => <Tag data-testid="my-appeal-status">{t(`assessment.appealStatus.${a.status}`)}</Tag> },
            { title: t('assessment.reply'), key: 'reply', render: (_, a) => a.reply ?? '' },
          ]}
        />
      </PageCard>
    </>
  );
}
