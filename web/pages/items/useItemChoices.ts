import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { ItemType } from '../../../domain/work.js';
import { useUnits } from '../../api/hooks.js';
import { listPlans } from '../../api/planning.js';
import { itemChanged, qk } from '../../api/queryKeys.js';

/** The plans and units to pick from in the item forms and the list filters, as select options. */
export function useItemChoices() {
  const units = useUnits();
  const plans = useQuery({ queryKey: qk.plans.options, queryFn: () => listPlans() });
  return {
    units: (units.data?.data ?? []).map((u) => ({ value: u.id, label: u.name })),
    plans: (plans.data?.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.title}` })),
  };
}

/**
 * The save of a task, target or project form: refreshes what the item's change alters, then opens
 * a new item's page (an edited one is already on screen).
 */
export function useItemSave(kind: ItemType) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return async (saving: Promise<{ data: { id: string } }>, created: boolean) => {
    const saved = await saving;
    await itemChanged(qc, kind);
    if (created) void navigate(`/${kind}s/${saved.data.id}`);
  };
}
