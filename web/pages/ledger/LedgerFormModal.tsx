import { useState } from 'react';
import { DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { KEY_LINKS } from '../../../domain/ledger.js';
import type { ItemType } from '../../../domain/work.js';
import { LedgerCreate } from '../../../domain/schemas/ledger.js';
import { useUnits } from '../../api/hooks.js';
import { createLedgerEntry, listInspections } from '../../api/ledger.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import type { FormValues } from '../../components/formValues.js';
import { schemaRule } from '../../components/schemaRule.js';
import { isoDay } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ItemPicker, type PickedItem } from '../fieldVisits/ItemPicker.js';

type Values = FormValues<Pick<z.input<typeof LedgerCreate>, 'inspectionId' | 'unitId' | 'keyLink' | 'finding' | 'requirement' | 'deadline'>, 'deadline'> & { item?: PickedItem };
const FIELDS = ['inspectionId', 'unitId', 'items', 'keyLink', 'finding', 'requirement', 'deadline', 'source'] as const;
const Finding = LedgerCreate.shape.finding;

/**
 * Where the finding comes from, when made on an item's page or a blocker: a source the server reads
 * the unit and items from (a red or overdue item, a blocker), or an item the finding is entered on.
 */
export interface LedgerOrigin {
  kind: 'red_light' | 'overdue' | 'blocker' | 'entered';
  /** The source's id: the item's for red, overdue and entered, the blocker's for a blocker. */
  id: string;
  /** The item an entered finding concerns. */
  item?: { itemType: ItemType; itemId: string };
  title: string;
  /** Units to choose from, lead first: the entry names one (the first unless chosen); none where the source names it. */
  unitIds: readonly string[];
}

/**
 * 登记督查问题: from an item's page (its light decides the source: 红灯 or 逾期, else an entered
 * finding on it), from a blocker, or from the ledger with an item picker and a unit. The server fills the unit and
 * items from a red, overdue or blocker source and sets 10 workdays ahead when no deadline is chosen.
 */
export function LedgerFormModal({ origin, campaign, onClose }: { origin?: LedgerOrigin; /** The campaign whose ledger is open: the entry belongs to it unless changed. */ campaign?: string | undefined; onClose: () => void }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const units = useUnits();
  const campaigns = useQuery({ queryKey: qk.inspections.list({}), queryFn: () => listInspections() });
  const unitChoices = (units.data?.data ?? []).filter((u) => !origin || origin.unitIds.includes(u.id)).map((u) => ({ value: u.id, label: u.name }));
  // Held once: FormModal puts its initial values back whenever they change, and the units' and campaigns' answers re-render this.
  const [initial] = useState<Partial<Values>>(() => ({ keyLink: 'delivery', ...(origin ? { unitId: origin.unitIds[0] } : {}), ...(campaign ? { inspectionId: campaign } : {}) }));

  const submit = async (v: Values) => {
    const item = origin ? origin.item : v.item;
    // An entered finding on an item with one unit names that unit (no field shown for it).
    const unitId = v.unitId ?? (origin?.kind === 'entered' ? origin.unitIds[0] : undefined);
    const body: z.input<typeof LedgerCreate> = {
      keyLink: v.keyLink,
      finding: v.finding,
      requirement: v.requirement,
      ...(v.inspectionId ? { inspectionId: v.inspectionId } : {}),
      ...(unitId ? { unitId } : {}),
      ...(v.deadline ? { deadline: isoDay(v.deadline)! } : {}),
      // A red or overdue item or a blocker is the source (the server checks it still is); otherwise the item is named.
      ...(origin && origin.kind !== 'entered' ? { source: { kind: origin.kind, id: origin.id } } : item ? { items: [item] } : {}),
    };
    const saved = await createLedgerEntry(body);
    await invalidate(qc, qk.ledger.all);
    void navigate(`/ledger/${saved.data.id}`);
  };
  const words = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { field: label }) }, schemaRule(Finding, label, { label, lang })];

  return (
    <FormModal<Values> title={t('ledger.new')} initialValues={initial} fieldNames={FIELDS} submit={submit} onClose={onClose} testId="ledger-form" width={680}>
      {origin && (
        <Typography.Paragraph data-testid="ledger-form-origin">
          {t('ledger.sourceFrom')}：{t(`ledger.source.${origin.kind}`)} · {origin.title}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('ledger.sourceHelp')}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      <Flex gap={12} wrap>
        {(!origin || origin.unitIds.length > 1) && (
          <Form.Item name="unitId" label={t('ledger.unit')} rules={[{ required: true, message: t('common.required', { field: t('ledger.unit') }) }]} style={{ flex: '1 1 220px' }}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={unitChoices} data-testid="ledger-form-unit" />
          </Form.Item>
        )}
        <Form.Item name="inspectionId" label={t('ledger.campaign')} style={{ flex: '1 1 220px' }}>
          <Select allowClear options={(campaigns.data?.data ?? []).map((c) => ({ value: c.id, label: c.title }))} placeholder={t('ledger.noCampaign')} data-testid="ledger-form-campaign" />
        </Form.Item>
      </Flex>
      {!origin && (
        <Form.Item name="item" label={t('ledger.pickItem')}>
          <ItemPicker />
        </Form.Item>
      )}
      <Flex gap={12} wrap>
        <Form.Item name="keyLink" label={t('ledger.keyLink')} rules={[{ required: true }]} style={{ flex: '1 1 180px' }}>
          <Select options={KEY_LINKS.map((k) => ({ value: k, label: t(`ledger.keyLink.${k}`) }))} data-testid="ledger-form-link" />
        </Form.Item>
        <Form.Item name="deadline" label={t('ledger.deadline')} extra={t('ledger.deadlineHelp')} style={{ flex: '1 1 180px' }}>
          <DatePicker style={{ width: '100%' }} data-testid="ledger-form-deadline" />
        </Form.Item>
      </Flex>
      <Form.Item name="finding" label={t('ledger.finding')} rules={words(t('ledger.finding'))}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="ledger-form-finding" />
      </Form.Item>
      <Form.Item name="requirement" label={t('ledger.requirement')} rules={words(t('ledger.requirement'))}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="ledger-form-requirement" />
      </Form.Item>
    </FormModal>
  );
}
