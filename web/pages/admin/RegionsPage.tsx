import { REGION_KIND_LABELS } from '../../../domain/labels.js';
import type { RegionKind } from '../../../domain/regions.js';
import { useRegions } from '../../api/hooks.js';
import { labelOf } from '../../i18n/translate.js';
import { OrgPage } from './OrgPage.js';
import { RegionFormModal } from './RegionFormModal.js';

/** 行政区: the tenants (province → city → district); the sysadmin keeps them. */
export function RegionsPage() {
  const regions = useRegions();
  return (
    <OrgPage
      kind="region"
      testId="regions-page"
      query={regions}
      columns={(c, parent) => [{ title: c.t('region.kind'), dataIndex: 'kind', render: (k: RegionKind) => labelOf(REGION_KIND_LABELS, k, c.lang) }, parent]}
      Form={RegionFormModal}
    />
  );
}
