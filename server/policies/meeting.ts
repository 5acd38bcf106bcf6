import type { MeetingKind, MeetingStatus } from '../../domain/meetings.js';
import { MEETING_ACTIONS, meetingFlow } from '../../domain/workflows/meeting.js';
import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy, flowRoles, mayStep, stepRules } from './policy.js';
import { taskForcesOf } from './report.js';

export interface MeetingSubject {
  status: MeetingStatus;
  kind: MeetingKind;
  /** The task force holding a task-force meeting. */
  bodyId: string | null;
}

/** Who runs the meeting: the HQ office any; a task force its own task-force meetings. */
export function runsMeeting(a: Actor | null, m: Pick<MeetingSubject, 'kind' | 'bodyId'>): boolean {
  if (hasRole(a, 'hq_office')) return true;
  return m.kind === 'task_force' && !!m.bodyId && taskForcesOf(a).includes(m.bodyId);
}

/** A task force's members read its own meetings; the leader and the office read all. */
export const mayReadMeeting = (a: Actor | null, m: MeetingSubject): boolean => hasRole(a, 'leader', 'hq_office') || runsMeeting(a, m);

export const mayStepMeeting = mayStep(meetingFlow, (a, m: MeetingSubject, role) => hasRole(a, role) && runsMeeting(a, m));

/**
 * Meetings: the HQ office runs the leading group's and the HQ's, a task force its own; the leader
 * reads them all. While open, whoever runs it edits it, sets its agenda (the snapshots heard),
 * records 议定事项 and issues the minutes, which close it. A 审议's outcome moves the plan under
 * review, so it is the office's, at a leading-group meeting (the plan flow's approve).
 */
export const meetingPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'leader', 'hq_office', 'task_force'),
    create: (a) => hasRole(a, 'hq_office', 'task_force'),
    update: (a) => hasRole(a, 'hq_office', 'task_force'),
    decide: (a) => hasRole(a, 'hq_office'),
    close: (a) => hasRole(a, ...flowRoles(meetingFlow, 'close')),
  },
  row: {
    read: mayReadMeeting,
    update: (a, m: MeetingSubject) => m.status === 'open' && runsMeeting(a, m),
    decide: (a, m: MeetingSubject) => m.status === 'open' && m.kind === 'leading_group' && hasRole(a, 'hq_office'),
    ...stepRules(MEETING_ACTIONS, mayStepMeeting),
  },
});
