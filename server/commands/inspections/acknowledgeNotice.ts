import type { z } from 'zod';
import type { NoticeStatus } from '../../../domain/notices.js';
import type { NoticeAcknowledge } from '../../../domain/schemas/notice.js';
import { noticeFlow, type NoticeAction } from '../../../domain/workflows/notice.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { notices } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { NoticeRow } from '../../models/inspections.js';
import { noticePolicy, type NoticeSubject } from '../../policies/notice.js';
import { noticeScope } from '../../queries/inspections/scope.js';
import { findUnit } from '../../queries/org.js';
import { markNoticeRead } from '../reminders/markRead.js';
import { rowWriter } from '../workflow/lockedWriter.js';
import { takeStep, type Workflow } from '../workflow/takeStep.js';

/** What the notice policy's row tier looks at. */
export const noticeSubject = (n: NoticeRow): NoticeSubject => ({ status: n.status as NoticeStatus, unitId: n.unitId });

const workflow: Workflow<NoticeRow, NoticeStatus, NoticeAction, NoticeSubject, NoticeRow, Tx> = {
  entity: 'notice',
  flow: noticeFlow,
  done: { acknowledge: 'acknowledged' },
  status: (n) => n.status as NoticeStatus,
  version: (n) => n.version,
  subject: (_tx, n) => noticeSubject(n),
  may: (actor, subject, action) => noticePolicy.row[action](actor, subject),
  // A replay of the acknowledgement: 409, as the house answers a step taken twice (ledger_step_invalid).
  invalid: () => new AppError(409, 'notice_step_invalid'),
  refusal: async (tx, n) => new AppError(403, 'notice_not_unit', { unit: (await findUnit(tx, n.unitId))?.name ?? '—' }),
  writer: rowWriter(notices, 'notice', (_tx, actor) => noticeScope(actor)),
};

/** The unit's liaison or head acknowledges receipt (签收), once. */
export function acknowledgeNotice(ctx: Ctx, id: string, input: z.infer<typeof NoticeAcknowledge>) {
  return takeStep(ctx, workflow, id, 'acknowledge', {
    version: input.version,
    set: (_tx, _n, now) => ({ acknowledgedAt: now, acknowledgedById: ctx.actor!.userId }),
    // Who signs for the notice has read it: its message leaves their unread count.
    effects: (tx, n) => markNoticeRead(tx, ctx.actor!.userId, n.id),
  });
}
