import { useState } from 'react';
import { App, Card, Col, Flex, Row, Select, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ITEM_TYPES, type ItemType } from '../../../domain/work.js';
import { ApiError } from '../../api/client.js';
import { createReport, listReports, reportBrief, stepReport } from '../../api/reporting.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { NotFound } from '../../components/NotFound.js';
import { PageCard } from '../../components/PageCard.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { itemPath } from '../../../domain/itemPaths.js';
import { ReportBriefCard } from './ReportBriefCard.js';
import { ReportForm, type ReportPayload } from './ReportForm.js';
import { useItemHead } from './useItemHead.js';
import { qk, reportChanged } from '../../api/queryKeys.js';

/** 填报进展: a new report on an item for a period (the workbench passes the period that is due). */
export function NewReportPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [sp] = useSearchParams();
  const rawType = sp.get('itemType') ?? '';
  const itemType = (ITEM_TYPES as readonly string[]).includes(rawType) ? (rawType as ItemType) : undefined;
  const itemId = sp.get('itemId') ?? undefined;
  const head = useItemHead(itemType, itemId);
  const [period, setPeriod] = useState<string | null>(sp.get('period'));
  const brief = useQuery({ queryKey: qk.reports.brief(itemType, itemId), queryFn: () => reportBrief(itemType!, itemId!), enabled: !!itemType && !!itemId });

  if (!itemType || !itemId) return <NotFound />;
  if (head.isError) return <LoadError error={head.error} onRetry={() => void head.refetch()} />;
  if (brief.isError) return <LoadError error={brief.error} onRetry={() => void brief.refetch()} />;
  if (!head.data || !brief.data) return <FullPageSpin />;
  const h = head.data;
  const b = brief.data.data;
  // The period is picked from the item's due periods (typing 第四季度 got only "格式不正确"); the one due now by default.
  const currentPeriod = period ?? b.periods.find((p) => p.open)?.period ?? b.periods[0]!.period;
  const periodOptions = b.periods.map((p) => ({
    value: p.period,
    label: [t('report.periodDue', { period: p.period, due: formatDate(p.dueDate) }), p.open ? t('report.periodOpen') : '', p.status ? t('report.periodHas', { status: t(`reportStatus.${p.status}`) }) : '']
      .filter(Boolean)
      .join(' · '),
  }));
  // A period the address asked for that is not among the choices (an old link) stays selectable.
  if (!periodOptions.some((o) => o.value === currentPeriod)) periodOptions.push({ value: currentPeriod, label: currentPeriod });

  const create = async (p: ReportPayload) => {
    try {
      return (await createReport({ itemType, itemId, period: currentPeriod, ...p })).data;
    } catch (e) {
      // The unit already has this period's report (a draft, or one that came back): open it instead.
      if (e instanceof ApiError && e.code === 'report_exists') {
        const existing = (await listReports({ item: itemId, period: currentPeriod })).data[0];
        if (existing) {
          void message.info(e.message);
          navigate(`/reports/${existing.id}`, { replace: true });
        }
      }
      throw e;
    }
  };
  const done = async (id: string) => {
    await reportChanged(qc);
    navigate(`/reports/${id}`, { replace: true });
  };

  return (
    <PageCard
      testId="report-new"
      title={
        <Flex gap={8} align="center" wrap>
          {t('report.newTitle', { item: '' })}
          <Link to={itemPath(itemType, itemId)}>
            {h.code} {h.title}
          </Link>
          <LightTag light={h.light} reasons={h.lightReasons} />
        </Flex>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
      <Flex gap={8} align="center" style={{ marginBottom: 16 }} wrap>
        <Typography.Text>{t('report.period')}</Typography.Text>
        <Select value={currentPeriod} onChange={setPeriod} options={periodOptions} style={{ minWidth: 260, maxWidth: '100%' }} data-testid="report-period" />
      </Flex>
      <ReportForm
        itemType={itemType}
        initial={{ text: '' }}
        initialFiles={[]}
        onSave={async (p) => done((await create(p)).id)}
        onSubmit={async (p) => {
          const r = await create(p);
          // The draft exists now: whatever the submit answers, go to it (its page can submit again).
          try {
            await stepReport(r.id, 'submit', r.version);
          } finally {
            await done(r.id);
          }
        }}
      />
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('report.brief.title')}>
            <ReportBriefCard brief={b} />
          </Card>
        </Col>
      </Row>
    </PageCard>
  );
}
