import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SecurityPolicySchema, type SecurityPolicy } from '../../../domain/securityPolicy.js';
import { getSecurityPolicy, putSecurityPolicy } from '../../api/admin.js';
import { isVersionConflict } from '../../api/client.js';
import { can } from '../../api/types.js';
import { applyFieldErrors, errorMessage } from '../../components/formErrors.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { useI18n } from '../../i18n/useI18n.js';
import type { MessageKey } from '../../i18n/translate.js';
import { qk } from '../../api/queryKeys.js';

type Field = keyof SecurityPolicy;
const GROUPS: { title: MessageKey; fields: Field[] }[] = [
  { title: 'policy.lockoutGroup', fields: ['lockoutThreshold', 'lockoutWindowMinutes', 'lockoutMinutes'] },
  { title: 'policy.sessionGroup', fields: ['idleTimeoutMinutes', 'absoluteTimeoutHours'] },
  { title: 'policy.passwordGroup', fields: ['passwordMinLength', 'passwordMinClasses'] },
];

const ALL_FIELDS = GROUPS.flatMap((g) => g.fields);

/** The bounds come from the shared schema, so the form and the server agree. */
function bounds(field: Field): { min: number; max: number } {
  const s = SecurityPolicySchema.shape[field];
  return { min: s.minValue ?? 0, max: s.maxValue ?? Number.MAX_SAFE_INTEGER };
}

/** 安全策略: lockout, session timeouts and password strength (secadmin). */
export function SecurityPolicyPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: qk.securityPolicy, queryFn: getSecurityPolicy });
  const [form] = Form.useForm<SecurityPolicy>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);

  useEffect(() => {
    if (query.data) form.setFieldsValue(query.data.data.policy);
  }, [form, query.data]);

  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  // Older answers may omit `policies`: reading the page at all means the secadmin may keep it.
  const editable = query.data.policies ? can(query.data.policies, 'update') : true;

  const save = async (policy: SecurityPolicy) => {
    setBusy(true);
    setConflict(null);
    try {
      const r = await putSecurityPolicy(query.data.data.version, policy);
      queryClient.setQueryData(qk.securityPolicy, r);
      void message.success(t('common.saved'));
    } catch (e) {
      if (isVersionConflict(e)) {
        setConflict(e.message);
        await query.refetch();
      } else if (!applyFieldErrors(form, e, ALL_FIELDS, (name) => name.replace(/^policy\./, ''))) {
        void message.error(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageCard title={t('policy.title')} testId="security-policy-page">
      {conflict && <Alert type="warning" showIcon title={conflict} description={t('common.reloaded')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={query.data.data.policy} onFinish={(v) => void save(v)} disabled={!editable}>
        {GROUPS.map((g) => (
          <div key={g.title}>
            <Typography.Title level={5}>{t(g.title)}</Typography.Title>
            <Row gutter={16}>
              {g.fields.map((f) => {
                const b = bounds(f);
                return (
                  <Col key={f} xs={24} md={12} xl={8}>
                    <Form.Item
                      name={f}
                      label={t(`policy.${f}`)}
                      extra={t('policy.range', b)}
                      rules={[{ required: true, type: 'integer', min: b.min, max: b.max, message: t('policy.range', b) }]}
                    >
                      <InputNumber min={b.min} max={b.max} precision={0} style={{ width: '100%' }} data-testid={`policy-${f}`} />
                    </Form.Item>
                  </Col>
                );
              })}
            </Row>
          </div>
        ))}
        {editable && (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="policy-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </PageCard>
  );
}
