import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Lang } from '../../../domain/enums.js';
import { figureText } from '../../../domain/itemHistory.js';
import { trimDecimal } from '../../../domain/text.js';
import { reportablePeriods } from '../../../domain/reportPeriod.js';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import type { ItemType, ReportStatus } from '../../../domain/work.js';
import type { Executor } from '../../db/client.js';
import { projectMonths, projects, reports, targetActuals, targetGoals, targets, tasks } from '../../db/schema/index.js';
import { now as clockNow } from '../../clock.js';
import { currentCalendar } from '../calendar.js';
import type { RegionScope } from '../regionScope.js';
import { loadItem } from './items.js';

/**
 * What a liaison needs beside the report form: what the item asks (its content and deadline), the
 * last figure accepted on it, and the periods the report may be for (the unit's own report of each,
 * if it has one). Undefined when the item does not exist, or is of a plan outside the reader's
 * regions (its id comes in the query string, which the region gate does not read).
 */
export async function reportBrief(db: Executor, itemType: ItemType, itemId: string, unitIds: readonly string[], lang: Lang, scope: RegionScope) {
  const item = await loadItem(db, itemType, itemId, scope);
  if (!item) return undefined;
  const zh = lang === 'zh-CN';
  let content = '';
  let lastAccepted: { period: string; figure: string; value: string; acceptedAt: string | null } | null = null;
  let due = item.due;
  if (itemType === 'task') {
    const [t] = await db.select({ description: tasks.description }).from(tasks).where(eq(tasks.id, itemId));
    content = t?.description ?? '';
    const [r] = await db
      .select({ period: reports.period, percent: reports.percent, acceptedAt: reports.acceptedAt })
      .from(reports)
      .where(and(eq(reports.itemType, 'task'), eq(reports.itemId, itemId), eq(reports.status, 'accepted')))
      .orderBy(desc(reports.period), desc(reports.acceptedAt))
      .limit(1);
    if (r?.percent !== null && r?.percent !== undefined) lastAccepted = { period: r.period, figure: figureText({ percent: r.percent }, lang), value: trimDecimal(r.percent), acceptedAt: r.acceptedAt?.toISOString() ?? null };
  } else if (itemType === 'target') {
    const [t] = await db.select({ measureUnit: targets.measureUnit, name: targets.name }).from(targets).where(eq(targets.id, itemId));
    const goals = await db.select().from(targetGoals).where(eq(targetGoals.targetId, itemId)).orderBy(targetGoals.year);
    content = `${t?.name ?? ''}${zh ? '：年度目标 ' : ': goals '}${goals.map((g) => `${g.year} ${trimDecimal(g.goal)}${t?.measureUnit ?? ''}`).join(zh ? '，' : ', ')}`;
    const [a] = await db.select().from(targetActuals).where(eq(targetActuals.targetId, itemId)).orderBy(desc(targetActuals.period)).limit(1);
    if (a) lastAccepted = { period: a.period, figure: figureText({ actual: a.value, measureUnit: t?.measureUnit ?? '' }, lang), value: trimDecimal(a.value), acceptedAt: a.acceptedAt.toISOString() };
  } else {
    const [p] = await db
      .select({ name: projects.name, owner: projects.ownerEnterprise, location: projects.location, stageDates: projects.stageDates })
      .from(projects)
      .where(eq(projects.id, itemId));
    content = [p?.name, p?.owner, p?.location].filter(Boolean).join(zh ? '，' : ', ');
    // A project is due to be in operation (投产) by its planned date.
    due = ((p?.stageDates ?? {}) as Record<string, { planned?: string }>).operating?.planned ?? null;
    const [m] = await db.select().from(projectMonths).where(eq(projectMonths.projectId, itemId)).orderBy(desc(projectMonths.month)).limit(1);
    if (m) lastAccepted = { period: m.month, figure: figureText({ investment: m.done }, lang), value: trimDecimal(m.done), acceptedAt: null };
  }
  const calendar = await currentCalendar(db);
  const choices = reportablePeriods(item.periodKind, shanghaiDate(clockNow()), calendar);
  const own = unitIds.length
    ? await db
        .select({ id: reports.id, period: reports.period, status: reports.status })
        .from(reports)
        .where(
          and(
            eq(reports.itemType, itemType),
            eq(reports.itemId, itemId),
            inArray(reports.unitId, [...unitIds]),
            inArray(
              reports.period,
              choices.map((c) => c.period),
            ),
          ),
        )
    : [];
  // Last time's words: the unit's newest report on the item that left the unit (a draft is still being written).
  const [last] = unitIds.length
    ? await db
        .select({ text: reports.text })
        .from(reports)
        .where(and(eq(reports.itemType, itemType), eq(reports.itemId, itemId), inArray(reports.unitId, [...unitIds]), ne(reports.status, 'draft')))
        .orderBy(desc(reports.period), desc(reports.createdAt))
        .limit(1)
    : [];
  return {
    itemType,
    itemId,
    lastText: last?.text ?? null,
    code: item.code,
    title: item.title,
    content,
    due,
    lastAccepted,
    periods: choices.map((c) => {
      const r = own.find((o) => o.period === c.period);
      return { ...c, reportId: r?.id ?? null, status: (r?.status ?? null) as ReportStatus | null };
    }),
  };
}
