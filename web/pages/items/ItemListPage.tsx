import { useState, type ComponentType } from 'react';
import { Button, Flex, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface.js';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ItemType } from '../../../domain/work.js';
import { can } from '../../api/types.js';
import type { LightList, LightReasonView } from '../../api/workTypes.js';
import type { Light } from '../../../domain/lights.js';
import { LightTag } from '../../components/LightTag.js';
import { ListOutputs, PRINT_ROWS } from '../../components/ListOutputs.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import type { I18n } from '../../i18n/I18nProvider.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ItemFilters } from './ItemFilters.js';
import { ItemTable } from './ItemTable.js';
import { useItemList, type ItemListFilter } from './useItemList.js';

/** What every listed item carries: the list links it, shows its light and sorts by its code. */
export interface ListedItem {
  id: string;
  code: string;
  /** Targets and projects have a name, tasks a title (they bring their own heading columns). */
  name?: string;
  light: Light;
  lightReasons: LightReasonView[];
}
export type ItemColumns<T> = NonNullable<TableProps<T>['columns']>;

/** What a list's columns are built from: the words, the screen, and each sortable column's order. */
export interface ColumnsContext<K extends string> {
  t: I18n['t'];
  mobile: boolean;
  sortOrder: (key: K) => SortOrder;
}

/** One kind of item's list: the rest (filters in the address, paging, the create button) is the same for all. */
export interface ItemListConfig<K extends string, T extends ListedItem> {
  /** Names the texts (`task.listTitle`, `task.new`, `task.empty`), the test ids and the query key. */
  kind: ItemType;
  list: (f: ItemListFilter<K>) => Promise<LightList<T>>;
  /** The columns the server sorts by (a column takes `sortOrder(key)` to show its order). */
  sortable: readonly K[];
  /** Whether the due-date filter shows (tasks only). */
  withDue?: boolean;
  /** The columns after the light, code and name. */
  columns: (c: ColumnsContext<K>) => ItemColumns<T>;
  /** Instead of the code and name columns (tasks: the code goes above the title on a phone, subtasks indent). */
  heading?: (c: ColumnsContext<K>) => ItemColumns<T>;
  /** The create form; gets the plan filter, so a new task lands in the plan being looked at. */
  CreateModal: ComponentType<{ planId?: string | undefined; onClose: () => void }>;
  /** The list as a workbook, with its filters (no paging or sort: the export has its own order). */
  exportUrl?: (f: ItemListFilter<K>) => string;
}

/** The light column, sortable by the server (most urgent first); on a phone its reasons show inline. */
const lightColumn = <T extends ListedItem>({ t, sortOrder }: ColumnsContext<string>): ItemColumns<T>[number] => ({
  title: t('light.title'),
  key: 'light',
  sorter: true,
  sortOrder: sortOrder('light'),
  render: (_, r) => <LightTag light={r.light} reasons={r.lightReasons} inlineOnPhone />,
});

export const codeColumn = <T extends ListedItem>({ t, sortOrder }: ColumnsContext<'code'>): ItemColumns<T>[number] => ({
  title: t('item.code'),
  key: 'code',
  dataIndex: 'code',
  sorter: true,
  sortOrder: sortOrder('code'),
});

/** The code and name of a target or project, the name a link to its page. */
const nameHeading = <T extends ListedItem>(kind: ItemType, c: ColumnsContext<string>): ItemColumns<T> => [
  codeColumn(c),
  {
    title: c.t('item.title'),
    key: 'name',
    render: (_, r) => (
      <Link to={`/${kind}s/${r.id}`} style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}>
        {r.name}
      </Link>
    ),
  },
];

/**
 * A list of tasks, targets or projects: the filters select, the server sorts and pages, the lights
 * are counted over the whole selection; the create button shows when the server's policies allow.
 */
export function ItemListPage<K extends string, T extends ListedItem>({ config }: { config: ItemListConfig<K, T> }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [creating, setCreating] = useState(false);
  const { kind, CreateModal } = config;
  const { params, update, sorting, query, filter } = useItemList<K, T, LightList<T>>(`${kind}s`, config.list, config.sortable, config.withDue);
  // sortOrder answers any key (null when the list is not sorted by it), so the shared columns may ask for light and code.
  const c = { t, mobile, sortOrder: sorting.sortOrder } as ColumnsContext<K> & ColumnsContext<string>;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <PageCard
      title={t(`${kind}.listTitle`)}
      testId={`${kind}-list`}
      extra={
        <Flex gap={8} wrap>
          <ListOutputs exportUrl={config.exportUrl?.(filter)} testId={kind} perPage={params.perPage} loading={query.isFetching} showAll={() => update({ perPage: PRINT_ROWS, page: 1 })} />
          {can(query.data?.policies, 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={`${kind}-new`}>
              {t(`${kind}.new`)}
            </Button>
          )}
        </Flex>
      }
    >
      {(query.data?.page.total ?? 0) > PRINT_ROWS && <div className="print-only">{t('list.printNote', { n: PRINT_ROWS })}</div>}
      <ItemFilters params={params} update={update} counts={query.data?.counts} withDue={config.withDue} />
      <ItemTable<T>
        params={params}
        update={update}
        page={query.data?.page}
        loading={query.isFetching}
        data={query.data?.data ?? []}
        empty={t(`${kind}.empty`)}
        testId={`${kind}-table`}
        onChange={sorting.onChange}
        columns={[lightColumn(c), ...(config.heading?.(c) ?? nameHeading(kind, c)), ...config.columns(c)]}
      />
      {creating && <CreateModal planId={params.plan} onClose={() => setCreating(false)} />}
    </PageCard>
  );
}
