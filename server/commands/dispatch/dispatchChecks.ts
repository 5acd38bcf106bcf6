import { and, inArray } from 'drizzle-orm';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { deadlineProblem, defaultDispatchDeadline, figureProblems, type FigureColumn } from '../../../domain/dispatch.js';
import type { Lang } from '../../../domain/enums.js';
import { now as clockNow } from '../../clock.js';
import type { Executor } from '../../db/client.js';
import { orgUnits } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { word } from '../../i18n.js';
import { loadCalendar } from '../../queries/calendar.js';
import { referable } from '../../queries/writeScope.js';

/** The order's deadline: the one given, checked on the district's calendar, or three workdays ahead. */
export async function checkedDeadline(db: Executor, deadline: string | undefined): Promise<string> {
  const cal = await loadCalendar(db);
  const today = shanghaiDate(clockNow());
  if (deadline === undefined) return defaultDispatchDeadline(cal, today);
  const problem = deadlineProblem(cal, deadline, today);
  if (problem?.code === 'past') throw new AppError(422, 'dispatch_deadline_past', { deadline }, { deadline: '' });
  if (problem?.code === 'rest_day') throw new AppError(422, 'dispatch_deadline_rest_day', { deadline, next: problem.next }, { deadline: '' });
  return deadline;
}

/** 422 naming the field when a recipient unit does not exist in the actor's regions (a unit of another district is answered as missing: the region seal). */
export async function checkUnits(db: Executor, unitIds: readonly string[]): Promise<void> {
  const found = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(inArray(orgUnits.id, [...unitIds]), referable(db, orgUnits)));
  const missing = unitIds.length - found.length;
  if (missing > 0) throw new AppError(422, 'dispatch_unit_unknown', { count: missing }, { unitIds: '' });
}

/** 422 naming each figure that is missing, not a decimal, or not a column of the order, by its header. */
export function checkFigures(columns: readonly FigureColumn[], figures: Readonly<Record<string, string>>, lang: Lang): void {
  const problems = Object.entries(figureProblems(columns, figures));
  if (!problems.length) return;
  const label = (path: string) => {
    const key = path.slice('figures.'.length);
    return columns.find((c) => c.key === key)?.label ?? key;
  };
  const detail = problems.map(([path, p]) => `${label(path)} ${word(`figure_${p}`, lang)}`).join(lang === 'zh-CN' ? '；' : '; ');
  throw new AppError(422, 'dispatch_figures_invalid', { detail }, Object.fromEntries(problems.map(([path]) => [path, ''])));
}
