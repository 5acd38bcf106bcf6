import type { Lang } from '../enums.js';
import type { DigestItem } from './digest.js';
import type { ReminderKind, ReminderStep } from './ladder.js';

/** 提醒 / 催报 / 催办 / 督办: a late report is 催报, any other late thing 催办. */
export function stepWord(step: ReminderStep, kind: ReminderKind, lang: Lang): string {
  if (lang === 'en-US') return { before: 'Due soon', remind: 'Reminder', urge: kind === 'report' ? 'Report chased' : 'Chased', supervise: 'Supervised' }[step];
  return { before: '到期提醒', remind: '逾期提醒', urge: kind === 'report' ? '催报' : '催办', supervise: '督办' }[step];
}

export function kindWord(kind: ReminderKind, lang: Lang): string {
  if (lang === 'en-US') return { report: 'Progress report', deadline: 'Deadline', milestone: 'Milestone', claim: 'Claim', claim_review: 'Claim awaiting your approval', claim_returned: 'Returned claim, to claim again' }[kind];
  return { report: '进展报送', deadline: '完成时限', milestone: '节点', claim: '任务认领', claim_review: '待审核认领', claim_returned: '被退回认领（须重新认领）' }[kind];
}

/**
 * A digest's title, counting its lines by step, most pressing first: "今日提醒 3 项：督办 1 项、催报 2 项".
 * A digest always has lines (none is built without), so there is no "0 items" wording.
 */
export function digestTitle(items: readonly Pick<DigestItem, 'step' | 'kind'>[], lang: Lang): string {
  const counts = new Map<string, number>();
  for (const step of ['supervise', 'urge', 'remind', 'before'] as const) {
    for (const i of items.filter((x) => x.step === step)) {
      const w = stepWord(step, i.kind, lang);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const parts = [...counts].map(([w, n]) => (lang === 'en-US' ? `${n} ${w.toLowerCase()}` : `${w} ${n} 项`));
  return lang === 'en-US' ? `Today's reminders (${items.length}): ${parts.join(', ')}` : `今日提醒 ${items.length} 项：${parts.join('、')}`;
}

/** One line as read in the inbox: "催报｜T-1.2 培育新兴产业：2026-05 进展逾期 3 个工作日未报送". */
export function itemLine(i: Pick<DigestItem, 'kind' | 'step' | 'code' | 'title' | 'workdays' | 'period' | 'milestone' | 'due'>, lang: Lang): string {
  const what = i.kind === 'report' ? (lang === 'en-US' ? `report for ${i.period}` : `${i.period} 进展报送`) : i.kind === 'milestone' ? (lang === 'en-US' ? `milestone “${i.milestone}”` : `节点“${i.milestone}”`) : kindWord(i.kind, lang);
  const when =
    i.step === 'before'
      ? lang === 'en-US'
        ? i.workdays === 0
          ? 'due today'
          : `due in ${i.workdays} workday(s) (${i.due})`
        : i.workdays === 0
          ? '今日到期'
          : `还有 ${i.workdays} 个工作日到期（${i.due}）`
      : lang === 'en-US'
        ? `${i.workdays} workday(s) late (due ${i.due})`
        : `已逾期 ${i.workdays} 个工作日（${i.due}）`;
  return lang === 'en-US' ? `${i.code} ${i.title}: ${what}, ${when}` : `${i.code} ${i.title}：${what}${when}`;
}
