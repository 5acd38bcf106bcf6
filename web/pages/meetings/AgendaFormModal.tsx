import { useMemo } from 'react';
import { App, Form, Input, Radio, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { LIMITS } from '../../../domain/limits.js';
import { AGENDA_KINDS, HEARING_SUBJECTS, agendaKindAllowed, type AgendaKind, type HearingSubject } from '../../../domain/meetings.js';
import { useBodies, useUnits } from '../../api/hooks.js';
import { addAgendaItem, type MeetingDetail } from '../../api/meetings.js';
import { listPlans } from '../../api/planning.js';
import { qk } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useMeetingSaved } from './useMeetingSaved.js';

interface Values {
  kind: AgendaKind;
  title: string;
  subjectType: HearingSubject;
  unitId?: string;
  bodyId?: string;
  planId?: string;
  note?: string;
}
const FIELDS = ['kind', 'title', 'unitId', 'bodyId', 'planId', 'note'] as const;
const UNDER_REVIEW = { status: 'under_review' } as const;

/**
 * 添加议题: 听取汇报 names the unit or task force that reports (its status is frozen as it is
 * added), 审议 the plan under review (at a leading-group meeting only), 研究部署 neither.
 */
export function AgendaFormModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const saved = useMeetingSaved();
  const units = useUnits();
  const bodies = useBodies();
  const reviews = meeting.kind === 'leading_group';
  const plans = useQuery({ queryKey: qk.plans.list(UNDER_REVIEW), queryFn: () => listPlans(UNDER_REVIEW), enabled: reviews });
  // A task force's meeting hears its own task force only (or a unit).
  const taskForces = (bodies.data?.data ?? []).filter((b) => b.kind === 'task_force' && (meeting.kind !== 'task_force' || b.id === meeting.bodyId));
  const initial = useMemo<Partial<Values>>(() => ({ kind: 'hearing', subjectType: 'task_force' }), []);

  const submit = async (v: Values) => {
    const heard = v.kind !== 'hearing' ? {} : v.subjectType === 'unit' ? { unitId: v.unitId! } : { bodyId: v.bodyId! };
    await saved(
      await addAgendaItem(meeting.id, {
        kind: v.kind,
        title: v.title.trim(),
        note: v.note?.trim() ?? '',
        ...heard,
        ...(v.kind === 'review' ? { planId: v.planId! } : {}),
      }),
    );
    void message.success(t('agenda.added'));
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <FormModal<Values> title={t('agenda.add')} initialValues={initial} fieldNames={FIELDS} submit={submit} onClose={onClose} testId="agenda-form" okTestId="agenda-submit" width={640}>
      {(form) => (
        <>
          <Form.Item name="kind" label={t('agenda.kind')} extra={reviews ? undefined : t('agenda.kindHelp')} rules={[required(t('agenda.kind'))]}>
            <Select options={AGENDA_KINDS.filter((k) => agendaKindAllowed(meeting.kind, k)).map((k) => ({ value: k, label: t(`agenda.kind.${k}`) }))} data-testid="agenda-kind" />
          </Form.Item>
          <Form.Item name="title" label={t('agenda.itemTitle')} rules={[{ ...required(t('agenda.itemTitle')), whitespace: true }]}>
            <Input maxLength={200} data-testid="agenda-title" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind || a.subjectType !== b.subjectType}>
            {() => {
              const kind = form.getFieldValue('kind') as AgendaKind | undefined;
              if (kind === 'hearing') {
                const byUnit = form.getFieldValue('subjectType') === 'unit';
                return (
                  <>
                    <Form.Item name="subjectType" label={t('agenda.subjectType')} extra={t('agenda.subjectHelp')} rules={[{ required: true }]}>
                      <Radio.Group
                        optionType="button"
                        options={HEARING_SUBJECTS.map((s) => ({ value: s, label: t(`agenda.subjectType.${s}`) }))}
                        data-testid="agenda-subject-type"
                      />
                    </Form.Item>
                    {byUnit ? (
                      <Form.Item name="unitId" label={t('agenda.unit')} rules={[required(t('agenda.unit'))]}>
                        <Select showSearch={{ optionFilterProp: 'label' }} options={(units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))} data-testid="agenda-unit" />
                      </Form.Item>
                    ) : (
                      <Form.Item name="bodyId" label={t('agenda.body')} rules={[required(t('agenda.body'))]}>
                        <Select options={taskForces.map((b) => ({ value: b.id, label: b.name }))} data-testid="agenda-body" />
                      </Form.Item>
                    )}
                  </>
                );
              }
              if (kind === 'review') {
                const options = (plans.data?.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.title}` }));
                return (
                  <Form.Item name="planId" label={t('agenda.plan')} extra={t('agenda.planHelp')} rules={[required(t('agenda.plan'))]}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={plans.isLoading}
                      options={options}
                      notFoundContent={plans.isLoading ? undefined : t('agenda.noPlans')}
                      data-testid="agenda-plan"
                    />
                  </Form.Item>
                );
              }
              return null;
            }}
          </Form.Item>
          <Form.Item name="note" label={t('agenda.note')} extra={t('agenda.noteHelp')}>
            <Input.TextArea rows={3} maxLength={LIMITS.text} data-testid="agenda-note-input" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
