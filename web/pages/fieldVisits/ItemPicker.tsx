import { useState } from 'react';
import { Flex, Segmented, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ItemType } from '../../../domain/work.js';
import { listProjects, listTargets, listTasks } from '../../api/planning.js';
import { useI18n } from '../../i18n/useI18n.js';

export interface PickedItem {
  itemType: ItemType;
  itemId: string;
}

const search = (type: ItemType, q: string, taskForce: string | undefined) => {
  const f = { page: 1, perPage: 20, ...(q ? { q } : {}), ...(taskForce ? { taskForce } : {}) };
  const list = type === 'task' ? listTasks(f) : type === 'target' ? listTargets(f) : listProjects(f);
  return list.then((r) => r.data.map((i) => ({ value: i.id, label: `${i.code} ${'title' in i ? i.title : i.name}` })));
};

/**
 * A task, target or project, searched by code or name on the server (a district has thousands);
 * with `taskForce`, only its plans' items (the only ones a task force may hold a blocker on).
 */
export function ItemPicker({
  value,
  onChange,
  onPicked,
  taskForce,
}: {
  value?: PickedItem | undefined;
  onChange?: (v: PickedItem | undefined) => void;
  /** The picked item with the label it was shown by ("code title"), for a list of picks. */
  onPicked?: (v: PickedItem & { title: string }) => void;
  taskForce?: string | undefined;
}) {
  const { t } = useI18n();
  const [type, setType] = useState<ItemType>(value?.itemType ?? 'task');
  const [q, setQ] = useState('');
  const options = useQuery({ queryKey: ['item-picker', type, q, taskForce], queryFn: () => search(type, q, taskForce) });
  return (
    <Flex vertical gap={8}>
      <Segmented<ItemType>
        value={type}
        onChange={(v) => {
          setType(v);
          onChange?.(undefined);
        }}
        options={(['task', 'target', 'project'] as const).map((v) => ({ value: v, label: t(`visit.itemType.${v}`) }))}
        data-testid="item-picker-type"
      />
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        placeholder={t('visit.itemSearch')}
        loading={options.isFetching}
        value={value?.itemType === type ? value.itemId : undefined}
        onChange={(id: string, option) => {
          onChange?.({ itemType: type, itemId: id });
          const label = option && !Array.isArray(option) ? option.label : undefined;
          onPicked?.({ itemType: type, itemId: id, title: typeof label === 'string' ? label : id });
        }}
        options={options.data ?? []}
        data-testid="item-picker"
      />
    </Flex>
  );
}
