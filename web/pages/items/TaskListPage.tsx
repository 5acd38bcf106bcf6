import { useState } from 'react';
import { Button, Progress, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { TASK_SORTS } from '../../../domain/schemas/task.js';
import { listTasks } from '../../api/planning.js';
import { can } from '../../api/types.js';
import type { TaskItem } from '../../api/workTypes.js';
import { LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import { useI18n } from '../../i18n/useI18n.js';
import { DeadlineText } from './DeadlineText.js';
import { ItemFilters } from './ItemFilters.js';
import { ItemTable } from './ItemTable.js';
import { TaskFormModal } from './TaskFormModal.js';
import { useItemList } from './useItemList.js';

type TaskSort = (typeof TASK_SORTS)[number];
const SORTABLE: readonly TaskSort[] = ['deadline', 'light', 'code', 'progress'];

/** 任务清单: every task the filters select, with its light and why, sorted and paged by the server. */
export function TaskListPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [creating, setCreating] = useState(false);
  const { params, update, sorting, query: tasks } = useItemList<TaskSort, TaskItem, Awaited<ReturnType<typeof listTasks>>>('tasks', listTasks, SORTABLE, true);
  if (tasks.isError) return <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  const { sortOrder } = sorting;

  return (
    <PageCard
      title={t('task.listTitle')}
      testId="task-list"
      extra={
        can(tasks.data?.policies, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="task-new">
            {t('task.new')}
          </Button>
        )
      }
    >
      <ItemFilters params={params} update={update} counts={tasks.data?.counts} withDue />
      <ItemTable<TaskItem>
        params={params}
        update={update}
        page={tasks.data?.page}
        loading={tasks.isFetching}
        data={tasks.data?.data ?? []}
        empty={t('task.empty')}
        testId="task-table"
        onChange={sorting.onChange}
        columns={[
          { title: t('light.title'), key: 'light', sorter: true, sortOrder: sortOrder('light'), render: (_, r) => <LightTag light={r.light} reasons={r.lightReasons} inlineOnPhone /> },
          // On a phone the code sits above the title, so the title column keeps a readable width.
          ...(mobile ? [] : [{ title: t('item.code'), key: 'code', dataIndex: 'code', sorter: true, sortOrder: sortOrder('code') }]),
          {
            title: t('item.title'),
            key: 'title',
            render: (_, r) => (
              <Link to={`/tasks/${r.id}`} style={{ display: 'inline-block', width: mobile ? 180 : undefined, maxWidth: 300, whiteSpace: 'normal', paddingInlineStart: mobile ? 0 : r.depth * 12 }}>
                {mobile && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.code}</Typography.Text>}
                {r.title}
              </Link>
            ),
          },
          { title: t('item.leadUnit'), key: 'lead', render: (_, r) => r.leadUnitName ?? '—' },
          { title: t('item.deadline'), key: 'deadline', sorter: true, sortOrder: sortOrder('deadline'), render: (_, r) => <DeadlineText task={r} /> },
          {
            title: t('item.progress'),
            key: 'progress',
            sorter: true,
            sortOrder: sortOrder('progress'),
            render: (_, r) => <Progress percent={Number(r.progress)} size="small" style={{ width: 100, margin: 0 }} />,
          },
          { title: t('item.lastReport'), key: 'last', render: (_, r) => <Typography.Text type="secondary">{r.lastReportDate ?? '—'}</Typography.Text> },
        ]}
      />
      {creating && <TaskFormModal planId={params.plan} onClose={() => setCreating(false)} />}
    </PageCard>
  );
}
