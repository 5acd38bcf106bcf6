import { MEETING_KINDS, type MeetingKind } from '../../../domain/meetings.js';
import { useTaskForceChoices } from '../../components/useTaskForceChoices.js';

const TASK_FORCE_ONLY: readonly MeetingKind[] = ['task_force'];

/**
 * The kinds of meeting the user may hold and the task forces they may hold one for: the HQ office
 * any kind for any task force; a task force's member only its own task force's meetings
 * (server/policies/meeting.ts).
 */
export function useMeetingChoices(): { kinds: readonly MeetingKind[]; taskForces: { value: string; label: string }[] } {
  const { office, taskForces } = useTaskForceChoices();
  return { kinds: office ? MEETING_KINDS : TASK_FORCE_ONLY, taskForces };
}
