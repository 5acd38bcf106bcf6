import { useBodies } from '../api/hooks.js';
import { useCurrentUser } from '../auth/CurrentUser.js';

/**
 * The task forces the user may act for (hold a meeting, log a visit): every task force for the HQ
 * office, their own for a task force's member (the server checks again).
 */
export function useTaskForceChoices(): { office: boolean; taskForces: { value: string; label: string }[] } {
  const me = useCurrentUser();
  const bodies = useBodies();
  const office = me.roles.some((r) => r.role === 'hq_office');
  const own = new Set(me.roles.filter((r) => r.role === 'task_force' && r.bodyId).map((r) => r.bodyId));
  const taskForces = (bodies.data?.data ?? []).filter((b) => b.kind === 'task_force' && (office || own.has(b.id))).map((b) => ({ value: b.id, label: b.name }));
  return { office, taskForces };
}
