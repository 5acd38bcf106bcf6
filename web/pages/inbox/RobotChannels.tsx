import { useState } from 'react';
import { App, Button, Flex, Form, Input, Popconfirm, Select, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { addRobot, removeRobot, testRobot, type NotificationSettings } from '../../api/inbox.js';
import { useUnits } from '../../api/hooks.js';
import { qk } from '../../api/queryKeys.js';
import { errorMessage } from '../../components/formErrors.js';
import { FormModal } from '../../components/FormModal.js';
import { useI18n } from '../../i18n/useI18n.js';

interface Values {
  kind: 'wecom' | 'dingtalk';
  name: string;
  unitId: string;
  url: string;
  secret?: string;
}
const FIELDS = ['kind', 'name', 'unitId', 'url', 'secret'] as const;

/** 发送测试消息: one message to the group at once; the platform's answer (taken, or its error) as a notice that stays a while. */
function RobotTestButton({ id }: { id: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const r = (await testRobot(id)).data;
      void (r.sent ? message.success(r.message, 6) : message.error(r.message, 10));
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" type="link" loading={busy} onClick={() => void run()} data-testid="robot-test">
      {t('reminder.robotTest')}
    </Button>
  );
}

/** 发送渠道: the inbox, and the units' group robots (add one, remove one); the server checks the address and never shows the secret. */
export function RobotChannels({ channels }: { channels: NotificationSettings['channels'] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const units = useUnits();
  const [adding, setAdding] = useState(false);
  const saved = (r: { data: NotificationSettings; policies: Record<string, boolean> }) => qc.setQueryData(qk.notificationSettings, r);
  return (
    <>
      <Flex vertical gap={8} data-testid="robot-channels">
        {channels.map((c) => (
          <Flex key={c.id} gap={8} align="center" wrap>
            <Tag color={c.kind === 'inbox' ? 'green' : 'blue'}>{t(`reminder.channel.${c.kind as 'inbox' | 'wecom' | 'dingtalk'}`)}</Tag>
            <Typography.Text>{c.name}</Typography.Text>
            {c.unitName && <Typography.Text type="secondary">{c.unitName}</Typography.Text>}
            {c.address && <Typography.Text type="secondary" code>{c.address}</Typography.Text>}
            {c.kind !== 'inbox' && <RobotTestButton id={c.id} />}
            {c.kind !== 'inbox' && (
              <Popconfirm title={t('reminder.robotRemove')} onConfirm={() => void removeRobot(c.id).then(saved, (e: unknown) => void message.error(errorMessage(e)))}>
                <Button size="small" type="link" danger>
                  {t('reminder.robotRemove')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        ))}
        <div>
          <Button onClick={() => setAdding(true)} data-testid="robot-add">
            {t('reminder.robotAdd')}
          </Button>
        </div>
      </Flex>
      {adding && (
        <FormModal<Values> title={t('reminder.robotAdd')} initialValues={{ kind: 'wecom' }} fieldNames={FIELDS} submit={async (v) => void saved(await addRobot(v))} onClose={() => setAdding(false)} testId="robot-form">
          {(form) => (
            <>
              <Form.Item name="kind" label={t('reminder.robotKind')} rules={[{ required: true }]}>
                <Select options={(['wecom', 'dingtalk'] as const).map((k) => ({ value: k, label: t(`reminder.channel.${k}`) }))} />
              </Form.Item>
              <Form.Item name="unitId" label={t('reminder.logUnit')} rules={[{ required: true }]}>
                <Select showSearch optionFilterProp="label" options={(units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
              </Form.Item>
              <Form.Item name="name" label={t('reminder.robotName')} rules={[{ required: true, max: 60 }]}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name="url" label={t('reminder.robotUrl')} extra={t('reminder.robotUrlHelp')} rules={[{ required: true }]}>
                <Input maxLength={300} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.kind !== b.kind}>
                {() =>
                  form.getFieldValue('kind') === 'dingtalk' && (
                    <Form.Item name="secret" label={t('reminder.robotSecret')} rules={[{ required: true }]}>
                      <Input.Password maxLength={200} autoComplete="off" />
                    </Form.Item>
                  )
                }
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
    </>
  );
}
