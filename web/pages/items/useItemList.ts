import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListParams } from './useListParams.js';
import { useListParams } from './useListParams.js';
import { useServerSort } from './useServerSort.js';
import { qk } from '../../api/queryKeys.js';

/** What a list asks the server: the address's filters and page, and a sort key it allows. */
export type ItemListFilter<K> = Omit<ListParams, 'sort' | 'order'> & { sort?: K | undefined; order?: 'asc' | 'desc' | undefined };

/**
 * What every item list page shares: filters and paging in the address, server-side sorting on the
 * keys it allows, and the query for the page. `withDue` keeps the due-date filter (tasks only).
 */
export function useItemList<K extends string, T, R>(resource: 'tasks' | 'targets' | 'projects', fetch: (f: ItemListFilter<K>) => Promise<R>, sortable: readonly K[], withDue = false) {
  const [params, update] = useListParams();
  const sorting = useServerSort<K, T>(params, update, sortable);
  const { dueBefore, status, sort: _s, order: _o, ...rest } = params;
  // The due date and open/done filters are the task list's (targets and projects have neither).
  const filter: ItemListFilter<K> = { ...rest, ...(withDue ? { dueBefore, status } : {}), sort: sorting.sort, order: sorting.order };
  const query = useQuery({ queryKey: qk[resource].list(filter), queryFn: () => fetch(filter), placeholderData: keepPreviousData });
  return { params, update, sorting, query, filter };
}
