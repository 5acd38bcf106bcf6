import type { MeetingStatus } from '../../../domain/meetings.js';
import { meetingFlow, type MeetingAction } from '../../../domain/workflows/meeting.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { meetings } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { MeetingRow } from '../../models/meeting.js';
import { meetingPolicy, type MeetingSubject } from '../../policies/meeting.js';
import { meetingScope } from '../../queries/meetings/meetings.js';
import { rowWriter } from '../workflow/lockedWriter.js';
import { takeStep, type Workflow } from '../workflow/takeStep.js';
import { notRunner, subjectOf } from './meetingChecks.js';

/** open → closed (印发纪要), by whoever runs the meeting. */
const meetingWorkflow: Workflow<MeetingRow, MeetingStatus, MeetingAction, MeetingSubject, MeetingRow, Tx> = {
  entity: 'meeting',
  flow: meetingFlow,
  done: { close: 'closed' },
  status: (m) => m.status as MeetingStatus,
  version: (m) => m.version,
  subject: (_tx, m) => subjectOf(m),
  may: (actor, subject, action) => meetingPolicy.row[action](actor, subject),
  invalid: (status, action) =>
    status === 'closed' ? new AppError(409, 'meeting_closed') : new AppError(409, 'meeting_step_invalid', { status: `@meeting_status_${status}`, action: `@meeting_action_${action}` }),
  refusal: (tx, m) => notRunner(tx, m),
  writer: rowWriter(meetings, 'meeting', (_tx, actor) => meetingScope(actor)),
};

/** Issues the minutes: the meeting closes, and its agenda, outcomes and decisions are on record as they stand. */
export function closeMeeting(ctx: Ctx, id: string, input: { version?: number | undefined }) {
  return takeStep(ctx, meetingWorkflow, id, 'close', {
    version: input.version,
    set: (_tx, _m, now) => ({ closedAt: now, closedById: ctx.actor?.userId ?? null }),
  });
}
