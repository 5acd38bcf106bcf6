import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { draftResponse, getResponseRequest, sendResponse, type ResponseRequest } from '../../api/promises.js';
import { qk } from '../../api/queryKeys.js';
import { can, type Policies } from '../../api/types.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LoadError } from '../../components/LoadError.js';
import { NotFound } from '../../components/NotFound.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { EvidenceUpload, evidenceRefs, toUploadFile, type EvidenceFile } from '../reports/EvidenceUpload.js';
import { AnswerView } from './AnswerView.js';
import { RequestStatusTag } from './PromiseStateTag.js';

interface AnswerValues {
  answer: string;
  promises: { enterprise: string; content: string; deadline: Dayjs }[];
}

/** One written response asked of the unit: what is asked, and the answer the liaison drafts and the head sends. */
export function ResponseRequestPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useQuery({ queryKey: qk.responseRequests.detail(id), queryFn: () => getResponseRequest(id), retry: false });
  if (q.error instanceof ApiError && q.error.status === 404) return <NotFound />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <FullPageSpin />;
  const { data: r, policies } = q.data;
  return (
    <Flex vertical gap={16} data-testid="response-request-page" data-status={r.status}>
      <Card title={t('request.text')} extra={<RequestStatusTag status={r.status} overdue={r.overdue} />}>
        <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label={t('request.enterprise')}>{r.enterprise ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('request.requestedAt')}>{formatDateTime(r.requestedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('request.deadline')}>{r.deadline}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }} data-testid="request-text">
          {r.text}
        </Typography.Paragraph>
      </Card>
      {can(policies, 'draft') || can(policies, 'send') ? (
        <AnswerForm r={r} policies={policies} reload={async () => void (await q.refetch())} />
      ) : (
        r.answer && (
          <Card size="small" title={t('request.answer')}>
            <AnswerView r={r} />
          </Card>
        )
      )}
    </Flex>
  );
}

function AnswerForm({ r, policies, reload }: { r: ResponseRequest; policies: Policies; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<AnswerValues>();
  const [files, setFiles] = useState<EvidenceFile[]>(() => r.evidence.map(toUploadFile));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [initial] = useState<AnswerValues>(() => ({ answer: r.answer ?? '', promises: r.draftPromises.map((p) => ({ ...p, deadline: dayjs(p.deadline) })) }));

  const body = (v: AnswerValues) => ({
    answer: v.answer,
    evidence: evidenceRefs(files),
    promises: (v.promises ?? []).map((p) => ({ enterprise: p.enterprise, content: p.content, deadline: p.deadline.format('YYYY-MM-DD') })),
  });
  const run = async (step: 'draft' | 'send') => {
    setError(null);
    const v = await form.validateFields();
    setBusy(true);
    try {
      if (step === 'draft') await draftResponse(r.id, r.version, body(v));
      else await sendResponse(r.id, r.version, body(v));
      void message.success(t(step === 'draft' ? 'request.saved' : 'request.sent'));
      await qc.invalidateQueries({ queryKey: qk.responseRequests.all });
      await qc.invalidateQueries({ queryKey: qk.promises.all });
      await reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];

  return (
    <Card title={t('request.answer')} data-testid="answer-form">
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="answer" label={t('request.answer')} rules={required(t('request.answer'))}>
          <Input.TextArea rows={6} maxLength={2000} data-testid="answer-input" />
        </Form.Item>
        <Form.Item label={t('request.evidence')}>
          <EvidenceUpload files={files} onChange={setFiles} />
        </Form.Item>
        <Typography.Text strong>{t('request.promises')}</Typography.Text>
        <Form.List name="promises">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} wrap align="baseline" data-testid="promise-row">
                  <Form.Item name={[f.name, 'enterprise']} rules={required(t('promise.enterprise'))} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('promise.enterprise')} maxLength={100} style={{ width: 200 }} data-testid="promise-enterprise" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'content']} rules={required(t('promise.content'))} style={{ marginBottom: 0, flex: 1, minWidth: 220 }}>
                    <Input placeholder={t('promise.content')} maxLength={2000} data-testid="promise-content" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'deadline']} rules={[{ required: true, message: t('common.required', { field: t('promise.deadline') }) }]} style={{ marginBottom: 0 }}>
                    <DatePicker placeholder={t('promise.deadline')} data-testid="promise-deadline" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ enterprise: r.enterprise ?? '' })} style={{ alignSelf: 'flex-start' }} data-testid="promise-add">
                {t('request.addPromise')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
      {error && (
        <Typography.Paragraph type="danger" style={{ marginTop: 12 }} data-testid="answer-error">
          {error}
        </Typography.Paragraph>
      )}
      <Flex gap={8} style={{ marginTop: 16 }}>
        {can(policies, 'draft') && (
          <Button loading={busy} onClick={() => void run('draft')} data-testid="answer-draft">
            {t('request.draft')}
          </Button>
        )}
        {can(policies, 'send') && (
          <Popconfirm title={t('request.sendConfirm')} onConfirm={() => void run('send')} okButtonProps={{ 'data-testid': 'answer-send-confirm' } as never}>
            <Button type="primary" loading={busy} data-testid="answer-send">
              {t('request.send')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Card>
  );
}
