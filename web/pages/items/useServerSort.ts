import type { TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface.js';
import type { ListParams } from './useListParams.js';

/**
 * Sorting done by the server, kept in the address like the filters: the sort key when it is one of
 * `sortable`, each column's current order, and the table's change handler that writes it back.
 */
export function useServerSort<K extends string, T>(params: ListParams, update: (patch: Partial<ListParams>) => void, sortable: readonly K[]) {
  const sort = (sortable as readonly string[]).includes(params.sort ?? '') ? (params.sort as K) : undefined;
  const sortOrder = (key: K): SortOrder => (sort === key ? (params.order === 'desc' ? 'descend' : 'ascend') : null);
  const onChange: TableProps<T>['onChange'] = (_, __, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? String(s.columnKey) : undefined;
    update({ sort: key, order: s?.order === 'descend' ? 'desc' : key ? 'asc' : undefined });
  };
  return { sort, order: sort ? params.order : undefined, sortOrder, onChange };
}
