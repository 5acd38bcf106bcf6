import { Button, Tag } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { ReportLine } from '../../../domain/schemas/workbench.js';
import type { Report } from '../../api/workTypes.js';
import { formatDateTime } from '../../format.js';
import type { I18n } from '../../i18n/I18nProvider.js';
import type { Line } from './WorkLines.js';

type AnyReport = z.infer<typeof ReportLine> | Report;

/** A report line's meta: unit, period, when it was sent, and 逾期 when late (the workbench's lists and the unit head's 待审批). */
export function reportMeta(r: Pick<AnyReport, 'unitName' | 'period' | 'submittedAt' | 'late'>, t: I18n['t']) {
  return (
    <>
      {r.unitName} · {t('work.period', { period: r.period })}
      {r.submittedAt ? ` · ${formatDateTime(r.submittedAt)}` : ''}
      {r.late && (
        <Tag color="orange" style={{ marginInlineStart: 6 }}>
          {t('report.late')}
        </Tag>
      )}
    </>
  );
}

/** A report as a workbench line: item, unit, period, status, and a button that opens it. */
export function reportToLine(r: AnyReport, t: I18n['t'], testId: string): Line {
  const isLine = 'reportId' in r;
  const id = isLine ? r.reportId : r.id;
  return {
    key: id,
    itemType: r.itemType,
    itemId: r.itemId,
    code: (isLine ? r.code : r.itemCode) ?? '',
    title: (isLine ? r.title : r.itemTitle) ?? '',
    light: isLine ? r.light : undefined,
    lightReasons: isLine ? r.lightReasons : undefined,
    meta: (
      <>
        {reportMeta(r, t)}
        {r.returnReason && <div>{t('report.returnedBecause', { reason: r.returnReason })}</div>}
      </>
    ),
    actions: (
      <Link to={`/reports/${id}`}>
        <Button size="small" type="primary" data-testid={`${testId}-open`}>
          {t('work.open')}
        </Button>
      </Link>
    ),
  };
}
