import type { dispatchRecipients, dispatches } from '../server/db/schema/index.js';
import type { DemoRandom } from './workRandom.js';
import { at, type DemoClock } from './workSchedule.js';

type DispatchInsert = typeof dispatches.$inferInsert;
type RecipientInsert = typeof dispatchRecipients.$inferInsert;

const TEXTS = [
  '进度明显滞后，请牵头单位拿出倒排工期计划，本周内报指挥部办公室。',
  '请主要负责同志亲自过问，逐项梳理问题清单，限期解决。',
  '此事群众关注度高，请加强协调，确保年底前见到实效。',
  '请会同相关部门现场办公，有需要区里协调的事项及时提出。',
] as const;
const REPLY = '已召开专题会议研究部署，制定倒排工期计划，明确责任人和完成时限，将按期报送进展。';

/**
 * 领导批示 on tasks that are behind, one in each state the leader and the office follow: answered
 * on time, waiting past its deadline (red), due tomorrow (yellow), and just written (green).
 */
export function buildInstructions(
  troubled: { taskId: string; unitId: string }[],
  titles: ReadonlyMap<string, string>,
  leaderId: string | null,
  regionId: string,
  c: DemoClock,
  rng: DemoRandom,
): { dispatches: DispatchInsert[]; recipients: RecipientInsert[] } {
  const out = { dispatches: [] as DispatchInsert[], recipients: [] as RecipientInsert[] };
  // Each one's day written and its deadline, in workdays from today (counted from today, so that a
  // weekend or a holiday today keeps each in its state).
  const shapes = [
    { sent: -8, due: -5, replied: true },
    { sent: -7, due: -4, replied: false },
    { sent: -2, due: 1, replied: false },
    { sent: 0, due: 3, replied: false },
  ];
  troubled.slice(0, shapes.length).forEach((t, i) => {
    const s = shapes[i]!;
    const sentDay = s.sent === 0 ? c.today : c.cal.addWorkdays(c.today, s.sent);
    const sentAt = at(sentDay, 9, 30);
    const id = rng.uuid();
    out.dispatches.push({
      regionId,
      id,
      kind: 'instruction',
      title: titles.get(t.taskId) ?? '',
      body: TEXTS[i % TEXTS.length]!,
      deadline: c.cal.addWorkdays(c.today, s.due),
      status: 'sent',
      createdById: leaderId,
      createdAt: sentAt,
      sentAt,
      subjectType: 'task',
      subjectId: t.taskId,
    });
    out.recipients.push({
      dispatchId: id,
      unitId: t.unitId,
      status: s.replied ? 'replied' : 'pending',
      replyText: s.replied ? REPLY : null,
      repliedAt: s.replied ? at(c.cal.addWorkdays(sentDay, 2), 15) : null,
    });
  });
  return out;
}
