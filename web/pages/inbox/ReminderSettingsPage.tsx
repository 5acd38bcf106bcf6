import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LADDER_LIMITS, type LadderSettings } from '../../../domain/reminders/ladder.js';
import { getNotificationSettings, putNotificationSettings } from '../../api/inbox.js';
import { isVersionConflict } from '../../api/client.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { applyFieldErrors, errorMessage } from '../../components/formErrors.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { useI18n } from '../../i18n/useI18n.js';
import { DeliveryLog } from './DeliveryLog.js';
import { RobotChannels } from './RobotChannels.js';
import { SmtpSettings } from './SmtpSettings.js';

const FIELDS = ['daysBefore', 'lateRemind', 'lateUrge', 'lateSupervise'] as const;
const bounds = (f: (typeof FIELDS)[number]) => (f === 'daysBefore' ? LADDER_LIMITS.daysBefore : LADDER_LIMITS.late);

/** 提醒设置: the HQ office's ladder (the server checks the order and names the field), its channels (robots, the mail server) and the delivery log. */
export function ReminderSettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const query = useQuery({ queryKey: qk.notificationSettings, queryFn: getNotificationSettings });
  const [form] = Form.useForm<LadderSettings>();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  useEffect(() => {
    if (query.data) form.setFieldsValue(query.data.data.ladder);
  }, [form, query.data]);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const save = async (ladder: LadderSettings) => {
    setBusy(true);
    setConflict(null);
    try {
      qc.setQueryData(qk.notificationSettings, await putNotificationSettings(query.data.data.version, ladder));
      void message.success(t('common.saved'));
      await invalidate(qc, qk.deliveries.all);
    } catch (e) {
      if (isVersionConflict(e)) {
        setConflict(e.message);
        await query.refetch();
      } else if (!applyFieldErrors(form, e, FIELDS)) void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  // The ladder and the mail server are the whole deployment's: below the top region they are read here, set by the top's office.
  const readOnly = query.data.policies.updateShared !== true;
  return (
    <>
      <PageCard title={t('reminder.settingsTitle')} testId="reminder-settings-page">
        {readOnly && <Alert type="info" showIcon title={t('reminder.sharedReadOnly')} style={{ marginBottom: 16 }} data-testid="shared-read-only" />}
        {conflict && <Alert type="warning" showIcon title={conflict} description={t('common.reloaded')} style={{ marginBottom: 16 }} />}
        <Typography.Title level={5}>{t('reminder.ladderTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('reminder.ladderHelp')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={query.data.data.ladder} disabled={readOnly} onFinish={(v) => void save(v)}>
          <Row gutter={16}>
            {FIELDS.map((f) => {
              const b = bounds(f);
              return (
                <Col key={f} xs={24} md={12} xl={6}>
                  <Form.Item name={f} label={t(`reminder.${f}`)} extra={t('policy.range', b)} rules={[{ required: true, type: 'integer', min: b.min, max: b.max, message: t('policy.range', b) }]}>
                    <InputNumber min={b.min} max={b.max} precision={0} style={{ width: '100%' }} data-testid={`ladder-${f}`} />
                  </Form.Item>
                </Col>
              );
            })}
          </Row>
          {!readOnly && (
            <Button type="primary" htmlType="submit" loading={busy} data-testid="ladder-save">
              {t('common.save')}
            </Button>
          )}
        </Form>
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {t('reminder.channels')}
        </Typography.Title>
        <RobotChannels channels={query.data.data.channels} />
        <SmtpSettings smtp={query.data.data.smtp} readOnly={readOnly} />
      </PageCard>
      <div style={{ height: 16 }} />
      <DeliveryLog />
    </>
  );
}
