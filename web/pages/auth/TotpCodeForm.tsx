import { useState } from 'react';
import { Button, Form, Input } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.js';
import type { SessionStage } from '../../api/types.js';
import { useStageNavigate } from '../../auth/useStageNavigate.js';
import { useI18n } from '../../i18n/useI18n.js';
import type { MessageKey } from '../../i18n/translate.js';

interface Props {
  /** Null: the caller shows something first (the recovery codes) and moves on itself. */
  submit: (code: string) => Promise<SessionStage | null>;
  submitLabel: MessageKey;
  /** A recovery code (xxxx-xxxx-xxxx) instead of the phone's six digits. */
  recovery?: boolean;
}

/** A 6-digit code field (or a recovery code's) and its button; the server's answer moves the session to its next stage. */
export function TotpCodeForm({ submit, submitLabel, recovery = false }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string }>();
  const [busy, setBusy] = useState(false);
  const goToStage = useStageNavigate();

  const onFinish = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      const stage = await submit(code);
      if (stage) await goToStage(stage);
    } catch (e) {
      form.setFields([{ name: 'code', value: '', errors: [e instanceof ApiError ? e.message : String(e)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)}>
      {recovery ? (
        <Form.Item name="code" label={t('totp.recoveryCode')} rules={[{ required: true, whitespace: true, message: t('totp.recoveryRule') }]}>
          <Input data-testid="recovery-code" prefix={<SafetyOutlined />} autoComplete="off" maxLength={40} placeholder="xxxx-xxxx-xxxx" size="large" autoFocus />
        </Form.Item>
      ) : (
      <Form.Item name="code" label={t('totp.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRule') }]}>
        <Input
          data-testid="totp-code"
          prefix={<SafetyOutlined />}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          placeholder={t('totp.codePlaceholder')}
          size="large"
          style={{ letterSpacing: 6, fontSize: 20 }}
          autoFocus
        />
      </Form.Item>
      )}
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="totp-submit">
        {t(submitLabel)}
      </Button>
    </Form>
  );
}
