import { useState, type ComponentType, type ReactNode } from 'react';
import { Button, Space, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { can, type List, type Policies } from '../../api/types.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import type { I18n } from '../../i18n/I18nProvider.js';
import { useI18n } from '../../i18n/useI18n.js';
import type { OrgRecord } from './OrgFormModal.js';

type Columns<R> = NonNullable<TableProps<R>['columns']>;

/** What a page's own columns and actions are built from. */
export interface OrgContext {
  t: I18n['t'];
  lang: I18n['lang'];
  policies: Policies | undefined;
  /** The name of a parent (or '—'), looked up among every record. */
  nameOf: (id: string | null) => string;
}

export interface OrgPageProps<R extends OrgRecord> {
  /** Names the texts (`unit.title`, `unit.create`, `unit.parent`) and the test ids (`unit-create`). */
  kind: 'body' | 'region' | 'unit';
  testId: string;
  query: UseQueryResult<List<R>>;
  /** The rows shown, when not the query's own (sorted, say). */
  rows?: R[];
  /** Every record, for parent names and the form's parent choice (the query's rows unless filtered). */
  all?: R[];
  /** The columns between the name and the actions; `parent` is the parent's name column. */
  columns: (c: OrgContext, parent: Columns<R>[number]) => Columns<R>;
  /** Actions after 编辑 (which shows when the server's policies allow `update`). */
  actions?: (r: R, c: OrgContext) => ReactNode;
  /** Filters above the table. */
  toolbar?: ReactNode;
  pagination?: TableProps<R>['pagination'];
  Form: ComponentType<{ record: R | null; records: R[]; onClose: () => void }>;
  /** Beside the table (a drawer, say). */
  children?: ReactNode;
}

/**
 * A page of regions, units or bodies: code and name, the page's own columns, and 编辑 plus its own
 * actions; 新建 and 编辑 show as the server's policies allow and open the page's form.
 */
export function OrgPage<R extends OrgRecord>(p: OrgPageProps<R>) {
  const { t, lang } = useI18n();
  const mobile = useIsMobile();
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  const { query, kind, Form } = p;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const policies = query.data?.policies;
  const rows = p.rows ?? query.data?.data ?? [];
  const all = p.all ?? rows;
  const c: OrgContext = { t, lang, policies, nameOf: (id) => all.find((r) => r.id === id)?.name ?? '—' };
  const parent: Columns<R>[number] = { title: t(`${kind}.parent`), dataIndex: 'parentId', render: (id: string | null) => c.nameOf(id) };

  return (
    <PageCard
      title={t(`${kind}.title`)}
      testId={p.testId}
      extra={
        can(policies, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid={`${kind}-create`}>
            {t(`${kind}.create`)}
          </Button>
        )
      }
    >
      {p.toolbar}
      <ResponsiveTable<R>
        rowKey="id"
        size="middle"
        loading={query.isPending}
        dataSource={rows}
        pagination={p.pagination ?? false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('common.code'), dataIndex: 'code' },
          { title: t('common.name'), dataIndex: 'name' },
          ...p.columns(c, parent),
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: mobile ? undefined : 'right',
            render: (_, r) => (
              <Space size={0}>
                {can(policies, 'update') && (
                  <Button type="link" size="small" onClick={() => setEditing(r)}>
                    {t('common.edit')}
                  </Button>
                )}
                {p.actions?.(r, c)}
              </Space>
            ),
          },
        ]}
      />
      {editing && <Form record={editing === 'new' ? null : editing} records={all} onClose={() => setEditing(null)} />}
      {p.children}
    </PageCard>
  );
}
