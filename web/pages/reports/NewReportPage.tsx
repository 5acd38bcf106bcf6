import { useEffect, useRef, useState } from 'react';
import { App, Card, Col, Flex, Row, Select, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ITEM_TYPES, type ItemType } from '../../../domain/work.js';
import { FIGURE_OF } from '../../../domain/schemas/report.js';
import { ApiError } from '../../api/client.js';
import { createReport, listReports, reportBrief } from '../../api/reporting.js';
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
import { useCurrentUser } from '../../auth/CurrentUser.js';
import { toLocalFile, toUploadFile, type EvidenceFile } from './EvidenceUpload.js';
import { uuidV4, type QueuedReport } from '../../offline/outboxState.js';
import { deleteQueued, putQueued, queued } from '../../offline/outboxStore.js';
import { sendQueuedNow } from '../../offline/sendQueued.js';
import { requestBackgroundSync } from '../../offline/useOutbox.js';

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
  const me = useCurrentUser();
  // 修改 on a queued report (?queued=<key>): the form starts from what was queued, and replaces it.
  const editing = sp.get('queued');
  const [was, setWas] = useState<QueuedReport | null | undefined>(editing ? undefined : null);
  useEffect(() => {
    if (editing) void queued(editing).then((e) => setWas(e?.userId === me.id ? e : null), () => setWas(null));
  }, [editing, me.id]);
  // 保存草稿's Idempotency-Key, as 提交's: the same draft saved again (a double tap, a retry after a lost
  // answer) reuses the key and gets the first answer; a changed draft is a new request with a new key.
  const draftKey = useRef<{ body: string; key: string } | null>(null);

  if (!itemType || !itemId) return <NotFound />;
  if (head.isError) return <LoadError error={head.error} onRetry={() => void head.refetch()} />;
  if (brief.isError) return <LoadError error={brief.error} onRetry={() => void brief.refetch()} />;
  if (!head.data || !brief.data || was === undefined) return <FullPageSpin />;
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

  // The form starts from last time: the last accepted figure and the unit's last words (a starting point to change), or from the queued report being edited.
  const figure = FIGURE_OF[itemType];
  const initial = was ? { ...was.body } : { text: b.lastText ?? '', ...(b.lastAccepted ? { [figure]: b.lastAccepted.value } : {}) };
  const initialFiles: EvidenceFile[] = was
    ? [
        ...was.body.evidence.map((e) => toUploadFile({ sha256: e.sha256, name: e.name, mime: '', size: 0 })),
        ...was.photos.map((ph) => toLocalFile({ local: true, blob: ph.blob, name: ph.name }, ph.key)),
      ]
    : [];

  const create = async ({ photos: _photos, ...p }: ReportPayload) => {
    try {
      const input = { itemType, itemId, period: currentPeriod, ...p };
      const body = JSON.stringify(input);
      if (draftKey.current?.body !== body) draftKey.current = { body, key: uuidV4() };
      return (await createReport(input, draftKey.current.key)).data;
    } catch (e) {
      await openExisting(e);
      throw e;
    }
  };
  // The unit already has this period's report (a draft, or one that came back): open it instead.
  const openExisting = async (e: unknown) => {
    if (e instanceof ApiError && e.code === 'report_exists') {
      const existing = (await listReports({ item: itemId, period: currentPeriod })).data[0];
      if (existing) {
        void message.info(e.message);
        navigate(`/reports/${existing.id}`, { replace: true });
      }
    }
  };
  const done = async (id: string) => {
    await reportChanged(qc);
    navigate(`/reports/${id}`, { replace: true });
  };

  /**
   * 提交 goes through the device's queue (issue 24): the report is kept with its photos and its
   * idempotency key first, then sent at once when there is a network. Sent: its page opens. No
   * network: it waits on the workbench as 待发送. Refused at once: the form says why, as it always did
   * (nothing stays queued then), except when the session ended: then it stays, to resend after login.
   */
  const submitQueued = async ({ photos, ...p }: ReportPayload) => {
    const entry: QueuedReport = {
      key: uuidV4(),
      createKey: uuidV4(),
      submitKey: uuidV4(),
      userId: me.id,
      queuedAt: new Date().toISOString(),
      item: { itemType, itemId, code: h.code, title: h.title },
      period: currentPeriod,
      body: p,
      photos: photos.map((ph) => ({ key: uuidV4(), name: ph.name, blob: ph.blob })),
      state: 'waiting',
      attempts: 0,
    };
    await putQueued(entry);
    if (was) await deleteQueued(was.key);
    const kept = () => {
      void message.success({ content: t('outbox.queued'), key: 'outbox-queued' });
      void requestBackgroundSync();
      navigate('/work/unit', { replace: true });
    };
    if (navigator.onLine === false) return kept();
    const r = await sendQueuedNow(entry.key);
    if (r.outcome === 'sent') return done(r.reportId);
    if (r.outcome === 'waiting') return kept();
    if (r.error.status === 401) throw r.error;
    const left = await queued(entry.key);
    await deleteQueued(entry.key);
    // The draft was made but not submitted: its page shows it and can submit it again.
    if (left?.reportId) return done(left.reportId);
    await openExisting(r.error);
    throw r.error;
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
        {/* On a phone the brief (what the task asks, by when, the last figure) comes first, above the form. */}
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 14, order: 1 }}>
      <Flex gap={8} align="center" style={{ marginBottom: 16 }} wrap>
        <Typography.Text>{t('report.period')}</Typography.Text>
        <Select value={currentPeriod} onChange={setPeriod} options={periodOptions} style={{ minWidth: 260, maxWidth: '100%' }} data-testid="report-period" />
      </Flex>
      <ReportForm
        itemType={itemType}
        initial={initial}
        initialFiles={initialFiles}
        keepOffline
        onSave={async (p) => done((await create(p)).id)}
        onSubmit={submitQueued}
      />
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 10, order: 2 }}>
          <Card size="small" title={t('report.brief.title')}>
            <ReportBriefCard brief={b} />
          </Card>
        </Col>
      </Row>
    </PageCard>
  );
}
