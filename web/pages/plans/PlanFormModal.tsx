import { Flex, Form, Input, Select } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { PLAN_KINDS } from '../../../domain/work.js';
import type { z } from 'zod';
import type { PlanCreate } from '../../../domain/schemas/plan.js';
import { useBodies, useUnits } from '../../api/hooks.js';
import { createPlan, listAreas, listPrograms, updatePlan } from '../../api/planning.js';
import type { PlanDetail } from '../../api/workTypes.js';
import { FormModal } from '../../components/FormModal.js';
import { useI18n } from '../../i18n/useI18n.js';
import { invalidate, qk } from '../../api/queryKeys.js';

/** The program is the district's one, not a field. */
type Values = Omit<z.input<typeof PlanCreate>, 'programId'>;
const FIELDS = ['kind', 'code', 'title', 'summary', 'taskForceId', 'leadUnitId', 'areaIds'] as const;

/**
 * 新建方案 / 编辑方案 (HQ office, while a draft): kind ("1", "6" or a mechanism plan), code, title,
 * summary, the 专项推进组 that owns a special plan, the lead unit and the areas it covers.
 */
export function PlanFormModal({ plan, onClose }: { plan?: PlanDetail; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const units = useUnits();
  const bodies = useBodies();
  const programs = useQuery({ queryKey: qk.programs, queryFn: listPrograms });
  const programId = plan?.programId ?? programs.data?.data[0]?.id;
  const areas = useQuery({ queryKey: qk.areas.of(programId), queryFn: () => listAreas(programId!), enabled: !!programId });
  const initial: Partial<Values> = plan
    ? { kind: plan.kind, code: plan.code, title: plan.title, summary: plan.summary, taskForceId: plan.taskForceId, leadUnitId: plan.leadUnitId, areaIds: plan.areas.map((a) => a.id) }
    : { kind: 'special', areaIds: [] };

  const submit = async (v: Values) => {
    const fields = { kind: v.kind, code: v.code.trim(), title: v.title.trim(), summary: v.summary ?? '', taskForceId: v.taskForceId ?? null, leadUnitId: v.leadUnitId ?? null, areaIds: v.areaIds ?? [] };
    if (plan) await updatePlan(plan.id, { version: plan.version, ...fields });
    else {
      const saved = await createPlan({ programId: programId!, ...fields });
      void navigate(`/plans/${saved.data.id}`);
    }
    // Items show their plan's code and title, and the rollups group by plan.
    await invalidate(qc, qk.plans.all, qk.tasks.all, qk.targets.all, qk.projects.all, qk.lights.all);
  };

  return (
    <FormModal<Values> title={t(plan ? 'plan.edit' : 'plan.new')} initialValues={initial} fieldNames={FIELDS} submit={submit} onClose={onClose} testId="plan-form" width={680}>
      <Flex gap={12} wrap>
        <Form.Item name="kind" label={t('plan.kind')} rules={[{ required: true }]} style={{ flex: '0 1 180px' }}>
          <Select options={PLAN_KINDS.map((k) => ({ value: k, label: t(`plan.kind.${k}`) }))} data-testid="plan-form-kind" />
        </Form.Item>
        <Form.Item name="code" label={t('item.code')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('item.code') }) }]} style={{ flex: '0 1 140px' }}>
          <Input maxLength={40} data-testid="plan-form-code" />
        </Form.Item>
        <Form.Item name="title" label={t('item.title')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('item.title') }) }]} style={{ flex: '1 1 260px' }}>
          <Input maxLength={200} data-testid="plan-form-title" />
        </Form.Item>
      </Flex>
      <Form.Item name="summary" label={t('plan.summary')}>
        <Input.TextArea rows={4} maxLength={4000} data-testid="plan-form-summary" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="taskForceId" label={t('plan.taskForce')} extra={t('plan.taskForceHelp')} style={{ flex: '1 1 220px' }}>
          <Select
            allowClear
            options={(bodies.data?.data ?? []).filter((b) => b.kind === 'task_force').map((b) => ({ value: b.id, label: b.name }))}
            data-testid="plan-form-task-force"
          />
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('item.leadUnit')} style={{ flex: '1 1 220px' }}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      </Flex>
      <Form.Item name="areaIds" label={t('plan.areas')}>
        <Select mode="multiple" allowClear options={(areas.data?.data ?? []).map((a) => ({ value: a.id, label: a.name }))} />
      </Form.Item>
    </FormModal>
  );
}
