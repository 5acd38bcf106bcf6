import { useRef, useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Form, Image, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { LIMITS } from '../../../domain/limits.js';
import { ReportReturn } from '../../../domain/schemas/report.js';
import { ApiError } from '../../api/client.js';
import { qk, reportChanged } from '../../api/queryKeys.js';
import { evidenceUrl, getReport, listReports, returnReport, stepReport } from '../../api/reporting.js';
import type { ReportListItem } from '../../api/workTypes.js';
import { schemaRule } from '../../components/schemaRule.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import { useI18n } from '../../i18n/useI18n.js';
import { translate } from '../../i18n/translate.js';
import { decisionKeys, type Decision } from '../../offline/decisionKeys.js';
import { transientFailure } from '../../offline/outboxState.js';
import { useOnline } from '../../offline/useOnline.js';
import { ReportFigure } from '../reports/ReportFigure.js';
import { WorkSection, type Line } from './WorkLines.js';
import { reportMeta } from './reportLines.js';

/** Why a decision did not go through, kept on its line with the report as it was shown (a refused one may leave the list). */
interface Problem {
  message: string;
  /** No answer came: the same tap sends the same request with the same key, so it cannot be taken twice. */
  retry: boolean;
  report: ReportListItem;
  /** The reason typed for a return that did not go through: kept, never lost. */
  reason?: string | undefined;
  /** Where a refused report is now, e.g. "被退回：数据口径不对" (read after the refusal). */
  now?: string | undefined;
}

const isPhoto = (mime: string) => mime.startsWith('image/');

/**
 * 待审批 for the unit head (issue 24 item 5): each report waiting for approval with its item, period,
 * figure, text and photos, approved with one tap (通过) or returned with a reason (退回, in a bottom
 * sheet on a phone). Each decision carries an Idempotency-Key, the same for a retry of the same
 * request, so a lost answer never takes a step twice; a refusal (the report moved on meanwhile)
 * stays on its line with the server's reason. With no network the buttons are off and say why:
 * a decision is not queued on the device, since the report may change before the network returns.
 */
export function ApprovalQueue({ unit, testId = 'wb-toApprove' }: { unit: string | undefined; testId?: string }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const online = useOnline();
  const mobile = useIsMobile();
  const list = useQuery({ queryKey: qk.reports.submitted(unit), queryFn: () => listReports({ status: 'submitted', unit }) });
  const keys = useRef(decisionKeys()).current;
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [returning, setReturning] = useState<ReportListItem | null>(null);
  const [sheetError, setSheetError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const reasonLabel = t('report.returnReason');

  const nowText = (status: ReportListItem['status'], returnReason: string | null) =>
    status === 'returned' && returnReason ? t('approve.nowReturned', { reason: returnReason }) : t('approve.now', { status: t(`reportStatus.${status}`) });
  const forget = (id: string) =>
    setProblems((p) => {
      const { [id]: _gone, ...rest } = p;
      return rest;
    });

  /** Sends one decision: taken, no answer (to send again, same key) or refused (the line says why). */
  const decide = async (r: ReportListItem, action: Decision['action'], reason?: string): Promise<{ outcome: 'done' } | { outcome: 'retry' | 'refused'; message: string }> => {
    const key = keys.keyOf({ reportId: r.id, action, version: r.version, reason });
    setBusy(r.id);
    try {
      if (action === 'approve') await stepReport(r.id, 'approve', r.version, undefined, key);
      else await returnReport(r.id, reason!, r.version, key);
      forget(r.id);
      void message.success(t(action === 'approve' ? 'approve.approved' : 'approve.returned', { item: r.itemTitle ?? '' }));
      void reportChanged(qc);
      return { outcome: 'done' };
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'network', translate(lang, 'error.network'));
      const retry = transientFailure(err.status);
      const said = retry ? t('approve.noAnswer', { reason: err.message }) : err.message;
      setProblems((p) => ({ ...p, [r.id]: { message: said, retry, report: r, reason } }));
      if (!retry) {
        // Refused: the report moved on meanwhile (returned, approved elsewhere). The line says where it is now; the list is read again.
        void reportChanged(qc);
        void getReport(r.id).then(
          ({ data: now }) => now.status !== 'submitted' && setProblems((p) => (p[r.id] ? { ...p, [r.id]: { ...p[r.id]!, now: nowText(now.status, now.returnReason) } } : p)),
          () => undefined,
        );
      }
      return { outcome: retry ? 'retry' : 'refused', message: said };
    } finally {
      setBusy(null);
    }
  };

  const current = list.data?.data ?? [];
  const shownIds = new Set(current.map((r) => r.id));
  // A report whose decision failed may have left the list (refused: it moved on; no answer: it may have
  // gone through): its line stays, with the reason, until dismissed or sent again.
  const gone = Object.values(problems).filter((p) => !shownIds.has(p.report.id));
  // Such lines stay on top, where the head just acted, rather than jumping to the end of the list.
  const reports = [...gone.map((p) => p.report), ...current];

  const lines: Line[] = reports.map((r) => {
    const problem = problems[r.id];
    // Refused and gone from the list: nothing to decide any more (sent again after no answer, it gets the first answer).
    const stale = !shownIds.has(r.id) && !problem?.retry;
    const photos = r.evidence.filter((e) => isPhoto(e.mime));
    const files = r.evidence.length - photos.length;
    return {
      key: r.id,
      itemType: r.itemType,
      itemId: r.itemId,
      code: r.itemCode ?? '',
      title: r.itemTitle ?? '',
      meta: reportMeta(r, t),
      body: (
        <Flex vertical gap={4} style={{ marginTop: 2 }}>
          <Typography.Text data-testid="approve-figure">
            {t('report.figure')}：
            <Typography.Text strong>
              <ReportFigure r={r} />
            </Typography.Text>
          </Typography.Text>
          {r.text && (
            <Typography.Paragraph ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (open) => t(open ? 'approve.less' : 'approve.more') }} style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="approve-text">
              {r.text}
            </Typography.Paragraph>
          )}
          {photos.length > 0 && (
            <Image.PreviewGroup>
              <Flex gap={6} wrap data-testid="approve-photos">
                {photos.map((p) => (
                  <Image key={p.sha256} src={evidenceUrl(p.sha256)} alt={p.name} width={64} height={64} style={{ objectFit: 'cover', borderRadius: 4 }} />
                ))}
              </Flex>
            </Image.PreviewGroup>
          )}
          {files > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('approve.files', { n: files })}
            </Typography.Text>
          )}
          {problem && (
            <Alert
              type={problem.retry ? 'warning' : 'error'}
              showIcon
              data-testid="approve-problem"
              title={problem.message}
              description={
                problem.now || problem.reason ? (
                  <>
                    {problem.now && <div data-testid="approve-problem-now">{problem.now}</div>}
                    {problem.reason && <div>{t('approve.reasonKept', { reason: problem.reason })}</div>}
                  </>
                ) : undefined
              }
            />
          )}
        </Flex>
      ),
      actions: stale ? (
        <>
          <Button data-testid="approve-dismiss" onClick={() => forget(r.id)}>
            {t('approve.dismiss')}
          </Button>
          <Link to={`/reports/${r.id}`}>
            <Button>{t('approve.details')}</Button>
          </Link>
        </>
      ) : (
        <>
          <Button type="primary" data-testid="approve-one" loading={busy === r.id && returning === null} disabled={!online || busy !== null} onClick={() => void decide(r, 'approve')}>
            {t('approve.approve')}
          </Button>
          <Button
            danger
            data-testid="return-one"
            disabled={!online || busy !== null}
            onClick={() => {
              setSheetError(null);
              form.setFieldsValue({ reason: problems[r.id]?.reason ?? '' });
              setReturning(r);
            }}
          >
            {t('report.return')}
          </Button>
          <Link to={`/reports/${r.id}`}>
            <Button data-testid="approve-open">{t('approve.details')}</Button>
          </Link>
        </>
      ),
    };
  });

  const close = () => setReturning(null);
  const confirmReturn = async () => {
    const r = returning!;
    const { reason } = await form.validateFields();
    setSheetError(null);
    const sent = await decide(r, 'return', reason.trim());
    // No answer: the sheet stays open with the reason, to send again (the same key). Refused: the line says why and keeps the reason.
    if (sent.outcome === 'retry') setSheetError(sent.message);
    else close();
  };

  const sheetBody = (
    <Form form={form} layout="vertical" preserve={false} data-testid="return-sheet">
      {returning && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {returning.itemCode} {returning.itemTitle} · {t('work.period', { period: returning.period })}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="reason"
        label={reasonLabel}
        extra={t('report.returnReasonHelp')}
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: reasonLabel }) }, schemaRule(ReportReturn.shape.reason, reasonLabel, { label: reasonLabel, lang })]}
      >
        <Input.TextArea rows={3} maxLength={LIMITS.reason} showCount autoFocus data-testid="return-one-reason" />
      </Form.Item>
      {sheetError && <Alert type="warning" showIcon title={sheetError} />}
    </Form>
  );
  const okProps = { danger: true, loading: returning !== null && busy === returning.id, disabled: !online, 'data-testid': 'return-one-ok' } as ButtonProps;

  return (
    <>
      {!online && <Alert type="warning" showIcon title={t('approve.offline')} data-testid={`${testId}-offline`} style={{ marginBottom: 8 }} />}
      <WorkSection title={t('work.toApprove')} count={list.data?.page?.total ?? 0} lines={lines} empty={t('work.emptyToApprove')} testId={testId} openOnPhone />
      {mobile ? (
        <Drawer
          open={returning !== null}
          placement="bottom"
          size="auto"
          title={t('approve.returnTitle')}
          onClose={close}
          destroyOnHidden
          footer={
            <Flex gap={8} justify="flex-end">
              <Button onClick={close}>{t('common.cancel')}</Button>
              <Button type="primary" {...okProps} onClick={() => void confirmReturn().catch(() => undefined)}>
                {t('report.return')}
              </Button>
            </Flex>
          }
        >
          {sheetBody}
        </Drawer>
      ) : (
        <Modal open={returning !== null} title={t('approve.returnTitle')} okText={t('report.return')} okButtonProps={okProps} cancelText={t('common.cancel')} onCancel={close} onOk={() => void confirmReturn().catch(() => undefined)} destroyOnHidden>
          {sheetBody}
        </Modal>
      )}
    </>
  );
}
