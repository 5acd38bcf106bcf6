import { Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { periodRange, periodsOfYear } from '../../../domain/periods.js';
import { DIRECTIONS, TARGET_ACCUMULATIONS, TARGET_PERIODS } from '../../../domain/work.js';
import { createTarget, recordActual, setTrajectory, updateTarget } from '../../api/planning.js';
import type { TargetDetail } from '../../api/workTypes.js';
import { FormModal } from '../../components/FormModal.js';
import { schemaRule } from '../../components/schemaRule.js';
import { todayInZone, trimDecimal as trim } from '../../format.js';
import { TargetValue } from '../../../domain/schemas/work.js';
import type { z } from 'zod';
import type { ActualCreate, TargetCreate, TrajectoryPut } from '../../../domain/schemas/target.js';
import { itemChanged } from '../../api/queryKeys.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useItemChoices, useItemSave } from './useItemChoices.js';

type Values = z.input<typeof TargetCreate>;
const FIELDS = ['planId', 'code', 'name', 'measureUnit', 'baseline', 'direction', 'dataUnitId', 'period', 'accumulation', 'goals'] as const;

/**
 * 新建指标 / 编辑指标 (HQ office): unit of measure, baseline, direction, the unit that supplies the
 * data, its reporting period and a goal per program year; the trajectory is linear between them.
 */
export function TargetFormModal({ target, onClose }: { target?: TargetDetail; onClose: () => void }) {
  const { t } = useI18n();
  const choices = useItemChoices();
  const save = useItemSave('target');
  const initial: Partial<Values> = target
    ? {
        planId: target.planId,
        code: target.code,
        name: target.name,
        measureUnit: target.measureUnit,
        baseline: trim(target.baseline),
        direction: target.direction,
        dataUnitId: target.dataUnitId,
        period: target.period,
        accumulation: target.accumulation,
        goals: target.goals.map((g) => ({ year: g.year, goal: trim(g.goal) })),
      }
    : { direction: 'higher', period: 'monthly', accumulation: 'level', goals: [{ year: Number(todayInZone().slice(0, 4)), goal: '' }] };
  const submit = async (v: Values) => {
    const fields = {
      code: v.code.trim(),
      name: v.name.trim(),
      measureUnit: v.measureUnit.trim(),
      baseline: v.baseline.trim(),
      direction: v.direction,
      dataUnitId: v.dataUnitId,
      period: v.period,
      accumulation: v.accumulation,
      goals: (v.goals ?? []).map((g) => ({ year: g.year, goal: g.goal.trim() })),
    };
    await save(target ? updateTarget(target.id, { version: target.version, ...fields }) : createTarget({ planId: v.planId, ...fields }), !target);
  };
  const required = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { field: label }) }];
  const figure = (label: string) => [...required(label), schemaRule(TargetValue, t('target.valueFormat'))];
  return (
    <FormModal<Values> title={t(target ? 'target.edit' : 'target.new')} initialValues={initial} fieldNames={FIELDS} submit={submit} onClose={onClose} testId="target-form" width={680}>
      <Form.Item name="planId" label={t('item.plan')} rules={[{ required: true, message: t('common.required', { field: t('item.plan') }) }]}>
        <Select disabled={!!target} showSearch={{ optionFilterProp: 'label' }} options={choices.plans} data-testid="target-form-plan" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="code" label={t('item.code')} rules={required(t('item.code'))} style={{ flex: '0 1 140px' }}>
          <Input maxLength={40} data-testid="target-form-code" />
        </Form.Item>
        <Form.Item name="name" label={t('item.title')} rules={required(t('item.title'))} style={{ flex: '1 1 280px' }}>
          <Input maxLength={200} data-testid="target-form-name" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="measureUnit" label={t('target.measureUnit')} rules={required(t('target.measureUnit'))} style={{ flex: '0 1 120px' }}>
          <Input maxLength={20} data-testid="target-form-measure" />
        </Form.Item>
        <Form.Item name="baseline" label={t('target.baseline')} rules={figure(t('target.baseline'))} style={{ flex: '0 1 140px' }}>
          <Input inputMode="decimal" data-testid="target-form-baseline" />
        </Form.Item>
        <Form.Item name="direction" label={t('target.direction')} rules={[{ required: true }]} style={{ flex: '0 1 140px' }}>
          <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`target.${d}`) }))} />
        </Form.Item>
        <Form.Item name="period" label={t('item.reportPeriod')} rules={[{ required: true }]} style={{ flex: '0 1 120px' }}>
          <Select options={TARGET_PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))} />
        </Form.Item>
      </Flex>
      <Form.Item name="accumulation" label={t('target.accumulation')} rules={[{ required: true }]} extra={t('target.accumulationHelp')}>
        <Select options={TARGET_ACCUMULATIONS.map((a) => ({ value: a, label: t(`target.accumulation.${a}`) }))} data-testid="target-form-accumulation" />
      </Form.Item>
      <Form.Item name="dataUnitId" label={t('target.dataUnit')} rules={[{ required: true, message: t('common.required', { field: t('target.dataUnit') }) }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={choices.units} data-testid="target-form-unit" />
      </Form.Item>
      <Form.Item label={t('target.goals')} required>
        <Form.List name="goals">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'year']} rules={[{ required: true, message: t('common.required', { field: t('project.year') }) }]} style={{ marginBottom: 0 }}>
                    <InputNumber min={2000} max={2100} precision={0} placeholder={t('project.year')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'goal']} rules={figure(t('target.goal'))} style={{ flex: 1, marginBottom: 0 }}>
                    <Input inputMode="decimal" placeholder={t('target.goal')} data-testid="target-form-goal" />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('target.addGoal')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}

type ActualValues = z.input<typeof ActualCreate>;

/** 录入实际值 (HQ office): a period's actual, as the statistics bureau publishes it; reports write theirs when accepted. */
export function ActualModal({ target, onClose }: { target: TargetDetail; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const today = todayInZone();
  // Periods of the target's years that have begun, newest first.
  const periods = target.goals
    .flatMap((g) => periodsOfYear(g.year, target.period))
    .filter((p) => (periodRange(p)?.start ?? '9999') <= today)
    .reverse();
  const submit = async (v: ActualValues) => {
    await recordActual(target.id, { period: v.period, value: v.value.trim() });
    await itemChanged(qc, 'target');
  };
  return (
    <FormModal<ActualValues> title={t('target.recordActual')} initialValues={{ period: periods[0] }} fieldNames={['period', 'value']} submit={submit} onClose={onClose} testId="actual-form">
      <Flex gap={12} wrap>
        <Form.Item name="period" label={t('target.period')} rules={[{ required: true }]} style={{ flex: '0 1 160px' }}>
          <Select options={periods.map((p) => ({ value: p, label: p }))} data-testid="actual-form-period" />
        </Form.Item>
        <Form.Item
          name="value"
          label={`${t('target.actual')}（${target.measureUnit}）`}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('target.actual') }) }, schemaRule(TargetValue, t('target.valueFormat'))]}
          style={{ flex: '1 1 160px' }}
        >
          <Input inputMode="decimal" data-testid="actual-form-value" />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}

/** The form holds the values alone: each period is the one shown in its place. */
interface TrajectoryValues {
  points: Pick<z.input<typeof TrajectoryPut>['points'][number], 'expected'>[];
}

/**
 * 计划轨迹 (HQ office): the expected value of each period of one year, linear between the goals
 * unless entered. Only the periods whose value differs from the line (or were entered before) are
 * kept as entered points; 恢复线性 drops the year's entered points. Other years keep theirs.
 */
export function TrajectoryModal({ target, year, onClose }: { target: TargetDetail; year: number; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const shown = target.trajectory.filter((p) => p.year === year);
  const others = target.trajectory.filter((p) => p.year !== year && p.entered).map((p) => ({ period: p.period, expected: p.expected }));
  const save = async (points: { period: string; expected: string }[]) => {
    await setTrajectory(target.id, { version: target.version, points: [...others, ...points] });
    await itemChanged(qc, 'target');
  };
  const submit = async (v: TrajectoryValues) => {
    // The form holds only the values; each period is the one shown in its place.
    const typed = v.points.map((p, i) => ({ period: shown[i]!.period, expected: p.expected.trim(), was: shown[i]! }));
    await save(typed.filter((p) => p.was.entered || trim(p.expected) !== trim(p.was.expected)).map(({ period, expected }) => ({ period, expected })));
  };
  return (
    <FormModal<TrajectoryValues>
      title={t('target.trajectoryTitle', { year })}
      initialValues={{ points: shown.map((p) => ({ expected: trim(p.expected) })) }}
      fieldNames={['points']}
      submit={submit}
      onClose={onClose}
      testId="trajectory-form"
    >
      <Form.List name="points">
        {(fields) => (
          <Flex wrap gap={8}>
            {fields.map((f, i) => (
              <Form.Item
                key={f.key}
                name={[f.name, 'expected']}
                label={`${shown[i]!.period}${shown[i]!.entered ? ` · ${t('target.entered')}` : ''}`}
                rules={[{ required: true, whitespace: true, message: t('common.required', { field: shown[i]!.period }) }, schemaRule(TargetValue, t('target.valueFormat'))]}
                style={{ width: 120, marginBottom: 4 }}
              >
                <Input inputMode="decimal" data-testid="trajectory-value" />
              </Form.Item>
            ))}
          </Flex>
        )}
      </Form.List>
      {shown.some((p) => p.entered) && (
        <Button
          type="link"
          style={{ paddingInline: 0 }}
          onClick={() =>
            void save([])
              .then(onClose)
              .catch(() => undefined)
          }
          data-testid="trajectory-linear"
        >
          {t('target.backToLinear')}
        </Button>
      )}
    </FormModal>
  );
}
