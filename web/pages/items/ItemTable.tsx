import { type TableProps } from 'antd';
import type { PageInfo } from '../../api/types.js';
import { useI18n } from '../../i18n/useI18n.js';
import type { ListParams } from './useListParams.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';

/** A server-paged table whose page and size live in the list's address parameters. */
export function ItemTable<T extends { id: string }>({
  params,
  update,
  page,
  loading,
  data,
  columns,
  empty,
  onChange,
  testId,
}: {
  params: ListParams;
  update: (p: Partial<ListParams>) => void;
  page: PageInfo | undefined;
  loading: boolean;
  data: T[];
  columns: NonNullable<TableProps<T>['columns']>;
  empty: string;
  onChange?: TableProps<T>['onChange'];
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <ResponsiveTable<T>
      rowKey="id"
      size="middle"
      data-testid={testId}
      loading={loading}
      dataSource={data}
      columns={columns}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      onChange={onChange}
      pagination={{
        current: params.page,
        pageSize: params.perPage,
        total: page?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t('common.total', { total }),
        onChange: (p, size) => update(size === params.perPage ? { page: p } : { page: 1, perPage: size }),
      }}
    />
  );
}
