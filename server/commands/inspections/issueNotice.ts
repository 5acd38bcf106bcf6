import { and, eq } from 'drizzle-orm';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { lateWorkdays } from '../../../domain/dispatch.js';
import { RECTIFICATION_OWED } from '../../../domain/ledger.js';
import { itemWorkdaysLate, NOTICE_REPLY_WORKDAYS, noticeContent, noticeLevel, type NoticeKind, type NoticeSubject } from '../../../domain/notices.js';
import type { NoticeCreate } from '../../../domain/schemas/notice.js';
import type { ItemType } from '../../../domain/work.js';
import { recordAudit } from '../../audit.js';
import { now as clockNow } from '../../clock.js';
import { inTx, type Actor, type Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { ledgerEntries, notices, orgUnits } from '../../db/schema/index.js';
import { AppError, unauthenticated } from '../../errors.js';
import { currentCalendar } from '../../queries/calendar.js';
import { ledgerScope } from '../../queries/inspections/scope.js';
import { loadItem } from '../../queries/reporting/items.js';
import { ruleBroken } from '../planning/checks.js';
import { answerableUnit } from './ledgerSource.js';
import { nextDocNumber } from './nextDocNumber.js';
import { storeNoticeMessages } from '../reminders/storeMessages.js';
import { unitLiaisonsAndHeads } from '../../queries/reminders/dueFacts.js';

/** 督催〔2026〕4号 / 督办〔2026〕4号: each kind numbered by the year. */
const PREFIX: Record<NoticeKind, string> = { urge: '督催', supervise: '督办' };

interface Late {
  unitId: string;
  title: string;
  deadline: string | null;
  workdaysLate: number;
  requirement: string | null;
  ledgerEntryId: string | null;
}

const subjectWord = (type: NoticeSubject) => `@notice_subject_${type}`;

/** What is late, by how much and whose it is; 422 naming `subject.id` when the subject is unknown or not late. */
async function lateSubject(tx: Tx, actor: Actor, subject: NoticeCreate['subject'], today: string): Promise<Late> {
  const unknown = () => ruleBroken('notice_subject_unknown', 'subject.id', { subject: subjectWord(subject.type) });
  const notLate = () => ruleBroken('notice_not_late', 'subject.id', { subject: subjectWord(subject.type) });
  if (subject.type === 'ledger') {
    const [e] = await tx.select().from(ledgerEntries).where(and(eq(ledgerEntries.id, subject.id), ledgerScope(tx, actor)));
    if (!e) throw unknown();
    // Only a rectification still owed can be late; one submitted waits for the inspector.
    const owed = (RECTIFICATION_OWED as readonly string[]).includes(e.status);
    const late = owed ? lateWorkdays(await currentCalendar(tx), e.deadline, today) : 0;
    if (!late) throw notLate();
    return { unitId: e.unitId, title: e.finding, deadline: e.deadline, workdaysLate: late, requirement: e.requirement, ledgerEntryId: e.id };
  }
  const item = await loadItem(tx, subject.type as ItemType, subject.id);
  if (!item) throw unknown();
  const late = itemWorkdaysLate(item.lightReasons);
  if (!late) throw notLate();
  const unitId = await answerableUnit(tx, { itemType: item.itemType, itemId: item.itemId });
  if (!unitId) throw unknown();
  const reasonDeadline = item.lightReasons.map((r) => (r.params as Record<string, unknown>).deadline ?? (r.params as Record<string, unknown>).due).find((d) => typeof d === 'string') as string | undefined;
  return { unitId, title: item.title, deadline: item.due ?? reasonDeadline ?? null, workdaysLate: late, requirement: null, ledgerEntryId: null };
}

/**
 * An inspector or the HQ office sends a 催办单 or 督办单 to the unit answerable for a late ledger
 * entry or an overdue item: its kind and colour follow from the workdays late (domain/notices.ts),
 * its words from the subject; the reply is due in 3 workdays unless a day is given.
 */
export async function issueNotice(ctx: Ctx, input: NoticeCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const today = shanghaiDate(clockNow());
    if (input.replyBy !== undefined && input.replyBy < today) throw new AppError(422, 'notice_reply_by_past', { replyBy: input.replyBy }, { replyBy: 'notice_reply_by_past' });
    const late = await lateSubject(tx, actor, input.subject, today);
    const level = noticeLevel(late.workdaysLate)!;
    const replyBy = input.replyBy ?? (await currentCalendar(tx)).addWorkdays(today, NOTICE_REPLY_WORKDAYS);
    const year = Number(today.slice(0, 4));
    // Numbered in the series of the unit's region, whose name signs it (migration 0051).
    const [unit] = await tx.select({ regionId: orgUnits.regionId }).from(orgUnits).where(eq(orgUnits.id, late.unitId));
    const [row] = await tx
      .insert(notices)
      .values({
        kind: level.kind,
        colour: level.colour,
        docNumber: await nextDocNumber(tx, 'notice', PREFIX[level.kind], year, unit!.regionId),
        unitId: late.unitId,
        regionId: unit!.regionId,
        subjectType: input.subject.type,
        subjectId: input.subject.id,
        subjectTitle: late.title,
        ledgerEntryId: late.ledgerEntryId,
        workdaysLate: late.workdaysLate,
        deadline: late.deadline,
        content: noticeContent({ kind: level.kind, subjectType: input.subject.type, subjectTitle: late.title, deadline: late.deadline, workdaysLate: late.workdaysLate, today, replyBy, requirement: late.requirement }),
        note: input.note,
        replyBy,
        issuedById: actor.userId,
      })
      .returning();
    // Delivered like the reminders (issue 22 item 3): in the inbox of the unit's liaisons and head, who acknowledge it.
    await storeNoticeMessages(tx, row!.id, await unitLiaisonsAndHeads(tx, late.unitId), today);
    await recordAudit(tx, ctx, 'notice.issued', { entity: 'notice', entityId: row!.id, after: row });
    return row!;
  });
}
