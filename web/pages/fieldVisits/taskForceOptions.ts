import { useBodies } from '../../api/hooks.js';
import { useCurrentUser } from '../../auth/CurrentUser.js';

/**
 * The task forces the user may act for: their own for a task force member, every task force for
 * the HQ office (the server checks again).
 */
export function useTaskForceOptions(): { value: string; label: string }[] {
  const me = useCurrentUser();
  const office = me.roles.some((r) => r.role === 'hq_office');
  const bodies = useBodies();
  if (office) return (bodies.data?.data ?? []).filter((b) => b.kind === 'task_force').map((b) => ({ value: b.id, label: b.name }));
  return me.roles.filter((r) => r.role === 'task_force' && r.bodyId).map((r) => ({ value: r.bodyId!, label: r.scopeName ?? '' }));
}
