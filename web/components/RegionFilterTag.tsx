import { Tag } from 'antd';
import { useRegions } from '../api/hooks.js';
import { useI18n } from '../i18n/useI18n.js';

/**
 * The region a list was opened within (a drill-down from the dashboard, `region=` in the address):
 * named, so the reader knows the list is not all of theirs, and closable to widen it again.
 */
export function RegionFilterTag({ region, onClear }: { region: string | undefined; onClear: () => void }) {
  const { t } = useI18n();
  const regions = useRegions(!!region);
  if (!region) return null;
  const name = regions.data?.data.find((r) => r.id === region)?.name ?? '…';
  return (
    <Tag closable onClose={onClear} color="blue" data-testid="filter-region" style={{ alignSelf: 'center' }}>
      {t('filter.region', { name })}
    </Tag>
  );
}
