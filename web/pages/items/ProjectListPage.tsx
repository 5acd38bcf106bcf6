import { Flex, Progress, Tag, Typography } from 'antd';
import { PROJECT_SORTS } from '../../../domain/schemas/project.js';
import { listProjects, projectExportUrl } from '../../api/planning.js';
import type { Project } from '../../api/workTypes.js';
import { ItemListPage, type ItemListConfig } from './ItemListPage.js';
import { ProjectFormModal } from './ProjectFormModal.js';

const projectList: ItemListConfig<(typeof PROJECT_SORTS)[number], Project> = {
  kind: 'project',
  list: listProjects,
  exportUrl: projectExportUrl,
  sortable: PROJECT_SORTS,
  CreateModal: ProjectFormModal,
  columns: (c) => [
    { title: c.t('project.stage'), key: 'stage', render: (_, r) => <Tag color="geekblue">{c.t(`stage.${r.stage}`)}</Tag> },
    { title: c.t('project.total'), key: 'investment', dataIndex: 'totalInvestment', align: 'right', sorter: true, sortOrder: c.sortOrder('investment') },
    {
      title: c.t('project.thisYear'),
      key: 'thisYear',
      render: (_, r) => (
        <Flex vertical style={{ minWidth: 150 }} data-testid="project-this-year">
          <span>
            {r.thisYear.done}
            <Typography.Text type="secondary"> / {r.thisYear.planned ?? '—'}</Typography.Text>
          </span>
          {r.thisYear.rate !== null && (
            // The bar is drawn from a number; the figure beside it is the exact decimal.
            <Progress percent={Math.min(100, Number(r.thisYear.rate))} size="small" format={() => `${r.thisYear.rate}%`} />
          )}
        </Flex>
      ),
    },
    { title: c.t('project.responsibleUnit'), dataIndex: 'responsibleUnitName' },
    { title: c.t('item.lastReport'), key: 'last', render: (_, r) => r.lastReportDate ?? '—' },
  ],
};

/** 重点项目: every project the filters select, with stage, investment (total, and this year's done against planned) and light. */
export function ProjectListPage() {
  return <ItemListPage config={projectList} />;
}
