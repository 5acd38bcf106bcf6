import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Email } from '../../../domain/schemas/common.js';
import { SMTP_LIMITS, SMTP_PORTS, SMTP_SECURITY, type SmtpSecurity } from '../../../domain/schemas/smtpChannel.js';
import { LIMITS } from '../../../domain/limits.js';
import { isVersionConflict } from '../../api/client.js';
import { putSmtp, type NotificationSettings } from '../../api/inbox.js';
import { qk } from '../../api/queryKeys.js';
import { applyFieldErrors, errorMessage } from '../../components/formErrors.js';
import { schemaRule } from '../../components/schemaRule.js';
import { useI18n } from '../../i18n/useI18n.js';
import { SmtpTest } from './SmtpTest.js';

interface Values {
  enabled: boolean;
  host: string;
  port: number;
  security: SmtpSecurity;
  username?: string;
  password?: string;
  fromAddress: string;
}
const FIELDS = ['enabled', 'host', 'port', 'security', 'username', 'password', 'fromAddress'] as const;
// Off until the office saves it on: a half-filled form must not start mailing everyone with an address.
const EMPTY: Values = { enabled: false, host: '', port: 465, security: 'tls', fromAddress: '' };

/**
 * 邮件（SMTP）: the HQ office's mail server. The password is never shown: a saved one is kept when the
 * field is left empty. The server names the field it refuses (a login over an unencrypted connection, say).
 */
export function SmtpSettings({ smtp, readOnly }: { smtp: NotificationSettings['smtp']; readOnly: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  useEffect(() => {
    form.setFieldsValue(smtp ? { ...smtp, username: smtp.username ?? '', password: '' } : EMPTY);
  }, [form, smtp]);

  const save = async (v: Values) => {
    setBusy(true);
    setConflict(null);
    try {
      const body = { version: smtp?.version ?? 0, enabled: v.enabled, host: v.host, port: v.port, security: v.security, username: v.username?.trim() || null, fromAddress: v.fromAddress, ...(v.password ? { password: v.password } : {}) };
      qc.setQueryData(qk.notificationSettings, await putSmtp(body));
      void message.success(t('common.saved'));
    } catch (e) {
      if (isVersionConflict(e)) {
        setConflict(e.message);
        await qc.invalidateQueries({ queryKey: qk.notificationSettings });
      } else if (!applyFieldErrors(form, e, FIELDS)) void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="smtp-settings">
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('reminder.smtpTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('reminder.smtpHelp')}</Typography.Paragraph>
      {conflict && <Alert type="warning" showIcon title={conflict} description={t('common.reloaded')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={EMPTY} disabled={readOnly} onFinish={(v) => void save(v)}>
        <Form.Item name="enabled" label={t('reminder.smtpEnabled')} valuePropName="checked">
          <Switch data-testid="smtp-enabled" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="host" label={t('reminder.smtpHost')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('reminder.smtpHost') }) }]}>
              <Input maxLength={SMTP_LIMITS.host} placeholder="smtp.example.gov.cn" autoComplete="off" data-testid="smtp-host" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={4}>
            <Form.Item name="port" label={t('reminder.smtpPort')} rules={[{ required: true }]}>
              <Select options={SMTP_PORTS.map((p) => ({ value: p, label: String(p) }))} data-testid="smtp-port" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={12}>
            <Form.Item name="security" label={t('reminder.smtpSecurity')} rules={[{ required: true }]}>
              <Select options={SMTP_SECURITY.map((s) => ({ value: s, label: t(`reminder.smtpSecurity.${s}`) }))} data-testid="smtp-security" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="username" label={t('reminder.smtpUsername')}>
              <Input maxLength={SMTP_LIMITS.username} autoComplete="off" data-testid="smtp-username" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="password" label={t('reminder.smtpPassword')} extra={smtp?.passwordSet ? t('reminder.smtpPasswordKept') : undefined}>
              <Input.Password maxLength={SMTP_LIMITS.password} autoComplete="new-password" data-testid="smtp-password" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              name="fromAddress"
              label={t('reminder.smtpFrom')}
              rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('reminder.smtpFrom') }) }, schemaRule(Email, t('user.emailRule'), { label: t('reminder.smtpFrom'), lang })]}
            >
              <Input maxLength={LIMITS.email} inputMode="email" placeholder="tuijin@example.gov.cn" data-testid="smtp-from" />
            </Form.Item>
          </Col>
        </Row>
        {!readOnly && (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="smtp-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
      <SmtpTest saved={!!smtp} />
    </div>
  );
}
