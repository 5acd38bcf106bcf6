import { createHash } from 'node:crypto';
import { and, asc, inArray, lt, sql } from 'drizzle-orm';
import { bulletinSections, defaultBulletinTitle, docNumber } from '../domain/bulletin.js';
import { lateWorkdays } from '../domain/dispatch.js';
import { RECTIFICATION_OWED } from '../domain/ledger.js';
import { NOTICE_REPLY_WORKDAYS, itemWorkdaysLate, type LateReason, noticeContent, noticeLevel, type NoticeColour, type NoticeKind, type NoticeSubject } from '../domain/notices.js';
import { bulletinDocx } from '../server/docx/bulletinDocx.js';
import { bulletinFiles, bulletins, ledgerEntries, notices, tasks } from '../server/db/schema/index.js';
import { bulletinFacts, inspectionOffice } from '../server/queries/inspections/bulletinFacts.js';
import { staffAccount } from './accounts.js';
import type { DemoContext } from './index.js';
import type { DemoRandom } from './workRandom.js';
import { at, type DemoClock } from './workSchedule.js';

interface Candidate {
  subjectType: NoticeSubject;
  subjectId: string;
  ledgerEntryId: string | null;
  unitId: string;
  title: string;
  deadline: string | null;
  requirement: string | null;
  workdaysLate: number;
}

/** Late ledger entries and overdue tasks with their lateness: what the 督查室 sends notices about. */
async function lateSubjects(ctx: DemoContext, c: DemoClock): Promise<Candidate[]> {
  const { tx } = ctx;
  const entries = await tx
    .select()
    .from(ledgerEntries)
    .where(and(inArray(ledgerEntries.status, [...RECTIFICATION_OWED]), lt(ledgerEntries.deadline, c.today)))
    .orderBy(asc(ledgerEntries.deadline), asc(ledgerEntries.id));
  const overdue = await tx
    .select({ id: tasks.id, title: tasks.title, unitId: tasks.leadUnitId, due: tasks.deadline, reasons: tasks.lightReasons })
    .from(tasks)
    .where(sql`(${tasks.lightReasons} @> '[{"code":"overdue"}]' or ${tasks.lightReasons} @> '[{"code":"milestone_overdue"}]' or ${tasks.lightReasons} @> '[{"code":"claim_overdue"}]') and ${tasks.leadUnitId} is not null`)
    .orderBy(asc(tasks.code));
  return [
    ...entries.map((e) => ({ subjectType: 'ledger' as const, subjectId: e.id, ledgerEntryId: e.id, unitId: e.unitId, title: e.finding, deadline: e.deadline, requirement: e.requirement, workdaysLate: lateWorkdays(c.cal, e.deadline, c.today) })),
    ...overdue.map((t) => ({ subjectType: 'task' as const, subjectId: t.id, ledgerEntryId: null, unitId: t.unitId!, title: t.title, deadline: t.due, requirement: null, workdaysLate: itemWorkdaysLate(t.reasons as LateReason[]) })),
  ].filter((x) => x.workdaysLate > 0);
}

/**
 * The demo district's 督查通报 and notices (issue 22 items 3 and 4): last quarter's bulletin written
 * from the ledger and the lights and issued (its .docx frozen, as issuing does), a newer one in
 * draft; on the latest ledger entry or overdue task, the ladder climbed: a 蓝色催办单 (acknowledged
 * by the unit's liaison), a 黄色督办单 and a 红色督办单, each sent the day its lateness called for it.
 * Loaded after the ledger.
 */
export async function loadBulletins(ctx: DemoContext, c: DemoClock, rng: DemoRandom): Promise<{ bulletins: number; notices: number }> {
  const { tx } = ctx;
  const inspector = ctx.users.get('inspector') ?? null;
  const issuer = await inspectionOffice(tx, ctx.regionId);
  const year = Number(c.today.slice(0, 4));
  const from = c.cal.addWorkdays(c.today, -60);
  const facts = await bulletinFacts(tx, { regionId: ctx.regionId, periodFrom: from, periodTo: c.today, campaign: null }, c.today, issuer);
  const issuedOn = c.cal.addWorkdays(c.today, -1);
  const issued = {
    id: rng.uuid(),
    periodFrom: from,
    periodTo: c.today,
    title: defaultBulletinTitle(from, c.today),
    docNumber: docNumber('督通', year, 1),
    issuer,
    issueDate: issuedOn,
    sections: bulletinSections(facts),
    cc: '区委办公室，区政府办公室，区推进工作领导小组各成员单位',
    printer: issuer,
    createdById: inspector,
    createdAt: at(c.cal.addWorkdays(c.today, -2), 15),
    regionId: ctx.regionId,
  };
  const content = await bulletinDocx({ ...issued, draft: false });
  const sha256 = createHash('sha256').update(content).digest('hex');
  const draft = { ...issued, id: rng.uuid(), docNumber: docNumber('督通', year, 2), issueDate: c.today, cc: '', createdAt: at(c.today, 9) };
  await tx.insert(bulletins).values([
    { ...issued, status: 'issued', sha256, issuedById: inspector, issuedAt: at(issuedOn, 16), version: 1 },
    { ...draft, status: 'draft' },
  ]);
  await tx.insert(bulletinFiles).values({ bulletinId: issued.id, sha256, content });

  // The ladder as it is climbed: one late subject got a 蓝色催办单 when 3 workdays late, a
  // 黄色督办单 at 8 and a 红色督办单 now; each notice's day is the one its lateness was reached.
  const pool = await lateSubjects(ctx, c);
  // The least late subject that has reached red (a story of weeks, not of a year), else the latest.
  const byLateness = [...pool].sort((a, b) => a.workdaysLate - b.workdaysLate);
  const worst = byLateness.find((s) => noticeLevel(s.workdaysLate)?.colour === 'red') ?? byLateness.at(-1);
  if (!worst) return { bulletins: 2, notices: 0 };
  const steps = [3, 8, worst.workdaysLate].filter((n, i, all) => n <= worst.workdaysLate && all.indexOf(n) === i);
  const numbers: Record<NoticeKind, number> = { urge: 0, supervise: 0 };
  const unitCode = new Map([...ctx.units].map(([code, id]) => [id, code]));
  const rows = steps.map((late, i) => {
    const level = noticeLevel(late)!;
    // The latest one went out on the last workday before the load: addWorkdays(today, 0) is the next
    // workday on a weekend (a notice dated tomorrow), and today's 09:20 may not have come yet.
    const sentOn = c.cal.addWorkdays(c.today, -Math.max(1, worst.workdaysLate - late));
    const replyBy = c.cal.addWorkdays(sentOn, NOTICE_REPLY_WORKDAYS);
    const acknowledged = (level.colour as NoticeColour) === 'blue';
    return {
      id: rng.uuid(),
      kind: level.kind,
      colour: level.colour,
      docNumber: docNumber(level.kind === 'urge' ? '督催' : '督办', year, ++numbers[level.kind]),
      unitId: worst.unitId,
      // The demo's units are all of its one district: the notices are in its series.
      regionId: ctx.regionId,
      subjectType: worst.subjectType,
      subjectId: worst.subjectId,
      subjectTitle: worst.title,
      ledgerEntryId: worst.ledgerEntryId,
      workdaysLate: late,
      deadline: worst.deadline,
      content: noticeContent({ kind: level.kind, subjectType: worst.subjectType, subjectTitle: worst.title, deadline: worst.deadline, workdaysLate: late, today: sentOn, replyBy, requirement: worst.requirement }),
      replyBy,
      status: acknowledged ? 'acknowledged' : 'sent',
      issuedById: inspector,
      issuedAt: at(sentOn, 9, 10 * i),
      acknowledgedById: acknowledged ? (ctx.users.get(staffAccount('liaison', unitCode.get(worst.unitId) ?? '')) ?? null) : null,
      acknowledgedAt: acknowledged ? at(sentOn, 11) : null,
      version: acknowledged ? 1 : 0,
    };
  });
  if (rows.length) await tx.insert(notices).values(rows);
  return { bulletins: 2, notices: rows.length };
}
