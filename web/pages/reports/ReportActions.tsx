import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, type ButtonProps } from 'antd';
import { stepReport, returnReport, type ReportStepName } from '../../api/reporting.js';
import { can, type Policies } from '../../api/types.js';
import type { ReportDetail } from '../../api/workTypes.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';

const STEPS: readonly Exclude<ReportStepName, 'submit'>[] = ['approve', 'review', 'accept'];

/**
 * The reviewer's buttons: exactly the steps the server's `policies` allow. Approving, reviewing and
 * accepting ask for an optional 审批意见; returning asks for a reason, which the unit sees on its
 * workbench. Both go into the report's history.
 */
export function ReportActions({ report, policies, onDone }: { report: ReportDetail; policies: Policies; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [stepping, setStepping] = useState<(typeof STEPS)[number] | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [commentForm] = Form.useForm<{ comment?: string }>();

  const run = async (key: string, call: () => Promise<unknown>, label: string) => {
    setBusy(key);
    try {
      await call();
      void message.success(t('report.done', { action: label }));
      await onDone();
      return true;
    } catch (e) {
      void message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const steps = STEPS.filter((s) => can(policies, s));
  if (!steps.length && !can(policies, 'return')) return null;
  return (
    <Flex gap={8} wrap data-testid="report-actions">
      {steps.map((s) => (
        <Button key={s} type="primary" loading={busy === s} disabled={busy !== null} data-testid={`report-${s}`} onClick={() => setStepping(s)}>
          {t(`report.${s}`)}
        </Button>
      ))}
      <Modal
        open={stepping !== null}
        title={stepping ? t(`report.${stepping}`) : ''}
        okText={stepping ? t(`report.${stepping}`) : ''}
        okButtonProps={{ loading: busy !== null && busy === stepping, 'data-testid': 'step-ok' } as ButtonProps}
        cancelText={t('common.cancel')}
        onCancel={() => setStepping(null)}
        destroyOnHidden
        onOk={async () => {
          const s = stepping!;
          const { comment } = await commentForm.validateFields();
          if (await run(s, () => stepReport(report.id, s, report.version, comment?.trim() || undefined), t(`report.${s}`))) setStepping(null);
        }}
      >
        <Form form={commentForm} layout="vertical" preserve={false}>
          <Form.Item name="comment" label={t('report.comment')} extra={t('report.commentHelp')}>
            <Input.TextArea rows={3} maxLength={500} data-testid="step-comment" />
          </Form.Item>
        </Form>
      </Modal>
      {can(policies, 'return') && (
        <Button danger disabled={busy !== null} data-testid="report-return" onClick={() => setReturning(true)}>
          {t('report.return')}
        </Button>
      )}
      <Modal
        open={returning}
        title={t('report.return')}
        okText={t('report.return')}
        okButtonProps={{ danger: true, loading: busy === 'return', 'data-testid': 'return-ok' } as ButtonProps}
        cancelText={t('common.cancel')}
        onCancel={() => setReturning(false)}
        destroyOnHidden
        onOk={async () => {
          const { reason } = await form.validateFields();
          if (await run('return', () => returnReport(report.id, reason.trim(), report.version), t('report.return'))) setReturning(false);
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('report.returnReason')} extra={t('report.returnReasonHelp')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('report.returnReason') }) }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="return-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
