import { useRegions } from '../../api/hooks.js';
import { OrgPage } from './OrgPage.js';
import { RegionFormModal } from './RegionFormModal.js';

/** 行政区: the tenants (province → city → district); the sysadmin keeps them. */
export function RegionsPage() {
  const regions = useRegions();
  return <OrgPage kind="region" testId="regions-page" query={regions} columns={(_, parent) => [parent]} Form={RegionFormModal} />;
}
