import { Progress, Typography } from 'antd';
import { Link } from 'react-router';
import { TASK_SORTS } from '../../../domain/schemas/task.js';
import { listTasks, taskExportUrl } from '../../api/planning.js';
import type { TaskItem } from '../../api/workTypes.js';
import { DeadlineText } from './DeadlineText.js';
import { codeColumn, ItemListPage, type ItemListConfig } from './ItemListPage.js';
import { TaskFormModal } from './TaskFormModal.js';

type TaskSort = (typeof TASK_SORTS)[number];

const taskList: ItemListConfig<TaskSort, TaskItem> = {
  kind: 'task',
  list: listTasks,
  sortable: TASK_SORTS,
  withDue: true,
  CreateModal: TaskFormModal,
  exportUrl: taskExportUrl,
  heading: (c) => [
    // On a phone the code sits above the title, so the title column keeps a readable width.
    ...(c.mobile ? [] : [codeColumn<TaskItem>(c)]),
    {
      title: c.t('item.title'),
      key: 'title',
      render: (_, r) => (
        <Link to={`/tasks/${r.id}`} style={{ display: 'inline-block', width: c.mobile ? 180 : undefined, maxWidth: 300, whiteSpace: 'normal', paddingInlineStart: c.mobile ? 0 : r.depth * 12 }}>
          {c.mobile && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.code}</Typography.Text>}
          {r.title}
        </Link>
      ),
    },
  ],
  columns: (c) => [
    { title: c.t('item.leadUnit'), key: 'lead', render: (_, r) => r.leadUnitName ?? '—' },
    { title: c.t('item.deadline'), key: 'deadline', sorter: true, sortOrder: c.sortOrder('deadline'), render: (_, r) => <DeadlineText task={r} /> },
    {
      title: c.t('item.progress'),
      key: 'progress',
      sorter: true,
      sortOrder: c.sortOrder('progress'),
      render: (_, r) => <Progress percent={Number(r.progress)} size="small" style={{ width: 100, margin: 0 }} />,
    },
    { title: c.t('item.lastReport'), key: 'last', render: (_, r) => <Typography.Text type="secondary">{r.lastReportDate ?? '—'}</Typography.Text> },
  ],
};

/** 任务清单: every task the filters select, with its light and why, sorted and paged by the server. */
export function TaskListPage() {
  return <ItemListPage config={taskList} />;
}
