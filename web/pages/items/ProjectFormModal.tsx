import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { z } from 'zod';
import type { ProjectCreate, ProjectPlanPut, StageDate } from '../../../domain/schemas/project.js';
import type { FormValues } from '../../components/formValues.js';
import { PROJECT_STAGES } from '../../../domain/work.js';
import { createProject, setProjectPlan, updateProject } from '../../api/planning.js';
import type { ProjectDetail } from '../../api/workTypes.js';
import { FormModal } from '../../components/FormModal.js';
import { schemaRule } from '../../components/schemaRule.js';
import { isoDay } from '../../format.js';
import { Money } from '../../../domain/schemas/work.js';
import { itemChanged } from '../../api/queryKeys.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useItemChoices, useItemSave } from './useItemChoices.js';

type StageDate = z.input<typeof StageDate>;
type Values = Omit<z.input<typeof ProjectCreate>, 'stageDates'> & {
  /** Planned and actual date of each stage: a planned date not reached in time turns the light red. */
  dates?: Partial<Record<(typeof PROJECT_STAGES)[number], FormValues<StageDate, 'planned' | 'actual'>>>;
};
const FIELDS = ['planId', 'code', 'name', 'ownerEnterprise', 'location', 'responsibleUnitId', 'totalInvestment', 'stage', 'stageDates'] as const;
const asDay = (s: string | null | undefined) => (s ? dayjs(s) : null);

/**
 * 新建项目 / 编辑项目 (HQ office): name, owner enterprise, location, responsible unit, total
 * investment (万元, exact) and stage; a stage moves forward only, dated today when reached.
 */
export function ProjectFormModal({ project, onClose }: { project?: ProjectDetail; onClose: () => void }) {
  const { t } = useI18n();
  const choices = useItemChoices();
  const save = useItemSave('project');
  const initial: Partial<Values> = project
    ? {
        planId: project.planId,
        code: project.code,
        name: project.name,
        ownerEnterprise: project.ownerEnterprise,
        location: project.location,
        responsibleUnitId: project.responsibleUnitId,
        totalInvestment: project.totalInvestment,
        stage: project.stage,
        dates: Object.fromEntries(PROJECT_STAGES.map((st) => [st, { planned: asDay(project.stageDates[st]?.planned), actual: asDay(project.stageDates[st]?.actual) }])),
      }
    : { stage: 'planning' };
  const submit = async (v: Values) => {
    const stageDates = Object.fromEntries(
      PROJECT_STAGES.flatMap((st) => {
        const d = v.dates?.[st];
        return d?.planned || d?.actual ? [[st, { planned: isoDay(d.planned), actual: isoDay(d.actual) }]] : [];
      }),
    );
    const fields = {
      planId: v.planId ?? null,
      code: v.code.trim(),
      name: v.name.trim(),
      ownerEnterprise: v.ownerEnterprise ?? '',
      location: v.location ?? '',
      responsibleUnitId: v.responsibleUnitId,
      totalInvestment: v.totalInvestment.trim(),
      stage: v.stage,
      stageDates,
    };
    await save(project ? updateProject(project.id, { version: project.version, ...fields }) : createProject(fields), !project);
  };
  const required = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { field: label }) }];
  return (
    <FormModal<Values> title={t(project ? 'project.edit' : 'project.new')} initialValues={initial} fieldNames={FIELDS} submit={submit} onClose={onClose} testId="project-form" width={680}>
      <Flex gap={12} wrap>
        <Form.Item name="code" label={t('item.code')} rules={required(t('item.code'))} style={{ flex: '0 1 140px' }}>
          <Input maxLength={40} data-testid="project-form-code" />
        </Form.Item>
        <Form.Item name="name" label={t('item.title')} rules={required(t('item.title'))} style={{ flex: '1 1 280px' }}>
          <Input maxLength={200} data-testid="project-form-name" />
        </Form.Item>
      </Flex>
      <Form.Item name="planId" label={t('item.plan')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={choices.plans} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="ownerEnterprise" label={t('project.owner')} style={{ flex: '1 1 220px' }}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="location" label={t('project.location')} style={{ flex: '1 1 220px' }}>
          <Input maxLength={200} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="responsibleUnitId" label={t('project.responsibleUnit')} rules={[{ required: true, message: t('common.required', { field: t('project.responsibleUnit') }) }]} style={{ flex: '1 1 220px' }}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={choices.units} data-testid="project-form-unit" />
        </Form.Item>
        <Form.Item
          name="totalInvestment"
          label={t('project.total')}
          rules={[...required(t('project.total')), schemaRule(Money, t('project.moneyFormat'))]}
          style={{ flex: '0 1 180px' }}
        >
          <Input inputMode="decimal" data-testid="project-form-total" />
        </Form.Item>
        <Form.Item name="stage" label={t('project.stage')} rules={[{ required: true }]} style={{ flex: '0 1 140px' }}>
          <Select options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} data-testid="project-form-stage" />
        </Form.Item>
      </Flex>
      <Form.Item label={t('project.stageDates')} extra={t('project.stageDatesHelp')}>
        <Flex vertical gap={6}>
          {PROJECT_STAGES.map((st) => (
            <Flex key={st} gap={8} align="center" wrap>
              <Typography.Text style={{ width: 48 }}>{t(`stage.${st}`)}</Typography.Text>
              <Form.Item name={['dates', st, 'planned']} noStyle>
                <DatePicker placeholder={t('project.plannedDateField')} data-testid={`project-form-planned-${st}`} />
              </Form.Item>
              <Form.Item name={['dates', st, 'actual']} noStyle>
                <DatePicker placeholder={t('project.actualDateField')} data-testid={`project-form-actual-${st}`} />
              </Form.Item>
            </Flex>
          ))}
        </Flex>
      </Form.Item>
    </FormModal>
  );
}

type PlanValues = Omit<z.input<typeof ProjectPlanPut>, 'version'>;

/** 年度投资计划 (HQ office): planned investment per year, 万元, exact; together no more than the total. */
export function ProjectPlanModal({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const submit = async (v: PlanValues) => {
    await setProjectPlan(project.id, { version: project.version, years: (v.years ?? []).map((y) => ({ year: y.year, planned: y.planned.trim() })) });
    await itemChanged(qc, 'project');
  };
  return (
    <FormModal<PlanValues> title={t('project.planTitle')} initialValues={{ years: project.yearPlans }} fieldNames={['years']} submit={submit} onClose={onClose} testId="project-plan-form">
      <Form.List name="years">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="start">
                <Form.Item name={[f.name, 'year']} rules={[{ required: true, message: t('common.required', { field: t('project.year') }) }]} style={{ marginBottom: 0 }}>
                  <InputNumber min={2000} max={2100} precision={0} placeholder={t('project.year')} data-testid="project-plan-year" />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'planned']}
                  rules={[
                    { required: true, message: t('common.required', { field: t('project.plannedWan') }) },
                    schemaRule(Money, t('project.moneyFormat')),
                  ]}
                  style={{ flex: 1, marginBottom: 0 }}
                >
                  <Input inputMode="decimal" placeholder={t('project.plannedWan')} data-testid="project-plan-amount" />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ year: new Date().getFullYear() })} data-testid="project-plan-add">
              {t('project.addYear')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
