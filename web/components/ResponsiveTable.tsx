import type { Key, ReactNode } from 'react';
import { Card, Empty, Flex, List, Table, Typography, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useIsMobile } from './useIsMobile.js';

type Col<T> = ColumnType<T> & { children?: unknown };

/** A column's value for a record, as its `dataIndex` names it (a key or a path). */
function valueOf<T>(record: T, dataIndex: ColumnType<T>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  return path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string | number, unknown>)[k as string | number] : undefined), record);
}

/** What a column's cell shows for a record: its `render`, else its value. */
function cellOf<T>(col: Col<T>, record: T, index: number): ReactNode {
  const value = valueOf(record, col.dataIndex);
  const out: unknown = col.render ? col.render(value, record, index) : value;
  // A render may return { children, props } (cell spans): a card shows the children.
  if (out && typeof out === 'object' && !Array.isArray(out) && 'children' in out && !('$$typeof' in out)) return (out as { children: ReactNode }).children;
  return out as ReactNode;
}

const titleOf = <T,>(col: Col<T>): ReactNode => (typeof col.title === 'function' ? (col.title as (p: object) => ReactNode)({}) : (col.title as ReactNode));

/**
 * A table that becomes a list of cards on a phone (below 768 px): each row one card carrying every
 * column's fact as "label — value", so nothing is off-screen to the right (issue 17 item 10). On a
 * wider screen it is Ant Design's Table, unchanged. `data-testid` and pagination go to either.
 */
export function ResponsiveTable<T extends object>(props: TableProps<T> & { 'data-testid'?: string }) {
  const mobile = useIsMobile();
  if (!mobile) return <Table<T> {...props} />;
  const { columns = [], dataSource = [], rowKey, pagination, loading, locale } = props;
  const cols = (columns as Col<T>[]).filter((c) => !c.children && !c.hidden);
  const keyOf = (r: T, i: number): Key =>
    typeof rowKey === 'function' ? (rowKey(r, i) as Key) : typeof rowKey === 'string' ? (r as Record<string, Key>)[rowKey]! : i;
  const page = pagination && typeof pagination === 'object' ? pagination : undefined;
  return (
    <List<T>
      data-testid={props['data-testid']}
      className="responsive-cards"
      loading={!!loading}
      dataSource={[...dataSource]}
      locale={{ emptyText: locale?.emptyText ? (locale.emptyText as ReactNode) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      pagination={
        page
          ? {
              current: page.current,
              pageSize: page.pageSize,
              total: page.total,
              size: 'small',
              simple: true,
              onChange: (p, size) => page.onChange?.(p, size),
            }
          : false
      }
      renderItem={(r, i) => (
        <List.Item key={keyOf(r, i)} style={{ padding: '4px 0', border: 'none' }}>
          <Card size="small" style={{ width: '100%' }} data-testid="card-row">
            <Flex vertical gap={4}>
              {cols.map((c, j) => {
                const cell = cellOf(c, r, i);
                const label = titleOf(c);
                return (
                  <Flex key={String(c.key ?? j)} justify="space-between" align="flex-start" gap={12} style={{ minWidth: 0 }}>
                    {label ? (
                      <Typography.Text type="secondary" style={{ flex: '0 0 auto', fontSize: 12, lineHeight: '22px' }}>
                        {label}
                      </Typography.Text>
                    ) : null}
                    <div style={{ minWidth: 0, textAlign: label ? 'right' : 'left', wordBreak: 'break-word', flex: label ? '0 1 auto' : '1 1 auto' }}>{cell ?? '—'}</div>
                  </Flex>
                );
              })}
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}
