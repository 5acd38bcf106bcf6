import { List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Report } from '../../api/workTypes.js';
import { formatDateTime, trimDecimal } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ReportStatusTag } from '../reports/ReportStatusTag.js';

/** An item's progress reports, newest first as the server sends them; each opens its page. */
export function ItemReports({ reports, loading, measureUnit }: { reports: Report[]; loading: boolean; measureUnit?: string | undefined }) {
  const { t } = useI18n();
  // Money keeps its two decimals as the server sends them (万元, exact); percent and target actuals drop trailing zeros.
  const figure = (r: Report) =>
    r.percent !== null
      ? `${trimDecimal(r.percent)}%`
      : r.investment !== null
        ? `${r.investment} ${t('project.wan')}`
        : r.actual !== null
          ? `${trimDecimal(r.actual)}${measureUnit ? ` ${measureUnit}` : ''}`
          : '';
  return (
    <List
      size="small"
      loading={loading}
      dataSource={reports}
      // A long history pages in the card instead of stretching the page.
      pagination={reports.length > 8 ? { pageSize: 8, size: 'small', align: 'center' } : false}
      locale={{ emptyText: t('item.noReports') }}
      data-testid="item-reports"
      renderItem={(r) => (
        <List.Item key={r.id} style={{ flexWrap: 'wrap', gap: 6 }}>
          <Link to={`/reports/${r.id}`}>
            {r.period} · {r.unitName}
          </Link>
          <span>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
              {[figure(r), r.submittedAt ? formatDateTime(r.submittedAt) : ''].filter(Boolean).join(' · ')}
            </Typography.Text>
            {r.late && <Tag color="orange">{t('report.late')}</Tag>}
            <ReportStatusTag status={r.status} />
          </span>
        </List.Item>
      )}
    />
  );
}
