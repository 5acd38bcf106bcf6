import { Button } from 'antd';
import { useNavigate } from 'react-router';
import type { ItemType } from '../../../domain/work.js';
import { unitsActedFor } from '../../auth/actsFor.js';
import { useCurrentUser } from '../../auth/CurrentUser.js';
import { useI18n } from '../../i18n/useI18n.js';
import { newReportPath } from '../../../domain/itemPaths.js';

/** "填报进展", for the user whose unit answers for the item (the server checks it again). */
export function ReportButton({ itemType, itemId, ownerUnitIds }: { itemType: ItemType; itemId: string; ownerUnitIds: readonly string[] }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const mine = unitsActedFor(me, 'liaison', 'unit_head');
  if (!ownerUnitIds.some((u) => mine.includes(u))) return null;
  return (
    <Button type="primary" onClick={() => navigate(newReportPath(itemType, itemId))} data-testid="item-report">
      {t('item.fileReport')}
    </Button>
  );
}
