import { DatePicker, Flex, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useBodies } from '../../api/hooks.js';
import { listAreas, listPrograms } from '../../api/planning.js';
import type { LightCounts } from '../../api/workTypes.js';
import { LightCountTags } from '../../components/LightCountTags.js';
import { RegionFilterTag } from '../../components/RegionFilterTag.js';
import { filterStyle } from '../../components/PageCard.js';
import { useI18n } from '../../i18n/useI18n.js';
import type { ListParams } from './useListParams.js';
import { useItemChoices } from './useItemChoices.js';
import { qk } from '../../api/queryKeys.js';

/** Areas for the filter select (one program per district, so its areas serve every list). */
export function useAreaOptions() {
  const programs = useQuery({ queryKey: qk.programs, queryFn: listPrograms });
  const programId = programs.data?.data[0]?.id;
  const areas = useQuery({ queryKey: qk.areas.of(programId), queryFn: () => listAreas(programId!), enabled: !!programId });
  return (areas.data?.data ?? []).map((a) => ({ value: a.id, label: a.name }));
}

/** The filter row of the task, target and project lists: keyword, plan, area, task force, unit, (due date), and counts by light. */
export function ItemFilters({ params, update, counts, withDue = false }: { params: ListParams; update: (p: Partial<ListParams>) => void; counts: LightCounts | undefined; withDue?: boolean }) {
  const { t } = useI18n();
  const { plans, units } = useItemChoices();
  const areas = useAreaOptions();
  const bodies = useBodies();
  const taskForces = (bodies.data?.data ?? []).filter((b) => b.kind === 'task_force').map((b) => ({ value: b.id, label: b.name }));
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Flex wrap gap={8}>
        <RegionFilterTag region={params.region} onClear={() => update({ region: undefined })} />
        <Input.Search allowClear defaultValue={params.q} placeholder={t('filter.keyword')} onSearch={(v) => update({ q: v.trim() || undefined })} style={filterStyle(220)} data-testid="filter-q" />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('filter.plan')} value={params.plan} onChange={(v?: string) => update({ plan: v })} options={plans} style={filterStyle(200)} data-testid="filter-plan" />
        <Select allowClear placeholder={t('filter.area')} value={params.area} onChange={(v?: string) => update({ area: v })} options={areas} style={filterStyle(160)} />
        <Select
          allowClear
          placeholder={t('filter.taskForce')}
          value={params.taskForce}
          onChange={(v?: string) => update({ taskForce: v })}
          options={taskForces}
          style={filterStyle(180)}
          data-testid="filter-task-force"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filter.unit')}
          value={params.unit}
          onChange={(v?: string) => update({ unit: v })}
          options={units}
          style={filterStyle(180)}
        />
        {withDue && (
          <Select
            allowClear
            placeholder={t('filter.status')}
            value={params.status}
            onChange={(v?: 'open' | 'done') => update({ status: v })}
            options={[
              { value: 'open', label: t('filter.status.open') },
              { value: 'done', label: t('filter.status.done') },
            ]}
            style={filterStyle(120)}
            data-testid="filter-status"
          />
        )}
        {withDue && (
          <DatePicker
            placeholder={t('filter.dueBefore')}
            value={params.dueBefore ? dayjs(params.dueBefore) : null}
            onChange={(d) => update({ dueBefore: d ? d.format('YYYY-MM-DD') : undefined })}
            style={filterStyle(150)}
          />
        )}
      </Flex>
      <LightCountTags counts={counts} selected={params.light} onSelect={(light) => update({ light })} />
    </Flex>
  );
}
