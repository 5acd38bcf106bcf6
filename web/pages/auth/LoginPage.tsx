import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { LIMITS } from '../../../domain/limits.js';
import { login } from '../../api/auth.js';
import { ApiError } from '../../api/client.js';
import { STAGE_PATHS } from '../../auth/stages.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AuthShell } from './AuthShell.js';
import type { z } from 'zod';
import type { LoginBody } from '../../../domain/schemas/auth.js';
import { dropKeptAnswers } from '../../offline/keptAnswers.js';

type Values = z.input<typeof LoginBody>;

/** /login: account (or mobile) and password; then on to whatever stage the session is at. */
export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = (location.state as { notice?: string | null } | null)?.notice;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const stage = await login({ account: values.account.trim(), password: values.password });
      queryClient.clear();
      await dropKeptAnswers();
      navigate(STAGE_PATHS[stage], { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  const locked = error?.code === 'account_locked';
  return (
    <AuthShell title={t('login.title')}>
      {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
      {error && (
        <Alert
          data-testid="login-error"
          role="alert"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={locked ? t('login.lockedTitle') : t('login.failedTitle')}
          description={error.message}
        />
      )}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} autoComplete="on">
        <Form.Item name="account" label={t('login.account')} rules={[{ required: true, whitespace: true, message: t('login.accountRequired') }]}>
          <Input
            id="login-account"
            data-testid="login-account"
            prefix={<UserOutlined />}
            placeholder={t('login.accountPlaceholder')}
            autoComplete="username"
            maxLength={LIMITS.account}
            size="large"
            autoFocus
          />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password
            id="login-password"
            data-testid="login-password"
            prefix={<LockOutlined />}
            placeholder={t('login.passwordPlaceholder')}
            autoComplete="current-password"
            maxLength={LIMITS.password}
            size="large"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
