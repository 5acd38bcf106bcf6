import { useState } from 'react';
import { Form, Input, Radio, Typography } from 'antd';
import { LEDGER_VERDICTS } from '../../../domain/ledger.js';
import { LedgerRectify } from '../../../domain/schemas/ledger.js';
import { stepLedger, type LedgerEntry } from '../../api/ledger.js';
import { FormModal } from '../../components/FormModal.js';
import { schemaRule } from '../../components/schemaRule.js';
import { useI18n } from '../../i18n/useI18n.js';
import { EvidenceUpload, evidenceRefs, toUploadFile, type EvidenceFile } from '../reports/EvidenceUpload.js';

/** The steps that ask for words: 提交整改 (measures and evidence), 核查 (verdict and comment), 重新打开 (why). */
export type WordedStep = 'rectify' | 'verify' | 'reopen';

interface Props {
  entry: LedgerEntry;
  step: WordedStep;
  /** After the step: the page takes the answer and refreshes what it changed. */
  onDone: (step: WordedStep) => Promise<void>;
  reload: () => Promise<void>;
  onClose: () => void;
}

const Words = LedgerRectify.shape.measures;
const NONE = {};

/**
 * One modal per worded step. A second rectification starts from the files already attached, so the
 * unit adds to its evidence rather than uploading it again.
 */
export function LedgerStepModal({ entry, step, onDone, reload, onClose }: Props) {
  const { t, lang } = useI18n();
  const [files, setFiles] = useState<EvidenceFile[]>(() => entry.evidence.map(toUploadFile));
  // Held once: FormModal puts its initial values back whenever they change, and an upload re-renders this.
  const [initial] = useState(() => ({ measures: entry.measures ?? '' }));
  const words = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { field: label }) }, schemaRule(Words, label, { label, lang })];
  const common = { fieldNames: ['measures', 'evidence', 'verdict', 'comment', 'reason'], reload, onClose, testId: `ledger-${step}-modal`, okTestId: `ledger-${step}-ok` };

  if (step === 'rectify')
    return (
      <FormModal<{ measures: string }>
        {...common}
        title={t('ledger.rectify')}
        okText={t('ledger.rectify')}
        width={640}
        initialValues={initial}
        submit={async (v) => {
          await stepLedger(entry.id, 'rectify', entry.version, { measures: v.measures, evidence: evidenceRefs(files) });
          await onDone(step);
        }}
      >
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {t('ledger.requirement')}：{entry.requirement}
        </Typography.Paragraph>
        <Form.Item name="measures" label={t('ledger.measures')} rules={words(t('ledger.measures'))}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="ledger-measures" />
        </Form.Item>
        <Form.Item label={t('ledger.evidence')}>
          <EvidenceUpload files={files} onChange={setFiles} />
        </Form.Item>
      </FormModal>
    );

  if (step === 'verify')
    return (
      <FormModal<{ verdict: 'effective' | 'not_effective'; comment: string }>
        {...common}
        title={t('ledger.verify')}
        okText={t('ledger.verify')}
        initialValues={NONE}
        submit={async (v) => {
          await stepLedger(entry.id, 'verify', entry.version, { verdict: v.verdict, comment: v.comment });
          await onDone(step);
        }}
      >
        <Form.Item name="verdict" label={t('ledger.verdict')} rules={[{ required: true, message: t('common.required', { field: t('ledger.verdict') }) }]}>
          <Radio.Group data-testid="ledger-verdict">
            {LEDGER_VERDICTS.map((v) => (
              <Radio key={v} value={v} data-testid={`ledger-verdict-${v}`}>
                {t(`ledger.verdict.${v}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="comment" label={t('ledger.verifyComment')} rules={words(t('ledger.verifyComment'))}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="ledger-comment" />
        </Form.Item>
      </FormModal>
    );

  return (
    <FormModal<{ reason: string }>
      {...common}
      title={t('ledger.reopen')}
      okText={t('ledger.reopen')}
      initialValues={NONE}
      submit={async (v) => {
        await stepLedger(entry.id, 'reopen', entry.version, { reason: v.reason });
        await onDone(step);
      }}
    >
      <Form.Item name="reason" label={t('ledger.reopenReason')} rules={words(t('ledger.reopenReason'))}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="ledger-reason" />
      </Form.Item>
    </FormModal>
  );
}
