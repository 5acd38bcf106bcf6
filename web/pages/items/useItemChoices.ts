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
 * The save of a task, target or project form: opens a new item's page at once (an edited one is
 * already on screen), then refreshes what the item's change alters. Waiting for every refetch first
 * kept the user on the list for as long as the slowest of them took (20 s once, in the e2e run).
 */
export function useItemSave(kind: ItemType) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return async (saving: Promise<{ data: { id: string } }>, created: boolean) => {
    const saved = await saving;
    if (created) void navigate(`/${kind}s/${saved.data.id}`);
    await itemChanged(qc, kind);
  };
}
