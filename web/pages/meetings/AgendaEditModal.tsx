import { useMemo } from 'react';
import { App, Form, Input } from 'antd';
import { LIMITS } from '../../../domain/limits.js';
import { updateAgendaItem, type AgendaItem } from '../../api/meetings.js';
import { FormModal } from '../../components/FormModal.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useMeetingSaved } from './useMeetingSaved.js';

interface Values {
  title: string;
  note?: string;
}
const FIELDS = ['title', 'note'] as const;

/** 编辑议题: its title and the notes the minutes quote; what it hears or reviews stays as added. */
export function AgendaEditModal({ meetingId, item, reload, onClose }: { meetingId: string; item: AgendaItem; reload: () => Promise<void>; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const saved = useMeetingSaved();
  const initial = useMemo(() => ({ title: item.title, note: item.note }), [item]);
  const submit = async (v: Values) => {
    await saved(await updateAgendaItem(meetingId, item.id, { version: item.version, title: v.title.trim(), note: v.note?.trim() ?? '' }));
    void message.success(t('agenda.saved'));
  };
  return (
    <FormModal<Values> title={t('agenda.edit')} initialValues={initial} fieldNames={FIELDS} submit={submit} reload={reload} onClose={onClose} testId="agenda-edit-form" okTestId="agenda-edit-submit">
      <Form.Item name="title" label={t('agenda.itemTitle')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('agenda.itemTitle') }) }]}>
        <Input maxLength={200} data-testid="agenda-edit-title" />
      </Form.Item>
      <Form.Item name="note" label={t('agenda.note')} extra={t('agenda.noteHelp')}>
        <Input.TextArea rows={3} maxLength={LIMITS.text} data-testid="agenda-edit-note" />
      </Form.Item>
    </FormModal>
  );
}
