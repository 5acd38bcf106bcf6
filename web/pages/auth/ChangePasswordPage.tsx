import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LIMITS } from '../../../domain/limits.js';
import { changePassword } from '../../api/auth.js';
import type { Me } from '../../api/types.js';
import { SessionGate } from '../../auth/SessionGate.js';
import { useStageNavigate } from '../../auth/useStageNavigate.js';
import { applyFieldErrors, errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AuthShell } from './AuthShell.js';
import { BackToLogin } from './BackToLogin.js';
import { PasswordRules } from './PasswordRules.js';
import type { z } from 'zod';
import type { ChangePasswordBody } from '../../../domain/schemas/auth.js';

/** The new password typed twice: the second is the form's own check. */
type Values = z.input<typeof ChangePasswordBody> & { confirm: string };

function ChangePasswordForm({ me }: { me: Me }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const currentPassword = Form.useWatch('currentPassword', form) ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const goToStage = useStageNavigate();

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await goToStage(await changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }));
    } catch (e) {
      if (!applyFieldErrors(form, e, ['currentPassword', 'newPassword'])) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" autoComplete="username" value={me.account} readOnly hidden />
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}>
        <Input.Password data-testid="password-current" autoComplete="current-password" maxLength={LIMITS.password} />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true, message: t('common.required', { field: t('password.new') }) }]}>
        <Input.Password data-testid="password-new" autoComplete="new-password" maxLength={LIMITS.password} />
      </Form.Item>
      <PasswordRules password={newPassword} account={me.account} current={currentPassword} rules={me.passwordRules} />
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required', { field: t('password.confirm') }) },
          ({ getFieldValue }) => ({
            validator: (_, value: string) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
          }),
        ]}
      >
        <Input.Password data-testid="password-confirm" autoComplete="new-password" maxLength={LIMITS.password} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}

/** /login/password: an initial (or reset) password must be replaced before any work. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  return (
    <SessionGate stage="change_password">
      {(me) => (
        <AuthShell title={t('password.title')}>
          <Typography.Paragraph type="secondary">{t('password.hint')}</Typography.Paragraph>
          <ChangePasswordForm me={me} />
          <BackToLogin />
        </AuthShell>
      )}
    </SessionGate>
  );
}
