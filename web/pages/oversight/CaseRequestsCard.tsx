import { useState } from 'react';
import { Button, Card, Empty, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { RESPONSE_WORKDAYS, RESPONSE_WORKDAYS_MAX } from '../../../domain/promises.js';
import { useUnits } from '../../api/hooks.js';
import { askResponse, listCaseRequests } from '../../api/promises.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadError } from '../../components/LoadError.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AnswerView } from '../promises/AnswerView.js';
import { RequestStatusTag } from '../promises/PromiseStateTag.js';

interface AskValues {
  unitId: string;
  text: string;
  enterprise?: string;
  workdays: number;
}

/**
 * 书面说明 on a case page: the units asked, each request's state and the answer with its promises;
 * 要求单位书面说明 asks another. The unit reads only the words written here, never the case.
 */
export function CaseRequestsCard({ caseId, unitId, enterprise }: { caseId: string; unitId: string | null; enterprise?: string | undefined }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: qk.oversight.requests(caseId), queryFn: () => listCaseRequests(caseId) });
  const units = useUnits();
  const [asking, setAsking] = useState(false);
  // Held once: FormModal puts its initial values back whenever they change (a re-render would clear the form).
  const [initial] = useState<Partial<AskValues>>(() => ({ workdays: RESPONSE_WORKDAYS, ...(unitId ? { unitId } : {}), ...(enterprise ? { enterprise } : {}) }));
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Card size="small" loading title={t('request.title')} />;
  const { data: requests, policies } = q.data;
  const reload = async () => void (await q.refetch());

  return (
    <Card
      size="small"
      title={t('request.title')}
      data-testid="case-requests"
      extra={
        can(policies, 'ask') && (
          <Button size="small" type="primary" onClick={() => setAsking(true)} data-testid="case-request-ask">
            {t('request.ask')}
          </Button>
        )
      }
    >
      {requests.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('request.none')} />}
      <Flex vertical gap={16}>
        {requests.map((r) => (
          <Flex key={r.id} vertical gap={4} data-testid="case-request" data-status={r.status} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{r.unitName}</Typography.Text>
              <RequestStatusTag status={r.status} overdue={r.overdue} />
              <Typography.Text type="secondary">
                {t('request.requestedAt')} {formatDateTime(r.requestedAt)} · {t('request.deadline')} {r.deadline}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
              {r.enterprise ? `${r.enterprise}：` : ''}
              {r.text}
            </Typography.Paragraph>
            {r.status === 'answered' && <AnswerView r={r} promises={r.promises} />}
          </Flex>
        ))}
      </Flex>
      {asking && (
        <FormModal<AskValues>
          title={t('request.ask')}
          okText={t('request.ask')}
          width={600}
          testId="case-request-modal"
          okTestId="case-request-ok"
          fieldNames={['unitId', 'text', 'enterprise', 'workdays']}
          initialValues={initial}
          reload={reload}
          onClose={() => setAsking(false)}
          submit={async (v) => {
            await askResponse(caseId, { unitId: v.unitId, text: v.text, workdays: v.workdays, ...(v.enterprise?.trim() ? { enterprise: v.enterprise.trim() } : {}) });
            await reload();
          }}
        >
          <Typography.Paragraph type="warning">{t('request.askHint')}</Typography.Paragraph>
          <Form.Item name="unitId" label={t('request.unit')} rules={[{ required: true, message: t('common.required', { field: t('request.unit') }) }]}>
            <Select showSearch optionFilterProp="label" options={(units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))} data-testid="case-request-unit" />
          </Form.Item>
          <Form.Item name="text" label={t('request.text')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('request.text') }) }]}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="case-request-text" />
          </Form.Item>
          <Form.Item name="enterprise" label={t('request.enterprise')}>
            <Input maxLength={100} data-testid="case-request-enterprise" />
          </Form.Item>
          <Form.Item name="workdays" label={t('request.workdays')} rules={[{ required: true, message: t('common.required', { field: t('request.workdays') }) }]}>
            <InputNumber min={1} max={RESPONSE_WORKDAYS_MAX} precision={0} data-testid="case-request-workdays" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
