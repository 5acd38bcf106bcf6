import type { Report } from '../../api/workTypes.js';
import { trimDecimal } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

/** The figure a report carries, as text: a task's percent, a target's actual, a project's investment (and stage). */
export function ReportFigure({ r }: { r: Pick<Report, 'itemType' | 'percent' | 'actual' | 'investment' | 'stage'> }) {
  const { t } = useI18n();
  // As typed: 80 reads 80 %, not 80.00 % (the API keeps the column's scale).
  if (r.itemType === 'task') return <>{r.percent === null ? '—' : `${trimDecimal(r.percent)}%`}</>;
  if (r.itemType === 'target') return <>{r.actual === null ? '—' : trimDecimal(r.actual)}</>;
  return (
    <>
      {r.investment ?? '—'} {r.stage ? `· ${t(`stage.${r.stage}`)}` : ''}
    </>
  );
}
