import { Flex, Segmented, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { LIGHTS, type Light } from '../../../domain/lights.js';
import { ROLLUP_BY, type RollupBy } from '../../../domain/schemas/rollup.js';
import { ITEM_TYPES, type ItemType } from '../../../domain/work.js';
import { getRollup } from '../../api/planning.js';
import type { LightCounts, RollupRow } from '../../api/workTypes.js';
import { LIGHT_DOT, LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { ITEM_LISTS } from '../../components/ItemLightCard.js';
import { RegionFilterTag } from '../../components/RegionFilterTag.js';
import { inRegion } from '../dashboard/dashboardCharts.js';
import { PageCard } from '../../components/PageCard.js';
import { LightTotals } from './LightTotals.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { qk } from '../../api/queryKeys.js';

/** The list filter a group opens as; task forces have none (their plans do). */
const FILTER: Record<RollupBy, string | null> = { plan: 'plan', area: 'area', unit: 'unit', taskForce: null };
/** Most urgent first in the bar and the columns. */
const ORDER: readonly Light[] = ['red', 'yellow', 'green', 'done', 'not_started'];
/** Worse rows first: by light, then by how many reds, then yellows. */
const worse = (a: RollupRow, b: RollupRow) =>
  ORDER.indexOf(a.light) - ORDER.indexOf(b.light) || (b.counts.red ?? 0) - (a.counts.red ?? 0) || (b.counts.yellow ?? 0) - (a.counts.yellow ?? 0);

const total = (c: LightCounts) => LIGHTS.reduce((s, l) => s + (c[l] ?? 0), 0);

/** The share of each light in a group, as one bar (the counts are in the columns beside it). */
function LightBar({ counts }: { counts: LightCounts }) {
  const { t } = useI18n();
  const n = total(counts);
  if (!n) return null;
  return (
    <Flex style={{ width: 160, height: 10, borderRadius: 5, overflow: 'hidden', background: '#f0f0f0' }}>
      {ORDER.filter((l) => counts[l]).map((l) => (
        <Tooltip key={l} title={`${t(`light.${l}`)} ${counts[l]}`}>
          <div style={{ width: `${((counts[l] ?? 0) * 100) / n}%`, background: LIGHT_DOT[l] }} />
        </Tooltip>
      ))}
    </Flex>
  );
}

/**
 * 推进总览: how the work stands, for the leading group and everyone else who follows it — the lights
 * of all tasks, targets and projects, and the same rolled up per plan, area, task force or unit with
 * the worst light first, each group opening its list.
 */
export function OverviewPage() {
  const { t } = useI18n();
  const [sp, setSp] = useSearchParams();
  const by: RollupBy = (ROLLUP_BY as readonly string[]).includes(sp.get('by') ?? '') ? (sp.get('by') as RollupBy) : 'plan';
  const item = (ITEM_TYPES as readonly string[]).includes(sp.get('item') ?? '') ? (sp.get('item') as ItemType) : undefined;
  const region = sp.get('region') || undefined;
  const rollup = useQuery({ queryKey: qk.lights.rollup(by, item, region), queryFn: () => getRollup(by, item, region) });
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSp(next, { replace: true });
  };
  if (rollup.isError) return <LoadError error={rollup.error} onRetry={() => void rollup.refetch()} />;
  // Worst first by default (issue 17 item 9): red rows, the most reds first, then yellow.
  const rows = (rollup.data?.data ?? []).filter((r) => total(r.counts) > 0).sort(worse);
  const empty = (rollup.data?.data.length ?? 0) - rows.length;
  const filter = FILTER[by];
  const listPath = ITEM_LISTS[item ?? 'task'].path;

  return (
    <Flex vertical gap={16} data-testid="overview">
      <LightTotals region={region} />
      <PageCard title={t('overview.rollup')} testId="overview-rollup">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <RegionFilterTag region={region} onClear={() => set({ region: undefined })} />
          <Segmented
            data-testid="overview-by"
            value={by}
            onChange={(v) => set({ by: v })}
            options={ROLLUP_BY.map((b) => ({ value: b, label: t(`overview.by.${b}`) }))}
          />
          <Segmented
            data-testid="overview-item"
            value={item ?? 'all'}
            onChange={(v) => set({ item: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('overview.allItems') }, ...ITEM_TYPES.map((i) => ({ value: i, label: t(ITEM_LISTS[i].label) }))]}
          />
        </Flex>
        <ResponsiveTable<RollupRow>
          rowKey="id"
          size="middle"
          loading={rollup.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="overview-table"
          locale={{ emptyText: t('overview.empty') }}
          columns={[
            {
              title: t('light.title'),
              key: 'light',
              render: (_, r) => <LightTag light={r.light} />,
              sorter: worse,
              defaultSortOrder: 'ascend',
            },
            {
              title: t(`overview.col.${by}`),
              key: 'name',
              render: (_, r) => {
                const name = (
                  <span style={{ whiteSpace: 'normal' }}>
                    {by === 'plan' && <Typography.Text type="secondary">{r.code} </Typography.Text>}
                    {r.name}
                  </span>
                );
                return filter ? (
                  <Link to={inRegion(`${listPath}?${filter}=${r.id}`, region)} data-testid="overview-group">
                    {name}
                  </Link>
                ) : (
                  name
                );
              },
            },
            ...ORDER.map((l) => ({
              title: t(`light.${l}`),
              key: l,
              align: 'right' as const,
              sorter: (a: RollupRow, b: RollupRow) => (a.counts[l] ?? 0) - (b.counts[l] ?? 0),
              render: (_: unknown, r: RollupRow) => {
                const n = r.counts[l] ?? 0;
                const strong = n > 0 && (l === 'red' || l === 'yellow');
                return (
                  <span data-testid={`overview-count-${l}`} style={{ color: strong ? LIGHT_DOT[l] : n ? undefined : '#bfbfbf', fontWeight: strong ? 600 : undefined }}>
                    {n}
                  </span>
                );
              },
            })),
            { title: t('overview.total'), key: 'total', align: 'right', render: (_, r) => total(r.counts), sorter: (a, b) => total(a.counts) - total(b.counts) },
            { title: t('overview.share'), key: 'bar', render: (_, r) => <LightBar counts={r.counts} /> },
          ]}
        />
        {empty > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="overview-hidden">
            {t(`overview.hidden.${by}`, { n: empty })}
          </Typography.Text>
        )}
      </PageCard>
    </Flex>
  );
}
