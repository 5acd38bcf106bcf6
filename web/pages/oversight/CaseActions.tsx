import { useState } from 'react';
import { App, Button, Flex, Form, Input, Popconfirm, Select, type ButtonProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { CASE_DISPOSALS } from '../../../domain/oversight.js';
import { CaseHandle } from '../../../domain/schemas/oversight.js';
import type { CaseAction } from '../../../domain/workflows/oversightCase.js';
import { stepCase, type OversightCase } from '../../api/oversight.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { can, type Policies } from '../../api/types.js';
import { FormModal } from '../../components/FormModal.js';
import { errorMessage } from '../../components/formErrors.js';
import { schemaRule } from '../../components/schemaRule.js';
import { useI18n } from '../../i18n/useI18n.js';

type Worded = 'verify' | 'handle';

/** The step dialogs: 转入初核 (an optional comment, kept as a note) and 处置 (disposal required, and in words). */
function CaseStepModal({ c, step, onDone, reload, onClose }: { c: OversightCase; step: Worded; onDone: (s: CaseAction) => Promise<void>; reload: () => Promise<void>; onClose: () => void }) {
  const { t, lang } = useI18n();
  const common = { fieldNames: ['comment', 'disposal', 'disposalText'], reload, onClose, testId: `case-${step}-modal`, okTestId: `case-${step}-ok`, initialValues: {} };
  if (step === 'verify')
    return (
      <FormModal<{ comment?: string }>
        {...common}
        title={t('oversight.verify')}
        okText={t('oversight.verify')}
        submit={async (v) => {
          await stepCase(c.id, 'verify', c.version, v.comment ? { comment: v.comment } : {});
          await onDone('verify');
        }}
      >
        <Form.Item name="comment" label={t('oversight.comment')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="case-comment" />
        </Form.Item>
      </FormModal>
    );
  const label = t('oversight.disposalText');
  return (
    <FormModal<{ disposal: (typeof CASE_DISPOSALS)[number]; disposalText: string }>
      {...common}
      title={t('oversight.handle')}
      okText={t('oversight.handle')}
      submit={async (v) => {
        await stepCase(c.id, 'handle', c.version, { disposal: v.disposal, disposalText: v.disposalText });
        await onDone('handle');
      }}
    >
      <Form.Item name="disposal" label={t('oversight.disposal')} rules={[{ required: true, message: t('common.required', { field: t('oversight.disposal') }) }]}>
        <Select options={CASE_DISPOSALS.map((d) => ({ value: d, label: t(`oversight.disposal.${d}`) }))} data-testid="case-disposal" />
      </Form.Item>
      <Form.Item name="disposalText" label={label} rules={[{ required: true, whitespace: true, message: t('common.required', { field: label }) }, schemaRule(CaseHandle.shape.disposalText, label, { label, lang })]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="case-disposal-text" />
      </Form.Item>
    </FormModal>
  );
}

/** The steps the case's `policies` allow now: 转入初核, 处置, 办结. */
export function CaseActions({ c, policies, reload }: { c: OversightCase; policies: Policies; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState<Worded | null>(null);
  const [busy, setBusy] = useState(false);
  const done = async (step: CaseAction) => {
    void message.success(t(`oversight.done.${step}`));
    await invalidate(qc, qk.oversight.all);
  };
  const close = async () => {
    setBusy(true);
    try {
      await stepCase(c.id, 'close', c.version, {});
      await done('close');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex gap={8} wrap data-testid="case-actions">
      {(['verify', 'handle'] as const).map(
        (s) =>
          can(policies, s) && (
            <Button key={s} type="primary" onClick={() => setOpen(s)} data-testid={`case-${s}`}>
              {t(`oversight.${s}`)}
            </Button>
          ),
      )}
      {can(policies, 'close') && (
        <Popconfirm title={t('oversight.closeConfirm')} onConfirm={() => close()} okButtonProps={{ 'data-testid': 'case-close-ok' } as ButtonProps}>
          <Button type="primary" loading={busy} data-testid="case-close">
            {t('oversight.close')}
          </Button>
        </Popconfirm>
      )}
      {open && <CaseStepModal c={c} step={open} onDone={done} reload={reload} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
