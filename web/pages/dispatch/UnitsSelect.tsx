import { Select } from 'antd';
import { useUnits } from '../../api/hooks.js';

/** The units an order or a 批示 goes to, searched by name; a form item gives it value and onChange. */
export function UnitsSelect({ value, onChange, testId }: { value?: string[]; onChange?: (ids: string[]) => void; testId: string }) {
  const units = useUnits();
  return (
    <Select
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={onChange}
      options={(units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      data-testid={testId}
    />
  );
}
