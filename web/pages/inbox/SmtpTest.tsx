import { useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import { Email } from '../../../domain/schemas/common.js';
import { LIMITS } from '../../../domain/limits.js';
import { testSmtp, type ChannelTestResult } from '../../api/inbox.js';
import { applyFieldErrors, errorMessage } from '../../components/formErrors.js';
import { schemaRule } from '../../components/schemaRule.js';
import { useI18n } from '../../i18n/useI18n.js';

/**
 * 发送测试邮件: one message through the saved mail server, at once, to the address typed or the
 * office's own; the server's answer (accepted, or what went wrong) stays on the page.
 */
export function SmtpTest({ saved }: { saved: boolean }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ recipient?: string }>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ChannelTestResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async ({ recipient }: { recipient?: string }) => {
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      setResult((await testSmtp(recipient?.trim() || undefined)).data);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['recipient'])) setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="smtp-test" style={{ marginTop: 16 }}>
      <Form form={form} layout="vertical" onFinish={(v) => void run(v)}>
        <Form.Item label={t('reminder.smtpTestTo')} extra={saved ? t('reminder.smtpTestToHelp') : t('reminder.smtpTestUnsaved')}>
          <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
            {/* noStyle: its refusal shows under the label above, the button beside the box. */}
            <Form.Item name="recipient" noStyle rules={[schemaRule(Email, t('user.emailRule'), { label: t('reminder.smtpTestTo'), lang })]}>
              <Input maxLength={LIMITS.email} inputMode="email" placeholder="name@example.gov.cn" disabled={!saved} data-testid="smtp-test-to" />
            </Form.Item>
            <Button htmlType="submit" loading={busy} disabled={!saved} data-testid="smtp-test-send">
              {t('reminder.smtpTest')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      {result && <Alert type={result.sent ? 'success' : 'error'} showIcon title={result.message} data-testid="smtp-test-result" data-sent={String(result.sent)} />}
      {failure && <Alert type="error" showIcon title={failure} data-testid="smtp-test-result" data-sent="false" />}
    </div>
  );
}
