import { useState } from 'react';
import { App, Button, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ItemType } from '../../../domain/work.js';
import type { z } from 'zod';
import { BLOCKER_CATEGORIES, type BlockerCreate } from '../../../domain/schemas/blocker.js';
import { raiseBlocker } from '../../api/reporting.js';
import { unitsActedFor } from '../../auth/actsFor.js';
import { useCurrentUser } from '../../auth/CurrentUser.js';
import { FormModal } from '../../components/FormModal.js';
import { useI18n } from '../../i18n/useI18n.js';
import { invalidate, qk } from '../../api/queryKeys.js';

type Values = Pick<z.input<typeof BlockerCreate>, 'title' | 'detail' | 'category' | 'helpAsked'>;
const FIELDS = ['title', 'detail', 'category', 'helpAsked'] as const;
const EMPTY: Partial<Values> = { title: '', detail: '', category: 'other', helpAsked: '' };

/**
 * 上报堵点 on the item's page, between reports: for a liaison or head of a unit that answers for the
 * item (the server checks it again). It starts at unit level, where the plan's task force sees it.
 */
export function RaiseBlockerButton({ itemType, itemId, ownerUnitIds, allowed }: { itemType: ItemType; itemId: string; ownerUnitIds: readonly string[]; allowed: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const mine = unitsActedFor(me, 'liaison', 'unit_head');
  if (!allowed || !ownerUnitIds.some((u) => mine.includes(u))) return null;

  const submit = async (v: Values) => {
    await raiseBlocker({ itemType, itemId, title: v.title, detail: v.detail ?? '', category: v.category ?? 'other', helpAsked: v.helpAsked ?? '' });
    void message.success(t('blocker.raised'));
    // The HQ desk and the task forces' queues count open blockers.
    await invalidate(qc, qk.blockers.all, qk.workbench.all);
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="blocker-raise">
        {t('blocker.raise')}
      </Button>
      {open && (
        <FormModal<Values> title={t('blocker.raise')} initialValues={EMPTY} fieldNames={FIELDS} submit={submit} onClose={() => setOpen(false)} testId="blocker-raise-modal">
          <Form.Item name="title" label={t('report.blockerTitle')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('report.blockerTitle') }) }]}>
            <Input maxLength={200} data-testid="blocker-raise-title" />
          </Form.Item>
          <Form.Item name="category" label={t('blocker.category')}>
            <Select options={BLOCKER_CATEGORIES.map((c) => ({ value: c, label: t(`blocker.category.${c}`) }))} data-testid="blocker-raise-category" />
          </Form.Item>
          <Form.Item name="detail" label={t('report.blockerDetail')}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="blocker-raise-detail" />
          </Form.Item>
          <Form.Item name="helpAsked" label={t('blocker.helpAsked')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="blocker-raise-help" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
