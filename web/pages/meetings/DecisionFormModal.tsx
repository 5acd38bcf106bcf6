import { useMemo } from 'react';
import { App, DatePicker, Form, Input } from 'antd';
import type { z } from 'zod';
import { LIMITS } from '../../../domain/limits.js';
import type { DecisionCreate } from '../../../domain/schemas/meeting.js';
import { addDecision } from '../../api/meetings.js';
import { qk } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import type { FormValues } from '../../components/formValues.js';
import { isoDay, todayInZone } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { UnitsSelect } from '../dispatch/UnitsSelect.js';
import { useMeetingSaved } from './useMeetingSaved.js';

type Values = FormValues<z.input<typeof DecisionCreate>, 'deadline'>;
const FIELDS = ['content', 'unitIds', 'deadline'] as const;

/**
 * 添加议定事项: what was decided, the units that own it and the day it is due. It goes out to the
 * units at once; a deadline on a rest day or past is refused by the server, on the field.
 */
export function DecisionFormModal({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const saved = useMeetingSaved();
  const initial = useMemo<Partial<Values>>(() => ({ unitIds: [] }), []);
  const submit = async (v: Values) => {
    // A decision is an order of kind decision: the dispatch lists and the units' workbenches hold it too.
    await saved(await addDecision(meetingId, { content: v.content.trim(), unitIds: v.unitIds, deadline: isoDay(v.deadline)! }), qk.dispatches.all, qk.workbench.all);
    void message.success(t('decision.recorded'));
  };
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <FormModal<Values> title={t('decision.add')} initialValues={initial} fieldNames={FIELDS} submit={submit} onClose={onClose} testId="decision-form" okTestId="decision-submit" width={640}>
      <Form.Item name="content" label={t('decision.content')} rules={[{ ...required(t('decision.content')), whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={LIMITS.text} data-testid="decision-content" />
      </Form.Item>
      <Form.Item name="unitIds" label={t('decision.units')} extra={t('decision.unitsHelp')} rules={[required(t('decision.units'))]}>
        <UnitsSelect testId="decision-units" />
      </Form.Item>
      <Form.Item name="deadline" label={t('decision.deadline')} extra={t('decision.deadlineHelp')} rules={[required(t('decision.deadline'))]}>
        <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < todayInZone()} data-testid="decision-deadline" />
      </Form.Item>
    </FormModal>
  );
}
