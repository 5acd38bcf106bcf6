import { useState } from 'react';
import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ActualString, InvestmentString, PercentString, type ReportCreate } from '../../../domain/schemas/report.js';
import type { z } from 'zod';
import { PROJECT_STAGES, type ItemType } from '../../../domain/work.js';
import { applyFieldErrors, errorMessage } from '../../components/formErrors.js';
import { schemaRule } from '../../components/schemaRule.js';
import { useI18n } from '../../i18n/useI18n.js';
import type { QueuedReport } from '../../offline/outboxState.js';
import { EvidenceUpload, evidenceRefs, localPhotos, type EvidenceFile, type LocalPhoto } from './EvidenceUpload.js';

/** What the form edits; the figure field depends on the kind of item. */
/** The report as its unit writes it: the item, period and evidence are the page's, not fields. */
export type ReportValues = Pick<z.input<typeof ReportCreate>, 'text' | 'percent' | 'actual' | 'investment' | 'stage' | 'blockers'>;

/**
 * What the form hands back: the values, trimmed, and the evidence references (the report as the
 * device's queue keeps it), with the photos taken with no network, kept on the device (only a form
 * with `keepOffline` has any).
 */
export type ReportPayload = QueuedReport['body'] & { photos: LocalPhoto[] };

const FIELDS = ['text', 'percent', 'actual', 'investment', 'stage', 'blockers', 'evidence'] as const;

/**
 * The report's content: text, the item's figure (percent / actual / investment and stage),
 * evidence and new blockers. "Save draft" and "Submit" both hand the payload to the page.
 */
export function ReportForm({
  itemType,
  initial,
  initialFiles,
  onSave,
  onSubmit,
  keepOffline,
}: {
  itemType: ItemType;
  initial: Partial<ReportValues>;
  initialFiles: EvidenceFile[];
  onSave: (p: ReportPayload) => Promise<void>;
  onSubmit: (p: ReportPayload) => Promise<void>;
  /** A new report (NewReportPage): photos picked with no network are kept on the device and go with the queued report; a 拍照 button opens the camera. */
  keepOffline?: boolean;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ReportValues>();
  const [files, setFiles] = useState<EvidenceFile[]>(initialFiles);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const uploading = files.some((f) => f.status === 'uploading');

  const run = async (which: 'save' | 'submit') => {
    let v: ReportValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const payload: ReportPayload = {
      text: v.text?.trim() ?? '',
      evidence: evidenceRefs(files),
      photos: localPhotos(files),
      blockers: (v.blockers ?? []).map((b) => ({ title: b.title.trim(), detail: (b.detail ?? '').trim() })),
    };
    if (itemType === 'task') payload.percent = v.percent?.trim();
    if (itemType === 'target') payload.actual = v.actual?.trim();
    if (itemType === 'project') {
      payload.investment = v.investment?.trim();
      if (v.stage) payload.stage = v.stage;
    }
    setBusy(which);
    setError(null);
    try {
      await (which === 'save' ? onSave(payload) : onSubmit(payload));
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  return (
    <Form form={form} layout="vertical" initialValues={initial} requiredMark="optional" data-testid="report-form">
      {itemType === 'task' && (
        <Form.Item name="percent" label={t('report.percent')} rules={[required(t('report.percent')), schemaRule(PercentString, t('report.percent'), { label: t('report.percent'), lang })]}>
          <Input inputMode="decimal" suffix="%" style={{ maxWidth: 200 }} data-testid="report-percent" />
        </Form.Item>
      )}
      {itemType === 'target' && (
        <Form.Item name="actual" label={t('report.actual')} rules={[required(t('report.actual')), schemaRule(ActualString, t('report.actual'), { label: t('report.actual'), lang })]}>
          <Input inputMode="decimal" style={{ maxWidth: 240 }} data-testid="report-actual" />
        </Form.Item>
      )}
      {itemType === 'project' && (
        <Flex gap={16} wrap>
          <Form.Item name="investment" label={t('report.investment')} rules={[required(t('report.investment')), schemaRule(InvestmentString, t('report.investment'), { label: t('report.investment'), lang })]}>
            <Input inputMode="decimal" style={{ width: 240, maxWidth: '100%' }} data-testid="report-investment" />
          </Form.Item>
          <Form.Item name="stage" label={t('report.stage')}>
            <Select allowClear style={{ width: 160 }} options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
          </Form.Item>
        </Flex>
      )}
      <Form.Item name="text" label={t('report.text')} extra={t('report.textHelp')}>
        <Input.TextArea rows={5} maxLength={2000} showCount data-testid="report-text" />
      </Form.Item>
      <Form.Item label={t('report.evidence')} extra={t('report.evidenceHelp')}>
        <EvidenceUpload files={files} onChange={setFiles} keepOffline={keepOffline} camera={keepOffline} />
      </Form.Item>
      <Form.Item label={t('report.blockers')}>
        <Form.List name="blockers">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} wrap align="start">
                  <Form.Item name={[f.name, 'title']} rules={[required(t('report.blockerTitle'))]} style={{ flex: '1 1 200px', marginBottom: 0 }}>
                    <Input placeholder={t('report.blockerTitle')} maxLength={200} data-testid="blocker-title" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'detail']} style={{ flex: '2 1 240px', marginBottom: 0 }}>
                    <Input placeholder={t('report.blockerDetail')} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ alignSelf: 'flex-start' }} data-testid="blocker-add">
                {t('report.addBlocker')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      {error && (
        <Typography.Text type="danger" data-testid="report-error" style={{ display: 'block', marginBottom: 12 }}>
          {error}
        </Typography.Text>
      )}
      <Flex gap={8} wrap>
        <Button onClick={() => void run('save')} loading={busy === 'save'} disabled={uploading || busy !== null} data-testid="report-save">
          {t('report.saveDraft')}
        </Button>
        <Button type="primary" onClick={() => void run('submit')} loading={busy === 'submit'} disabled={uploading || busy !== null} data-testid="report-submit">
          {t('report.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
