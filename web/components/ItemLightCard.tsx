import { Card } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { ItemType } from '../../domain/work.js';
import type { LightCounts } from '../api/workTypes.js';
import type { MessageKey } from '../i18n/translate.js';
import { useI18n } from '../i18n/useI18n.js';
import { LightCountTags } from './LightCountTags.js';

/** Each kind of item's list page and menu label. */
export const ITEM_LISTS = {
  task: { path: '/tasks', label: 'menu.tasks' },
  target: { path: '/targets', label: 'menu.targets' },
  project: { path: '/projects', label: 'menu.projects' },
} as const satisfies Record<ItemType, { path: string; label: MessageKey }>;

/**
 * One kind of item's counts by light, as a card: 查看 opens its list, a light opens the list
 * filtered to that light (and to `filter`, e.g. one plan's items).
 */
export function ItemLightCard({ kind, counts, filter = {}, testId }: { kind: ItemType; counts: LightCounts | undefined; filter?: Record<string, string>; testId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { path, label } = ITEM_LISTS[kind];
  const to = (light?: string) => {
    const q = new URLSearchParams({ ...filter, ...(light ? { light } : {}) }).toString();
    return q ? `${path}?${q}` : path;
  };
  return (
    <Card size="small" title={t(label)} extra={<Link to={to()}>{t('work.open')}</Link>}>
      <LightCountTags counts={counts} onSelect={(l) => void navigate(to(l))} testId={testId} />
    </Card>
  );
}
