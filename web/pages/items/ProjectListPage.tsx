import { useState } from 'react';
import { Button, Flex, Progress, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { listProjects } from '../../api/planning.js';
import { can } from '../../api/types.js';
import type { Project } from '../../api/workTypes.js';
import { LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ItemFilters } from './ItemFilters.js';
import { ItemTable } from './ItemTable.js';
import { ProjectFormModal } from './ProjectFormModal.js';
import { useItemList } from './useItemList.js';
import { PROJECT_SORTS } from '../../../domain/schemas/project.js';

/** 重点项目: every project the filters select, with stage, investment (total, and this year's done against planned) and light. */
export function ProjectListPage() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const { params, update, sorting, query: projects } = useItemList<(typeof PROJECT_SORTS)[number], Project, Awaited<ReturnType<typeof listProjects>>>('projects', listProjects, PROJECT_SORTS);
  if (projects.isError) return <LoadError error={projects.error} onRetry={() => void projects.refetch()} />;
  return (
    <PageCard
      title={t('project.listTitle')}
      testId="project-list"
      extra={
        can(projects.data?.policies, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-new">
            {t('project.new')}
          </Button>
        )
      }
    >
      <ItemFilters params={params} update={update} counts={projects.data?.counts} />
      <ItemTable<Project>
        params={params}
        update={update}
        page={projects.data?.page}
        loading={projects.isFetching}
        data={projects.data?.data ?? []}
        empty={t('project.empty')}
        testId="project-table"
        onChange={sorting.onChange}
        columns={[
          { title: t('light.title'), key: 'light', sorter: true, sortOrder: sorting.sortOrder('light'), render: (_, r) => <LightTag light={r.light} reasons={r.lightReasons} inlineOnPhone /> },
          { title: t('item.code'), key: 'code', dataIndex: 'code', sorter: true, sortOrder: sorting.sortOrder('code') },
          {
            title: t('item.title'),
            key: 'name',
            render: (_, r) => (
              <Link to={`/projects/${r.id}`} style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}>
                {r.name}
              </Link>
            ),
          },
          { title: t('project.stage'), key: 'stage', render: (_, r) => <Tag color="geekblue">{t(`stage.${r.stage}`)}</Tag> },
          { title: t('project.total'), key: 'investment', dataIndex: 'totalInvestment', align: 'right', sorter: true, sortOrder: sorting.sortOrder('investment') },
          {
            title: t('project.thisYear'),
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
          { title: t('project.responsibleUnit'), dataIndex: 'responsibleUnitName' },
          { title: t('item.lastReport'), key: 'last', render: (_, r) => r.lastReportDate ?? '—' },
        ]}
      />
      {creating && <ProjectFormModal onClose={() => setCreating(false)} />}
    </PageCard>
  );
}
