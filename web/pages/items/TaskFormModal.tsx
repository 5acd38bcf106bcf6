import { DatePicker, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import type { z } from 'zod';
import type { Recurrence, TaskCreate } from '../../../domain/schemas/task.js';
import type { FormValues } from '../../components/formValues.js';
import { DEADLINE_KINDS, REPORT_PERIODS } from '../../../domain/work.js';
import { createTask, updateTask } from '../../api/planning.js';
import type { TaskDetail } from '../../api/workTypes.js';
import { FormModal } from '../../components/FormModal.js';
import { isoDay, trimDecimal } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useItemChoices, useItemSave } from './useItemChoices.js';

type RecurrenceInput = z.input<typeof Recurrence>;
/** The schema's task, its recurrence as two fields (every, day) the form shows beside the deadline. */
type Values = FormValues<Omit<z.input<typeof TaskCreate>, 'recurrence'>, 'startDate' | 'deadline'> & { every?: RecurrenceInput['every']; day?: number | null };

const FIELDS = ['planId', 'code', 'title', 'description', 'leadUnitId', 'supportUnitIds', 'responsiblePost', 'weight', 'startDate', 'deadlineKind', 'deadline', 'reportPeriod'] as const;

/** What the form shows for a task being edited. */
function valuesOf(task: TaskDetail): Values {
  return {
    planId: task.planId,
    code: task.code,
    title: task.title,
    description: task.description,
    leadUnitId: task.units.find((u) => u.role === 'lead')?.unitId ?? null,
    supportUnitIds: task.units.filter((u) => u.role === 'support').map((u) => u.unitId),
    responsiblePost: task.responsiblePost,
    weight: trimDecimal(task.weight),
    startDate: task.startDate ? dayjs(task.startDate) : null,
    deadlineKind: task.deadlineKind,
    deadline: task.deadline ? dayjs(task.deadline) : null,
    every: task.recurrence?.every ?? 'month',
    day: task.recurrence?.day ?? 10,
    reportPeriod: task.reportPeriod,
  };
}

/**
 * 新建任务 / 编辑任务 (HQ office): a task under a plan, or a subtask under a task, with its lead and
 * supporting units, 分管领导 by post, and a deadline that is a date, recurring (每月10日前) or
 * 长期坚持. The server checks it all again; its field errors land on the fields.
 */
export function TaskFormModal({ task, parent, planId, onClose }: { task?: TaskDetail; parent?: TaskDetail; planId?: string; onClose: () => void }) {
  const { t } = useI18n();
  const choices = useItemChoices();
  const save = useItemSave('task');
  const initial: Partial<Values> = task
    ? valuesOf(task)
    : { planId: parent?.planId ?? planId, deadlineKind: 'date', every: 'month', day: 10, reportPeriod: parent?.reportPeriod ?? 'monthly', weight: '1', supportUnitIds: [] };

  const submit = async (v: Values) => {
    const fields = {
      code: v.code.trim(),
      title: v.title.trim(),
      description: v.description ?? '',
      leadUnitId: v.leadUnitId ?? null,
      supportUnitIds: v.supportUnitIds ?? [],
      responsiblePost: v.responsiblePost ?? '',
      weight: String(v.weight ?? '1'),
      startDate: isoDay(v.startDate),
      deadlineKind: v.deadlineKind,
      deadline: v.deadlineKind === 'ongoing' ? null : isoDay(v.deadline),
      recurrence: v.deadlineKind === 'recurring' ? { every: v.every ?? 'month', day: v.day ?? 10 } : null,
      reportPeriod: v.reportPeriod,
    };
    await save(task ? updateTask(task.id, { version: task.version, ...fields }) : createTask({ planId: v.planId, parentId: parent?.id ?? null, ...fields }), !task);
  };

  return (
    <FormModal<Values>
      title={task ? t('task.edit') : parent ? t('task.newChild', { parent: `${parent.code} ${parent.title}` }) : t('task.new')}
      initialValues={initial}
      fieldNames={FIELDS}
      submit={submit}
      onClose={onClose}
      testId="task-form"
      width={720}
    >
      {(form) => (
        <>
          <Form.Item name="planId" label={t('item.plan')} rules={[{ required: true, message: t('common.required', { field: t('item.plan') }) }]}>
            <Select
              disabled={!!task || !!parent}
              showSearch={{ optionFilterProp: 'label' }}
              options={choices.plans}
              data-testid="task-form-plan"
            />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="code" label={t('item.code')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('item.code') }) }]} style={{ flex: '0 1 160px' }}>
              <Input maxLength={40} data-testid="task-form-code" />
            </Form.Item>
            <Form.Item name="title" label={t('item.title')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('item.title') }) }]} style={{ flex: '1 1 300px' }}>
              <Input maxLength={200} data-testid="task-form-title" />
            </Form.Item>
          </Flex>
          <Form.Item name="description" label={t('item.description')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="leadUnitId" label={t('item.leadUnit')} style={{ flex: '1 1 220px' }}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={choices.units} data-testid="task-form-lead" />
            </Form.Item>
            <Form.Item name="supportUnitIds" label={t('task.supportUnits')} style={{ flex: '2 1 300px' }}>
              <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={choices.units} data-testid="task-form-support" />
            </Form.Item>
          </Flex>
          <Flex gap={12} wrap>
            <Form.Item name="responsiblePost" label={t('item.responsiblePost')} extra={t('task.postHelp')} style={{ flex: '1 1 200px' }}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="weight" label={t('task.weight')} extra={t('task.weightHelp')} style={{ flex: '0 1 140px' }}>
              <Input />
            </Form.Item>
            <Form.Item name="reportPeriod" label={t('item.reportPeriod')} rules={[{ required: true }]} style={{ flex: '0 1 160px' }}>
              <Select options={REPORT_PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))} />
            </Form.Item>
          </Flex>
          <Form.Item name="deadlineKind" label={t('item.deadline')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={DEADLINE_KINDS.map((k) => ({ value: k, label: t(`task.deadlineKind.${k}`) }))} data-testid="task-form-deadline-kind" />
          </Form.Item>
          <Form.Item noStyle dependencies={['deadlineKind']}>
            {() => {
              const kind = form.getFieldValue('deadlineKind') as Values['deadlineKind'];
              return (
                <Flex gap={12} wrap>
                  <Form.Item name="startDate" label={t('task.startDate')}>
                    <DatePicker />
                  </Form.Item>
                  {kind === 'date' && (
                    <Form.Item name="deadline" label={t('task.deadlineDate')} rules={[{ required: true, message: t('common.required', { field: t('task.deadlineDate') }) }]}>
                      <DatePicker data-testid="task-form-deadline" />
                    </Form.Item>
                  )}
                  {kind === 'recurring' && (
                    <>
                      <Form.Item name="every" label={t('task.every')} rules={[{ required: true }]}>
                        <Select style={{ width: 110 }} options={[{ value: 'month', label: t('task.everyMonth') }, { value: 'quarter', label: t('task.everyQuarter') }]} />
                      </Form.Item>
                      <Form.Item name="day" label={t('task.byDay')} rules={[{ required: true, message: t('common.required', { field: t('task.byDay') }) }]}>
                        <InputNumber min={1} max={31} precision={0} />
                      </Form.Item>
                      <Form.Item name="deadline" label={t('task.recurringUntil')}>
                        <DatePicker />
                      </Form.Item>
                    </>
                  )}
                </Flex>
              );
            }}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
