import { useState } from 'react';
import { Button, Flex, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/useI18n.js';
import { ItemPicker, type PickedItem } from '../fieldVisits/ItemPicker.js';

/** A picked item with the label it was chosen by (the server adds titles only once saved). */
export type ScopeItem = PickedItem & { title?: string | null };

/**
 * Several tasks, targets or projects: those picked as closable tags, and the single-item picker
 * to add one more (searched on the server, as a district has thousands). Used as a form control.
 */
export function ItemsPicker({ value = [], onChange, testId }: { value?: ScopeItem[]; onChange?: (v: ScopeItem[]) => void; testId?: string }) {
  const { t } = useI18n();
  const [next, setNext] = useState<PickedItem | undefined>();
  const [title, setTitle] = useState<string | undefined>();
  const add = () => {
    if (next && !value.some((i) => i.itemId === next.itemId)) onChange?.([...value, { ...next, title: title ?? null }]);
    setNext(undefined);
  };
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {value.length > 0 && (
        <Flex wrap gap={4}>
          {value.map((i) => (
            <Tag key={i.itemId} closable onClose={() => onChange?.(value.filter((x) => x.itemId !== i.itemId))} data-testid="items-picker-item">
              {t(`visit.itemType.${i.itemType}`)} · {i.title ?? i.itemId.slice(0, 8)}
            </Tag>
          ))}
        </Flex>
      )}
      <Flex gap={8} align="end">
        <div style={{ flex: 1 }}>
          <ItemPicker value={next} onChange={setNext} onPicked={(p) => setTitle(p.title)} />
        </div>
        <Button icon={<PlusOutlined />} onClick={add} disabled={!next} data-testid="items-picker-add">
          {t('inspection.addItem')}
        </Button>
      </Flex>
    </Flex>
  );
}
