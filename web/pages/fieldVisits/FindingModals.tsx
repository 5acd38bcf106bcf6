import { useMemo } from 'react';
import { App, DatePicker, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { BLOCKER_CATEGORIES, type BlockerCategory } from '../../../domain/schemas/blocker.js';
import { findingToBlocker, findingToFollowUp, type Finding } from '../../api/fieldVisits.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import { isoDay } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { UnitsSelect } from '../dispatch/UnitsSelect.js';
import { ItemPicker, type PickedItem } from './ItemPicker.js';

interface BlockerValues {
  item?: PickedItem;
  title: string;
  category: BlockerCategory;
  helpAsked?: string;
}

/** What changes when a finding becomes something: the visit, and the blockers or orders it joined. */
const changed = (qc: ReturnType<typeof useQueryClient>) => invalidate(qc, qk.fieldVisits.all, qk.blockers.all, qk.dispatches.all, qk.workbench.all);

/** 转为堵点: on the item it holds back, with a title, its kind and the help asked for; the finding's text is its detail. */
export function FindingBlockerModal({ visitId, taskForce, finding, onClose }: { visitId: string; taskForce: string; finding: Finding; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  // Kept across renders: the form takes new initial values as a reload's (a new object each render
  // reset the title typed whenever the visit behind was fetched again).
  const initial = useMemo<Partial<BlockerValues>>(() => ({ title: finding.text.slice(0, 60), category: 'coordination' }), [finding.text]);
  const submit = async (v: BlockerValues) => {
    await findingToBlocker(visitId, finding.id, { itemType: v.item!.itemType, itemId: v.item!.itemId, title: v.title, category: v.category, helpAsked: v.helpAsked ?? '', version: finding.version });
    void message.success(t('visit.blockerDone'));
    await changed(qc);
  };
  return (
    <FormModal<BlockerValues>
      title={t('visit.toBlocker')}
      initialValues={initial}
      fieldNames={['title', 'category', 'helpAsked']}
      submit={submit}
      onClose={onClose}
      testId="finding-blocker-form"
      okTestId="finding-blocker-submit"
    >
      <Form.Item name="item" label={t('visit.item')} extra={t('visit.itemHelp')} rules={[{ required: true, message: t('common.required', { field: t('visit.item') }) }]}>
        <ItemPicker taskForce={taskForce} />
      </Form.Item>
      <Form.Item name="title" label={t('visit.blockerTitle')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('visit.blockerTitle') }) }]}>
        <Input maxLength={200} data-testid="finding-blocker-title" />
      </Form.Item>
      <Form.Item name="category" label={t('visit.category')}>
        <Select options={BLOCKER_CATEGORIES.map((c) => ({ value: c, label: t(`blocker.category.${c}`) }))} />
      </Form.Item>
      <Form.Item name="helpAsked" label={t('visit.helpAsked')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

interface FollowUpValues {
  unitIds: string[];
  deadline: Dayjs | null;
}

/** 转为督办: to the units that answer for it, by a workday; tracked to reply like an order. */
export function FindingFollowUpModal({ visitId, finding, onClose }: { visitId: string; finding: Finding; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const submit = async (v: FollowUpValues) => {
    await findingToFollowUp(visitId, finding.id, { unitIds: v.unitIds, deadline: isoDay(v.deadline) ?? '', version: finding.version });
    void message.success(t('visit.followUpDone'));
    await changed(qc);
  };
  return (
    <FormModal<FollowUpValues>
      title={t('visit.toFollowUp')}
      initialValues={{}}
      fieldNames={['unitIds', 'deadline']}
      submit={submit}
      onClose={onClose}
      testId="finding-followup-form"
      okTestId="finding-followup-submit"
    >
      <Form.Item name="unitIds" label={t('visit.units')} rules={[{ required: true, message: t('common.required', { field: t('visit.units') }) }]}>
        <UnitsSelect testId="finding-followup-units" />
      </Form.Item>
      <Form.Item name="deadline" label={t('visit.deadline')} rules={[{ required: true, message: t('common.required', { field: t('visit.deadline') }) }]}>
        <DatePicker data-testid="finding-followup-deadline" />
      </Form.Item>
    </FormModal>
  );
}
