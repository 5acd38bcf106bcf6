import { useMemo } from 'react';
import { App, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { LIMITS } from '../../../domain/limits.js';
import type { MeetingCreate } from '../../../domain/schemas/meeting.js';
import { createMeeting, updateMeeting, type MeetingDetail } from '../../api/meetings.js';
import { FormModal } from '../../components/FormModal.js';
import type { FormValues } from '../../components/formValues.js';
import { isoDay } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { UnitsSelect } from '../dispatch/UnitsSelect.js';
import { useMeetingChoices } from './meetingChoices.js';
import { useMeetingSaved } from './useMeetingSaved.js';

type Values = FormValues<z.input<typeof MeetingCreate>, 'heldOn'>;
const FIELDS = ['kind', 'title', 'heldOn', 'place', 'bodyId', 'attendees', 'unitIds'] as const;

/**
 * 新建会议 / 编辑会议: the kind (a task force's member holds only its own task force's meetings),
 * title, day, place, the task force of a task-force meeting, who attends. The kind and the task
 * force are fixed once the meeting exists.
 */
export function MeetingFormModal({ meeting, reload, onClose }: { meeting?: MeetingDetail; reload?: () => Promise<void>; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const saved = useMeetingSaved();
  const { kinds, taskForces } = useMeetingChoices();
  // A task force's member with one task force has nothing to choose.
  const onlyBody = kinds.length === 1 && taskForces.length === 1 ? taskForces[0]!.value : undefined;
  // Kept while the inputs are the same: the form takes new initial values as a reload's.
  const initial = useMemo<Partial<Values>>(
    () =>
      meeting
        ? {
            kind: meeting.kind,
            title: meeting.title,
            heldOn: dayjs(meeting.heldOn),
            place: meeting.place,
            ...(meeting.bodyId ? { bodyId: meeting.bodyId } : {}),
            attendees: meeting.attendees,
            unitIds: meeting.units.map((u) => u.id),
          }
        : { kind: kinds[0], heldOn: dayjs(), unitIds: [], ...(onlyBody ? { bodyId: onlyBody } : {}) },
    [meeting, kinds, onlyBody],
  );

  const submit = async (v: Values) => {
    const fields = { title: v.title.trim(), heldOn: isoDay(v.heldOn)!, place: v.place?.trim() ?? '', attendees: v.attendees?.trim() ?? '', unitIds: v.unitIds ?? [] };
    if (meeting) {
      await saved(await updateMeeting(meeting.id, { version: meeting.version, ...fields }));
      void message.success(t('meeting.saved'));
      return;
    }
    const made = await createMeeting({ kind: v.kind, ...fields, ...(v.kind === 'task_force' && v.bodyId ? { bodyId: v.bodyId } : {}) });
    await saved(made);
    void message.success(t('meeting.created'));
    void navigate(`/meetings/${made.data.id}`);
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <FormModal<Values>
      title={t(meeting ? 'meeting.edit' : 'meeting.new')}
      initialValues={initial}
      fieldNames={FIELDS}
      submit={submit}
      {...(reload ? { reload } : {})}
      onClose={onClose}
      testId="meeting-form"
      okTestId="meeting-submit"
      width={720}
    >
      {(form) => (
        <>
          <Flex gap={12} wrap>
            <Form.Item name="kind" label={t('meeting.kind')} rules={[required(t('meeting.kind'))]} style={{ flex: '1 1 180px' }}>
              <Select disabled={!!meeting} options={kinds.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) }))} data-testid="meeting-kind" />
            </Form.Item>
            <Form.Item name="heldOn" label={t('meeting.heldOn')} rules={[required(t('meeting.heldOn'))]} style={{ flex: '1 1 160px' }}>
              <DatePicker style={{ width: '100%' }} data-testid="meeting-heldOn" />
            </Form.Item>
          </Flex>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {() =>
              form.getFieldValue('kind') === 'task_force' && (
                <Form.Item name="bodyId" label={t('meeting.taskForce')} rules={[required(t('meeting.taskForce'))]}>
                  <Select disabled={!!meeting} options={taskForces} data-testid="meeting-body" />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="title" label={t('meeting.title')} rules={[{ ...required(t('meeting.title')), whitespace: true }]}>
            <Input maxLength={200} data-testid="meeting-title" />
          </Form.Item>
          <Form.Item name="place" label={t('meeting.place')}>
            <Input maxLength={LIMITS.name} data-testid="meeting-place" />
          </Form.Item>
          <Form.Item name="attendees" label={t('meeting.attendees')} extra={t('meeting.attendeesHelp')}>
            <Input.TextArea rows={2} maxLength={LIMITS.text} data-testid="meeting-attendees" />
          </Form.Item>
          <Form.Item name="unitIds" label={t('meeting.units')}>
            <UnitsSelect testId="meeting-units" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
