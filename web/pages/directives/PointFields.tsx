import { DatePicker, Flex, Form, Input } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useI18n } from '../../i18n/useI18n.js';
import { UnitsSelect } from '../dispatch/UnitsSelect.js';

/** One point's fields (what, which units, by when), under `prefix` in a list or at the form's top. */
export function PointFields({ prefix = [] }: { prefix?: (string | number)[] }) {
  const { t } = useI18n();
  const name = (n: string): NamePath => [...prefix, n];
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <Flex vertical style={{ flex: 1, minWidth: 0 }}>
      <Form.Item name={name('content')} label={t('directive.pointContent')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('directive.pointContent') }) }]}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="directive-point-content" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name={name('unitIds')} label={t('directive.pointUnits')} rules={required(t('directive.pointUnits'))} style={{ flex: '1 1 260px' }}>
          <UnitsSelect testId="directive-point-units" />
        </Form.Item>
        <Form.Item name={name('deadline')} label={t('directive.pointDeadline')} rules={required(t('directive.pointDeadline'))} style={{ flex: '0 1 180px' }}>
          <DatePicker style={{ width: '100%' }} data-testid="directive-point-deadline" />
        </Form.Item>
      </Flex>
    </Flex>
  );
}
