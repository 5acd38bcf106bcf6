import Decimal from 'decimal.js';
import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { INDICATOR_KINDS, type IndicatorKind } from '../../../domain/scoring/scheme.js';
import { createScheme, updateScheme, type Scheme } from '../../api/assessments.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import { useI18n } from '../../i18n/useI18n.js';

interface Values {
  name: string;
  year: number;
  category: Scheme['category'];
  indicators: { kind: IndicatorKind; weight: string }[];
}

/** The weights added up exactly, as the server adds them (an empty or bad weight counts 0). */
function weightSum(rows: { weight?: string }[] | undefined): string {
  let sum = new Decimal(0);
  for (const r of rows ?? []) {
    try {
      sum = sum.plus(new Decimal(r?.weight || 0));
    } catch {
      /* not a number yet: the server names the field */
    }
  }
  return sum.toFixed(2);
}

/** 新建/修改考核方案: name, year and category, indicators with weights (their sum shown as typed). */
export function SchemeFormModal({ scheme, onClose }: { scheme: Scheme | null; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const initial: Partial<Values> = scheme
    ? { name: scheme.name, year: scheme.year, category: scheme.category, indicators: scheme.indicators }
    : { year: new Date().getFullYear(), category: 'departments', indicators: [{ kind: 'reporting_on_time', weight: '100' }] };
  const submit = async (v: Values) => {
    const indicators = v.indicators.map((i) => ({ kind: i.kind, weight: String(i.weight) }));
    if (scheme) await updateScheme(scheme.id, { name: v.name, indicators, version: scheme.version });
    else await createScheme({ name: v.name, year: v.year, category: v.category, indicators });
    await invalidate(qc, qk.assessments.all);
  };
  return (
    <FormModal<Values> title={t(scheme ? 'assessment.editScheme' : 'assessment.newScheme')} initialValues={initial} fieldNames={['name', 'year', 'category', 'indicators']} submit={submit} onClose={onClose} testId="scheme-form" width={640}>
      {(form) => (
        <>
          <Form.Item name="name" label={t('assessment.name')} rules={[{ required: true, message: t('common.required', { field: t('assessment.name') }) }]}>
            <Input data-testid="scheme-name" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="year" label={t('assessment.year')}>
              <InputNumber min={2000} max={2100} disabled={!!scheme} />
            </Form.Item>
            <Form.Item name="category" label={t('assessment.category')}>
              <Select disabled={!!scheme} style={{ width: 180 }} options={(['departments', 'streets_towns'] as const).map((c) => ({ value: c, label: t(`assessment.category.${c}`) }))} />
            </Form.Item>
          </Space>
          <Form.Item label={t('assessment.indicators')} name="indicators" rules={[]}>
            <Form.List name="indicators">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                      <Form.Item name={[f.name, 'kind']} style={{ marginBottom: 8 }}>
                        <Select style={{ width: 240 }} options={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`assessment.indicator.${k}`) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'weight']} style={{ marginBottom: 8 }}>
                        <Input style={{ width: 100 }} suffix={t('assessment.weight')} data-testid="scheme-weight" />
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ kind: INDICATOR_KINDS[fields.length % INDICATOR_KINDS.length], weight: '0' })}>
                    {t('assessment.addIndicator')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item shouldUpdate noStyle>
            {() => {
              const sum = weightSum(form.getFieldValue('indicators'));
              return (
                <Typography.Text type={sum === '100.00' ? 'success' : 'danger'} data-testid="scheme-weight-sum">
                  {t('assessment.weightSum', { sum })}
                </Typography.Text>
              );
            }}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
