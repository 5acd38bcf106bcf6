import { useState } from 'react';
import { Alert, Button, Divider, Flex, Form, Input, Radio, Typography, type UploadFile } from 'antd';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { COMPLAINT_ENVIRONMENTS, COMPLAINT_FILE_MAX_BYTES, COMPLAINT_MAX_FILES } from '../../../domain/complaints.js';
import { LIMITS } from '../../../domain/limits.js';
import { ComplaintCreate } from '../../../domain/schemas/complaint.js';
import { ApiError } from '../../api/client.js';
import { fileComplaint } from '../../api/complaints.js';
import { schemaRule } from '../../components/schemaRule.js';
import type { MessageKey } from '../../i18n/translate.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AuthShell } from '../auth/AuthShell.js';
import { ComplaintFilesPicker } from './ComplaintFilesPicker.js';
import { TrackingLookup } from './TrackingLookup.js';

type Values = z.input<typeof ComplaintCreate>;
const FIELDS = ComplaintCreate.shape;

/**
 * /public/complaint: 营商环境投诉 with no login, mobile first. The `website` field is the honeypot:
 * off-screen, out of the tab order and hidden from screen readers, so only a bot fills it in. Text
 * is shown as text everywhere (React escapes it); nothing is rendered as HTML.
 */
export function PublicComplaintPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [filesError, setFilesError] = useState<string | null>(null);

  const rules = (key: keyof typeof FIELDS, label: MessageKey, required = true) => [
    ...(required ? [{ required: true, whitespace: true, message: t('complaint.required', { field: t(label) }) }] : []),
    schemaRule(FIELDS[key], t(label), { label: t(label), lang }),
  ];

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    setFilesError(null);
    try {
      setCode((await fileComplaint(values, files.flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])))).data.trackingCode);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
      setError(err);
      const { files: aboutFiles, ...byField } = err.fields;
      setFilesError(aboutFiles ?? null);
      form.setFields(Object.entries(byField).map(([name, message]) => ({ name: name as keyof Values, errors: [message] })));
    } finally {
      setBusy(false);
    }
  };

  if (code) {
    return (
      <AuthShell title={t('complaint.filed')} footer={t('complaint.footer')}>
        <Flex vertical gap={12} data-testid="complaint-filed">
          <Typography.Text>{t('complaint.keepCode')}</Typography.Text>
          <Typography.Text
            data-testid="tracking-code"
            strong
            copyable={{ text: code, tooltips: [t('complaint.copy'), t('complaint.copied')] }}
            style={{ fontSize: 28, letterSpacing: 2, fontFamily: 'ui-monospace, monospace', wordBreak: 'break-all' }}
          >
            {code}
          </Typography.Text>
          <Flex gap={8} wrap>
            <Button type="primary" onClick={() => navigate(`/public/complaint/${code}`)} data-testid="complaint-view-status">
              {t('complaint.viewStatus')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFiles([]);
                setCode(null);
              }}
            >
              {t('complaint.another')}
            </Button>
          </Flex>
        </Flex>
      </AuthShell>
    );
  }

  return (
    <AuthShell title={t('complaint.title')} footer={t('complaint.footer')}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('complaint.intro')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={error.message} data-testid="complaint-error" />}
      <Form form={form} layout="vertical" requiredMark onFinish={(v) => void submit(v)} data-testid="complaint-form" initialValues={{ environment: 'government_service' }}>
        <Form.Item name="enterprise" label={t('complaint.enterprise')} rules={rules('enterprise', 'complaint.enterprise')}>
          <Input maxLength={100} autoComplete="organization" />
        </Form.Item>
        <Form.Item name="contactPerson" label={t('complaint.contactPerson')} rules={rules('contactPerson', 'complaint.contactPerson')}>
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item name="contact" label={t('complaint.contact')} rules={rules('contact', 'complaint.contact')}>
          <Input maxLength={100} inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="environment" label={t('complaint.environment')} rules={[{ required: true, message: t('complaint.required', { field: t('complaint.environment') }) }]}>
          <Radio.Group data-testid="complaint-environment" style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}>
            {COMPLAINT_ENVIRONMENTS.map((e) => (
              <Radio key={e} value={e}>
                {t(`complaint.environment.${e}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="unitName" label={t('complaint.unitName')} rules={rules('unitName', 'complaint.unitName', false)}>
          <Input maxLength={100} />
        </Form.Item>
        {/* The hint leaves room for the character count, drawn over the same line at the right. */}
        <Form.Item name="description" label={t('complaint.description')} extra={<span style={{ display: 'block', paddingRight: 72 }}>{t('complaint.descriptionHint')}</span>} rules={rules('description', 'complaint.description')}>
          <Input.TextArea rows={5} maxLength={LIMITS.text} showCount />
        </Form.Item>
        <Form.Item
          label={t('complaint.files')}
          extra={t('complaint.filesHint', { max: COMPLAINT_MAX_FILES, mb: COMPLAINT_FILE_MAX_BYTES / 1024 / 1024 })}
          validateStatus={filesError ? 'error' : undefined}
          help={filesError ? <span data-testid="complaint-files-error">{filesError}</span> : undefined}
        >
          <ComplaintFilesPicker files={files} setFiles={setFiles} onProblem={setFilesError} disabled={busy} />
        </Form.Item>
        {/* The honeypot: people never see or reach it. */}
        <div aria-hidden style={{ position: 'absolute', left: -10000, top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
          <Form.Item name="website" label={t('complaint.website')}>
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="complaint-submit">
          {t('complaint.submit')}
        </Button>
      </Form>
      <Divider plain>{t('complaint.lookupTitle')}</Divider>
      <TrackingLookup />
    </AuthShell>
  );
}
