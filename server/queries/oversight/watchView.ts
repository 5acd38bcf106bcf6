import { shanghaiDate, type IsoDate } from '../../../domain/calendar/days.js';
import { itemWatchReason, watchCutoff } from '../../../domain/oversight.js';
import type { LightReason } from '../../../domain/lights.js';
import type { Watch } from '../../../domain/schemas/oversight.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { loadCalendar } from '../calendar.js';
import { openCasesFrom } from './cases.js';
import { redOrOverdueItems, stuckBlockers } from './watch.js';

/**
 * 监督哨 ("堵点在哪里，监督就跟进到哪里"): items red or overdue for `days` workdays or more, and
 * unresolved blockers at one level since as long, each with the open case already made from it.
 */
export async function loadWatch(db: Executor, actor: Actor | null, days: number, today: IsoDate): Promise<Watch> {
  const cal = await loadCalendar(db);
  const cutoff = watchCutoff(cal, today, days);
  const items = await redOrOverdueItems(db);
  const blockers = await stuckBlockers(db, cutoff);
  const watched = items.rows.flatMap((r) => {
    const why = itemWatchReason({ light: r.light, reasons: (r.lightReasons ?? []) as LightReason[], redSince: r.redSince }, days, cutoff);
    return why ? [{ r, why }] : [];
  });
  const open = await openCasesFrom(db, actor, [...watched.map((w) => w.r.itemId), ...blockers.rows.map((b) => b.blockerId)]);
  return {
    days,
    cutoff,
    truncated: items.truncated || blockers.truncated,
    items: watched.map(({ r, why }) => ({
      itemType: r.itemType,
      itemId: r.itemId,
      code: r.code,
      title: r.title,
      unitId: r.unitId,
      unitName: r.unitName,
      light: r.light,
      source: why.source,
      overdueWorkdays: why.source === 'overdue' ? why.workdays : null,
      redSince: r.redSince,
      openCaseId: open.get(r.itemId) ?? null,
    })),
    blockers: blockers.rows.map((b) => {
      const since = shanghaiDate(b.levelSince);
      return {
        blockerId: b.blockerId,
        title: b.title,
        unitId: b.unitId,
        unitName: b.unitName,
        level: b.level,
        status: b.status,
        levelSince: b.levelSince.toISOString(),
        workdaysAtLevel: Math.max(0, cal.workdaysBetween(since, today) - (cal.isWorkday(today) ? 1 : 0)),
        openCaseId: open.get(b.blockerId) ?? null,
      };
    }),
  };
}
