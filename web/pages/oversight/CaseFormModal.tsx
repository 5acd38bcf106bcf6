import { useState } from 'react';
import { Flex, Form, Input, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { KEY_LINKS } from '../../../domain/ledger.js';
import { CASE_CATEGORIES, type OpenedSource } from '../../../domain/oversight.js';
import { OversightCaseCreate } from '../../../domain/schemas/oversight.js';
import { useUnits } from '../../api/hooks.js';
import { createCase } from '../../api/oversight.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import { schemaRule } from '../../components/schemaRule.js';
import { useI18n } from '../../i18n/useI18n.js';

type Values = Pick<z.input<typeof OversightCaseCreate>, 'category' | 'keyLink' | 'unitId' | 'title' | 'summary'>;
const FIELDS = ['category', 'keyLink', 'unitId', 'title', 'summary', 'source'] as const;

/** Where a case opened from the watch comes from: the server takes its unit and checks it still is what it is named. */
export interface CaseOrigin {
  kind: OpenedSource;
  id: string;
  /** What the row shows: the title proposed for the case. */
  title: string;
  unitName: string | null;
}

/** 登记线索 (typed in) or 立案 from a watch row (its source prefilled): category, key link, unit, title, summary. */
export function CaseFormModal({ origin, onClose }: { origin?: CaseOrigin; onClose: () => void }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const units = useUnits();
  const [initial] = useState<Partial<Values>>(() => ({ category: 'conduct', ...(origin ? { title: origin.title } : {}) }));
  const rule = (schema: z.ZodType, label: string, required: boolean) => [
    ...(required ? [{ required: true, whitespace: true, message: t('common.required', { field: label }) }] : []),
    schemaRule(schema, label, { label, lang }),
  ];

  const submit = async (v: Values) => {
    const saved = await createCase({
      category: v.category,
      title: v.title,
      ...(v.summary ? { summary: v.summary } : {}),
      ...(v.keyLink ? { keyLink: v.keyLink } : {}),
      ...(v.unitId ? { unitId: v.unitId } : {}),
      ...(origin ? { source: { kind: origin.kind, id: origin.id } } : {}),
    });
    await invalidate(qc, qk.oversight.all);
    void navigate(`/oversight/cases/${saved.data.id}`);
  };

  return (
    <FormModal<Values> title={t(origin ? 'oversight.open' : 'oversight.new')} okText={t(origin ? 'oversight.open' : 'oversight.new')} initialValues={initial} fieldNames={FIELDS} submit={submit} onClose={onClose} testId="case-form" okTestId="case-form-ok" width={640}>
      {origin && (
        <Typography.Paragraph data-testid="case-form-origin">
          {t('oversight.source')}：{t(`oversight.source.${origin.kind}`)} · {origin.title}
          {origin.unitName && ` · ${origin.unitName}`}
        </Typography.Paragraph>
      )}
      <Flex gap={12} wrap>
        <Form.Item name="category" label={t('oversight.category')} rules={[{ required: true, message: t('common.required', { field: t('oversight.category') }) }]} style={{ flex: '1 1 160px' }}>
          <Select options={CASE_CATEGORIES.map((c) => ({ value: c, label: t(`oversight.category.${c}`) }))} data-testid="case-form-category" />
        </Form.Item>
        <Form.Item name="keyLink" label={t('oversight.keyLink')} style={{ flex: '1 1 160px' }}>
          <Select allowClear options={KEY_LINKS.map((k) => ({ value: k, label: t(`ledger.keyLink.${k}`) }))} data-testid="case-form-link" />
        </Form.Item>
        {!origin && (
          <Form.Item name="unitId" label={t('oversight.unit')} style={{ flex: '1 1 200px' }}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))} data-testid="case-form-unit" />
          </Form.Item>
        )}
      </Flex>
      <Form.Item name="title" label={t('oversight.title')} rules={rule(OversightCaseCreate.shape.title, t('oversight.title'), true)}>
        <Input maxLength={200} data-testid="case-form-title" />
      </Form.Item>
      <Form.Item name="summary" label={t('oversight.summary')} rules={rule(OversightCaseCreate.shape.summary, t('oversight.summary'), false)}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="case-form-summary" />
      </Form.Item>
    </FormModal>
  );
}
