import { MEETING_KINDS, type MeetingKind } from '../../../domain/meetings.js';
import { useBodies } from '../../api/hooks.js';
import { useCurrentUser } from '../../auth/CurrentUser.js';

const TASK_FORCE_ONLY: readonly MeetingKind[] = ['task_force'];

/**
 * The kinds of meeting the user may hold and the task forces they may hold one for: the HQ office
 * any kind for any task force; a task force's member only its own task force's meetings
 * (server/policies/meeting.ts).
 */
export function useMeetingChoices(): { kinds: readonly MeetingKind[]; taskForces: { value: string; label: string }[] } {
  const me = useCurrentUser();
  const bodies = useBodies();
  const office = me.roles.some((r) => r.role === 'hq_office');
  const own = new Set(me.roles.filter((r) => r.role === 'task_force' && r.bodyId).map((r) => r.bodyId));
  const taskForces = (bodies.data?.data ?? []).filter((b) => b.kind === 'task_force' && (office || own.has(b.id))).map((b) => ({ value: b.id, label: b.name }));
  return { kinds: office ? MEETING_KINDS : TASK_FORCE_ONLY, taskForces };
}
