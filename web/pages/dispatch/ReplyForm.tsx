import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { replyDispatch, type DispatchDetail } from '../../api/dispatch.js';
import { ApiError } from '../../api/client.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { applyFieldErrors } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';

type Recipient = DispatchDetail['recipients'][number];
interface Values {
  answer?: string;
  figures?: Record<string, string>;
}

/**
 * A unit's reply to an order: the answer (what was done, for an action), and for a figures order
 * one field per column of its table. Figures stay strings: the server checks and keeps them exactly.
 */
export function ReplyForm({ dispatch, row, onDone }: { dispatch: DispatchDetail; row: Recipient; onDone?: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  // Server paths are `answer` and `figures.<key>`: the form's own names.
  const fieldNames = ['answer', 'figures'];

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await replyDispatch(dispatch.id, { unitId: row.unitId, answer: v.answer ?? '', figures: v.figures ?? {}, version: row.version });
      void message.success(t('dispatch.replySaved'));
      await invalidate(qc, qk.dispatches.all, qk.workbench.all);
      onDone?.();
    } catch (e) {
      if (!applyFieldErrors(form, e, fieldNames)) setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={`${t('dispatch.yourReply')} · ${row.unitName}`} data-testid="dispatch-reply-form">
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} data-testid="dispatch-reply-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ answer: row.answer ?? '', figures: row.figures ?? {} }} onFinish={(v) => void submit(v)}>
        {dispatch.columns.length > 0 && (
          <Flex gap={12} wrap>
            {dispatch.columns.map((c) => (
              <Form.Item
                key={c.key}
                name={['figures', c.key]}
                label={c.unit ? `${c.label}（${c.unit}）` : c.label}
                rules={[{ required: true, pattern: /^-?\d{1,16}(\.\d{1,4})?$/, message: t('common.required', { field: c.label }) }]}
                style={{ flex: '0 1 180px' }}
              >
                <Input inputMode="decimal" data-testid={`dispatch-figure-${c.key}`} />
              </Form.Item>
            ))}
          </Flex>
        )}
        <Form.Item
          name="answer"
          label={t(dispatch.kind === 'action' ? 'dispatch.actionDone' : 'dispatch.answer')}
          rules={dispatch.kind === 'figures' ? [] : [{ required: true, whitespace: true, message: t('common.required', { field: t('dispatch.answer') }) }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="dispatch-answer" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="dispatch-reply-submit">
          {t(row.status === 'replied' ? 'dispatch.amend' : 'dispatch.reply')}
        </Button>
      </Form>
    </Card>
  );
}
