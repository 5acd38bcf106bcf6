import type { MeetingStatus } from '../meetings.js';
import type { Flow } from './flow.js';

export const MEETING_ACTIONS = ['close'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

/**
 * A meeting is open while it is prepared and held (agenda, snapshots, outcomes, decisions); issuing
 * its minutes (印发纪要) closes it, and a closed meeting takes no more changes. The HQ office runs the
 * leading group's and the HQ's meetings; a task force runs its own.
 */
export const meetingFlow: Flow<MeetingStatus, MeetingAction> = {
  open: { close: { to: 'closed', by: ['hq_office', 'task_force'] } },
};
