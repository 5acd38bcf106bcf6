import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client.js';
import { approveAdjustment, createAdjustment, listAdjustments, type Adjustment, type Scheme } from '../../api/assessments.js';
import { useUnits } from '../../api/hooks.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import { useI18n } from '../../i18n/useI18n.js';

const KINDS = ['evaluation', 'bonus', 'deduction'] as const;

/** 领导评价 and 加分/扣分 of a scheme's period: the list, a new item, and approving another assessor's item. */
export function AdjustmentsModal({ scheme, period, onClose }: { scheme: Scheme; period: string; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const key = qk.assessments.list({ adjustments: scheme.id, period });
  const list = useQuery({ queryKey: key, queryFn: () => listAdjustments(scheme.id, period) });
  const units = useUnits();
  const [adding, setAdding] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async (v: { unitId: string; kind: (typeof KINDS)[number]; points: string; reason: string }) => {
    await createAdjustment(scheme.id, { ...v, period });
    await invalidate(qc, qk.assessments.all);
  };
  const approve = async (a: Adjustment) => {
    try {
      await approveAdjustment(a.id, a.version);
      await invalidate(qc, qk.assessments.all);
    } catch (e) {
      // Nobody approves their own item: the server says so in the user's language.
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Modal open title={`${t('assessment.adjustments')} · ${period}`} onCancel={onClose} footer={null} width={760} data-testid="adjustments">
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setAdding(true)} data-testid="adjustment-new">
          {t('assessment.adjustmentNew')}
        </Button>
      </Space>
      <Table<Adjustment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data?.data ?? []}
        columns={[
          { title: t('assessment.unit'), key: 'unit', render: (_, a) => a.unitName },
          { title: t('assessment.adjustmentKind'), key: 'kind', render: (_, a) => t(`assessment.adjustmentKind.${a.kind}`) },
          { title: t('assessment.points'), key: 'points', render: (_, a) => a.points },
          { title: t('assessment.reason'), key: 'reason', render: (_, a) => a.reason },
          {
            title: '',
            key: 'status',
            render: (_, a) =>
              a.status === 'approved' ? (
                <Tag color="green">{t('assessment.adjustmentApproved')}</Tag>
              ) : (
                <Button size="small" onClick={() => void approve(a)} data-testid="adjustment-approve">
                  {t('assessment.adjustmentApprove')}
                </Button>
              ),
          },
        ]}
      />
      {adding && (
        <FormModal title={t('assessment.adjustmentNew')} initialValues={{ kind: 'evaluation' }} fieldNames={['unitId', 'kind', 'points', 'reason']} submit={submit} onClose={() => setAdding(false)} testId="adjustment-form">
          <Form.Item name="unitId" label={t('assessment.unit')} rules={[{ required: true, message: t('common.required', { field: t('assessment.unit') }) }]}>
            <Select showSearch optionFilterProp="label" options={(units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('assessment.adjustmentKind')}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`assessment.adjustmentKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="points" label={t('assessment.points')} rules={[{ required: true, message: t('common.required', { field: t('assessment.points') }) }]}>
            <Input />
          </Form.Item>
          <Form.Item name="reason" label={t('assessment.reason')} rules={[{ required: true, message: t('common.required', { field: t('assessment.reason') }) }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
    </Modal>
  );
}
