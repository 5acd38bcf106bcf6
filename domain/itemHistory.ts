import type { Lang } from './enums.js';
import { fillTemplate, trimDecimal as trim } from './text.js';

/**
 * One line of an item's history (任务、目标指标、重点项目): what happened, when and by whom, from the
 * audit records of the item and from its claims and accepted or returned reports.
 */
export type HistoryEvent = { at: Date; actorName: string | null } & (
  | { kind: 'created' | 'trajectory_set' | 'investment_plan_set' }
  | { kind: 'updated'; fields: HistoryField[] }
  | { kind: 'claimed' | 'claim_approved'; unit: string }
  | { kind: 'claim_returned'; unit: string; reason: string }
  | { kind: 'milestone_added' | 'milestone_updated' | 'milestone_removed'; name: string }
  | { kind: 'actual_recorded'; period: string; value: string }
  | { kind: 'report_accepted'; unit: string; period: string; figure: ReportFigure }
  | { kind: 'report_returned'; unit: string; period: string; reason: string }
);
export type HistoryKind = HistoryEvent['kind'];

/** What an accepted report said, as exact decimal text: a task's percent, a target's actual, a project's investment (万元). */
export type ReportFigure = { percent: string } | { actual: string; measureUnit: string } | { investment: string } | null;


/** An accepted figure as a person says it: 进度60%, 实际值105.5 亿元, 完成投资1234.56万元. */
export function figureText(f: NonNullable<ReportFigure>, lang: Lang): string {
  const zh = lang === 'zh-CN';
  if ('percent' in f) return zh ? `进度${trim(f.percent)}%` : `progress ${trim(f.percent)}%`;
  if ('actual' in f) return `${zh ? '实际值' : 'actual '}${trim(f.actual)}${f.measureUnit ? ` ${f.measureUnit}` : ''}`;
  return zh ? `完成投资${f.investment}万元` : `investment done ${f.investment} (10k yuan)`;
}

/** The fields of tasks, targets and projects whose change a person would want named. */
const FIELDS = {
  code: ['编号', 'code'],
  title: ['名称', 'title'],
  name: ['名称', 'name'],
  description: ['说明', 'description'],
  areaId: ['重点领域', 'area'],
  leadUnitId: ['牵头单位', 'lead unit'],
  units: ['责任单位', 'units'],
  responsiblePost: ['分管领导', 'responsible leader'],
  weight: ['权重', 'weight'],
  startDate: ['开始日期', 'start date'],
  deadlineKind: ['期限', 'deadline'],
  deadline: ['期限', 'deadline'],
  recurrence: ['期限', 'deadline'],
  reportPeriod: ['报送周期', 'reporting cycle'],
  measureUnit: ['计量单位', 'unit of measure'],
  baseline: ['基数', 'baseline'],
  direction: ['方向', 'direction'],
  dataUnitId: ['数据报送单位', 'data unit'],
  period: ['报送周期', 'reporting cycle'],
  goals: ['年度目标', 'yearly goals'],
  ownerEnterprise: ['业主单位', 'owner'],
  location: ['建设地点', 'location'],
  responsibleUnitId: ['责任单位', 'responsible unit'],
  totalInvestment: ['总投资', 'total investment'],
  stage: ['建设阶段', 'stage'],
  stageDates: ['阶段日期', 'stage dates'],
} as const satisfies Record<string, readonly [string, string]>;
export type HistoryField = keyof typeof FIELDS;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The named fields an edit changed (one name once: the three parts of a deadline are one 期限). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): HistoryField[] {
  const out: HistoryField[] = [];
  for (const f of Object.keys(FIELDS) as HistoryField[]) {
    if (!before || !after || !(f in before || f in after) || same(before[f], after[f])) continue;
    if (!out.some((o) => FIELDS[o][0] === FIELDS[f][0])) out.push(f);
  }
  return out;
}

const TEXT: Record<HistoryKind, Record<Lang, string>> = {
  created: { 'zh-CN': '创建', 'en-US': 'Created' },
  updated: { 'zh-CN': '修改了{fields}', 'en-US': 'Changed {fields}' },
  trajectory_set: { 'zh-CN': '设置计划轨迹', 'en-US': 'Set the planned trajectory' },
  investment_plan_set: { 'zh-CN': '设置年度投资计划', 'en-US': 'Set the yearly investment plan' },
  claimed: { 'zh-CN': '{unit}认领', 'en-US': '{unit} claimed it' },
  claim_approved: { 'zh-CN': '{unit}的认领经单位一把手审批通过', 'en-US': "{unit}'s claim approved by its head" },
  claim_returned: { 'zh-CN': '{unit}的认领被退回：{reason}', 'en-US': "{unit}'s claim returned: {reason}" },
  milestone_added: { 'zh-CN': '新增节点“{name}”', 'en-US': 'Added milestone "{name}"' },
  milestone_updated: { 'zh-CN': '修改节点“{name}”', 'en-US': 'Changed milestone "{name}"' },
  milestone_removed: { 'zh-CN': '删除节点“{name}”', 'en-US': 'Removed milestone "{name}"' },
  actual_recorded: { 'zh-CN': '录入{period}实际值{value}', 'en-US': 'Recorded the {period} actual: {value}' },
  report_accepted: { 'zh-CN': '{unit}{period}报送验收：{figure}', 'en-US': "{unit}'s {period} report accepted: {figure}" },
  report_returned: { 'zh-CN': '{unit}{period}报送被退回：{reason}', 'en-US': "{unit}'s {period} report returned: {reason}" },
};

/** The sentence for a history line, e.g. 修改了期限、牵头单位 or 建设街道2026-10报送验收：进度68.3%. */
export function historyText(e: HistoryEvent, lang: Lang): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(e)) if (typeof v === 'string') params[k] = v;
  if (e.kind === 'report_accepted') {
    // A supporting unit's report on a task carries no figure of its own: it was simply accepted.
    if (e.figure === null) return lang === 'zh-CN' ? `${e.unit}${e.period}报送验收通过` : `${e.unit}'s ${e.period} report accepted`;
    params.figure = figureText(e.figure, lang);
  }
  if (e.kind === 'actual_recorded') params.value = trim(e.value);
  if (e.kind === 'updated') {
    const names = [...new Set(e.fields.map((f) => FIELDS[f][lang === 'zh-CN' ? 0 : 1]))];
    params.fields = names.length ? names.join(lang === 'zh-CN' ? '、' : ', ') : lang === 'zh-CN' ? '基本信息' : 'its details';
  }
  return fillTemplate(TEXT[e.kind][lang], params, { lang });
}

/** Newest first; lines at the same instant keep the order they were recorded in. */
export function sortHistory<E extends { at: Date }>(events: readonly E[]): E[] {
  return events
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => b.at.getTime() - a.at.getTime() || j - i)
    .map(([e]) => e);
}
