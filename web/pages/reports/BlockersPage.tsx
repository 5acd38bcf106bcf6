import { Flex, Pagination, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { RegionFilterTag } from '../../components/RegionFilterTag.js';
import { oneOf, useAddressFilters } from '../../components/useAddressFilters.js';
import { BLOCKER_CATEGORIES, BLOCKER_STATUSES, type BlockerCategory, type BlockerLevel, type BlockerStatus } from '../../../domain/schemas/blocker.js';
import { BLOCKER_ACTIONS } from '../../../domain/workflows/blocker.js';
import { BLOCKER_LEVELS } from '../../../domain/work.js';
import { listBlockers, type BlockerFilter } from '../../api/reporting.js';
import { can } from '../../api/types.js';
import { qk } from '../../api/queryKeys.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { useI18n } from '../../i18n/useI18n.js';
import { BlockerList } from './BlockerList.js';


/**
 * 堵点难点: every blocker the user may see, filtered by state, level and kind in the address (the
 * dashboard's bars open it so), the longest waiting first while unresolved, each with its buttons.
 */
export function BlockersPage() {
  const { t } = useI18n();
  const [sp, set] = useAddressFilters();
  const status = oneOf<BlockerStatus | 'unresolved'>([...BLOCKER_STATUSES, 'unresolved'], sp.get('status'));
  const level = oneOf<BlockerLevel>(BLOCKER_LEVELS, sp.get('level'));
  const category = oneOf<BlockerCategory>(BLOCKER_CATEGORIES, sp.get('category'));
  const page = Number(sp.get('page')) || 1;
  const region = sp.get('region') || undefined;
  const filter: BlockerFilter = {
    ...(region ? { region } : {}),
    ...(status ? { status } : {}),
    ...(level ? { level } : {}),
    ...(category ? { category } : {}),
    page,
    perPage: 20,
    sort: status === 'unresolved' || status === 'open' ? 'oldest' : 'newest',
  };
  const q = useQuery({ queryKey: qk.blockers.list(filter), queryFn: () => listBlockers(filter) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const policies = q.data?.policies;
  const actionable = BLOCKER_ACTIONS.some((k) => can(policies, k));
  return (
    <PageCard title={t('blockers.title')} testId="blockers-page">
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <RegionFilterTag region={region} onClear={() => set({ region: undefined })} />
        <Select
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('blockers.allStatuses')}
          value={status}
          onChange={(v?: string) => set({ status: v })}
          options={[{ value: 'unresolved', label: t('blockers.status.unresolved') }, ...BLOCKER_STATUSES.map((s) => ({ value: s, label: t(`blocker.status.${s}`) }))]}
          data-testid="blockers-status"
        />
        <Select
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('blockers.allLevels')}
          value={level}
          onChange={(v?: string) => set({ level: v })}
          options={BLOCKER_LEVELS.map((l) => ({ value: l, label: t(`blocker.level.${l}`) }))}
          data-testid="blockers-level"
        />
        <Select
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('blockers.allCategories')}
          value={category}
          onChange={(v?: string) => set({ category: v })}
          options={BLOCKER_CATEGORIES.map((c) => ({ value: c, label: t(`blocker.category.${c}`) }))}
          data-testid="blockers-category"
        />
      </Flex>
      <BlockerList blockers={q.data?.data ?? []} actionable={actionable} showItem />
      <Pagination style={{ marginTop: 12 }} current={page} pageSize={20} total={q.data?.page?.total ?? 0} onChange={(p) => set({ page: String(p) })} showSizeChanger={false} hideOnSinglePage />
    </PageCard>
  );
}
