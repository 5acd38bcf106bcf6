import Decimal from 'decimal.js';
import type { IsoDate } from '../calendar/days.js';
import { LIMITS } from '../limits.js';
import type { Direction, ProjectStage, TargetAccumulation, TargetPeriod } from '../work.js';
import { parseDeadline, type DeadlineEnv } from './deadline.js';
import { columnsOf, type ItemKind } from './itemColumns.js';
import type { RowIssue } from './issues.js';
import { parseImportNumber, type NumberRule } from './numbers.js';

/** A cell a target or project row was read from: its text (fixed in the preview) and where it is. */
export interface ItemCell {
  text: string;
  /** "E7": problems name it, so the office finds the cell in its own sheet. */
  address: string;
}

export interface TargetValues {
  measureUnit: string;
  baseline: string | null;
  direction: Direction;
  accumulation: TargetAccumulation;
  period: TargetPeriod;
  goals: { year: number; goal: string }[];
}

export interface ProjectValues {
  ownerEnterprise: string;
  location: string;
  totalInvestment: string | null;
  stage: ProjectStage;
  stageDates: Partial<Record<ProjectStage, { planned: IsoDate }>>;
  yearPlans: { year: number; planned: string }[];
}

export interface ValuesContext {
  env: DeadlineEnv;
  /** The program's years: a target's goals must fall in them, as the form's do. */
  years: { from: number; to: number };
}

/** Longest text each text column keeps (the create schemas' limits). */
const MAX_TEXT: Record<string, number> = { measureUnit: 20, ownerEnterprise: 200, location: 200 };

const CHOICES: Record<string, [RegExp, string][]> = {
  direction: [
    [/^(?:正向|递增|越大越好|越高越好|提高|增长|上升|↑|higher)$/i, 'higher'],
    [/^(?:逆向|反向|递减|越小越好|越低越好|降低|下降|减少|↓|lower)$/i, 'lower'],
  ],
  accumulation: [
    [/^(?:时点值?|期末值|level)$/i, 'level'],
    [/^(?:累计值?|年累计|cumulative)$/i, 'cumulative'],
    [/^(?:当期值?|当月值?|当季值?|periodic)$/i, 'periodic'],
  ],
  period: [
    [/^(?:按月|月度|每月|月报|月|monthly)$/i, 'monthly'],
    [/^(?:按季度?|季度|每季度?|季报|季|quarterly)$/i, 'quarterly'],
  ],
  stage: [
    [/^(?:谋划|前期|储备|谋划储备|planning)$/i, 'planning'],
    [/^(?:签约|已签约|signed)$/i, 'signed'],
    [/^(?:开工|新开工|已开工|started)$/i, 'started'],
    [/^(?:在建|续建|建设中|building)$/i, 'building'],
    [/^(?:投产|竣工|建成|投用|运营|已投产|operating)$/i, 'operating'],
  ],
};
/** What the export writes for each choice, and what a problem offers the office. */
export const CHOICE_WORDS: Record<string, Record<string, string>> = {
  direction: { higher: '正向', lower: '逆向' },
  accumulation: { level: '时点值', cumulative: '累计值', periodic: '当期值' },
  period: { monthly: '按月', quarterly: '按季' },
  stage: { planning: '谋划', signed: '签约', started: '开工', building: '在建', operating: '投产' },
};
const DEFAULTS: Record<string, string> = { direction: 'higher', accumulation: 'level', period: 'monthly', stage: 'planning' };

/** The label of a cell key in the reader's tables: "2026年目标值" for goal:2026. */
export function cellLabel(kind: ItemKind, key: string): string {
  const [base, year] = key.split(':');
  if (base === 'goal' && year) return `${year}年目标值`;
  if (base === 'plan' && year) return `${year}年计划投资`;
  return columnsOf(kind).find((c) => c.key === key)?.label ?? key;
}

/** Whether a fix may write this cell: one of the kind's value columns (not the name, code, unit or area, fixed otherwise). */
export function isValueKey(kind: ItemKind, key: string): boolean {
  if (kind === 'target' && /^goal(?::\d{4})?$/.test(key)) return true;
  if (kind === 'project' && /^plan(?::\d{4})?$/.test(key)) return true;
  return !['code', 'name', 'unit', 'area'].includes(key) && columnsOf(kind).some((c) => c.key === key);
}

/** Reads one row's value cells; problems name the cell (its address) and the column's key. */
class Reader {
  errors: RowIssue[] = [];
  warnings: RowIssue[] = [];
  constructor(
    readonly kind: ItemKind,
    readonly cells: Readonly<Record<string, ItemCell>>,
    readonly ctx: ValuesContext,
  ) {}
  text(key: string): string {
    return (this.cells[key]?.text ?? '').trim();
  }
  private problem(list: RowIssue[], key: string, code: RowIssue['code'], params: Record<string, string | number> = {}) {
    list.push({ field: 'value', cell: key, code, params: { cell: this.cells[key]?.address ?? '', text: this.text(key), label: cellLabel(this.kind, key), ...params } });
  }
  error = (key: string, code: RowIssue['code'], params?: Record<string, string | number>) => this.problem(this.errors, key, code, params);
  warn = (key: string, code: RowIssue['code'], params?: Record<string, string | number>) => this.problem(this.warnings, key, code, params);

  plain(key: string): string {
    const t = this.text(key);
    const max = MAX_TEXT[key] ?? LIMITS.name;
    if (t.length > max) this.error(key, 'text_too_long', { max });
    return t;
  }
  number(key: string, rule: NumberRule, required: boolean): string | null {
    const t = this.text(key);
    if (!t) {
      if (required) this.error(key, 'value_missing');
      return null;
    }
    const n = parseImportNumber(t, rule);
    if ('problem' in n) {
      this.error(key, n.problem, { scale: rule.scale });
      return null;
    }
    return n.value;
  }
  choice(key: string): string {
    const t = this.text(key).replace(/[\s\u3000（）()]/g, '');
    if (!t) return DEFAULTS[key]!;
    const hit = CHOICES[key]!.find(([re]) => re.test(t));
    if (!hit) this.error(key, 'choice_unknown', { allowed: Object.values(CHOICE_WORDS[key]!).join('、') });
    return hit?.[1] ?? DEFAULTS[key]!;
  }
  /** Values per year: dated columns, and the undated one as this year's (with a word). */
  yearly(base: string, rule: NumberRule): { year: number; value: string }[] {
    const out: { year: number; value: string }[] = [];
    for (const key of Object.keys(this.cells).sort()) {
      const m = new RegExp(`^${base}(?::(\\d{4}))?$`).exec(key);
      if (!m) continue;
      const value = this.number(key, rule, false);
      if (value === null) continue;
      const year = m[1] ? Number(m[1]) : Number(this.ctx.env.today.slice(0, 4));
      if (!m[1]) this.warn(key, 'year_assumed', { year });
      if (out.some((o) => o.year === year)) this.error(key, 'year_twice', { year });
      else out.push({ year, value });
    }
    return out.sort((a, b) => a.year - b.year);
  }
  /** A planned date as the deadline reader takes it ("2026年6月底" is June's last workday); a rule or "ongoing" is no date. */
  date(key: string, text = this.text(key)): IsoDate | null {
    const t = /^\d{4}$/.test(text.trim()) ? `${text.trim()}年` : text;
    if (!t.trim()) return null;
    const d = parseDeadline(t, this.ctx.env);
    const impossible = d.errors.find((e) => e.code === 'deadline_impossible');
    if (impossible) this.error(key, 'deadline_impossible', { text: String(impossible.params?.text ?? t) });
    else if (!d.value?.deadline) this.error(key, 'date_unknown');
    else if (d.warnings.some((w) => w.code === 'deadline_year')) this.warn(key, 'year_assumed', { year: this.ctx.env.today.slice(0, 4) });
    return d.value?.deadline ?? null;
  }
}

const TARGET_NUMBER: NumberRule = { scale: 4, signed: true };
const MONEY: NumberRule = { scale: 2, signed: false, money: true };

function targetValues(r: Reader): TargetValues {
  const measureUnit = r.plain('measureUnit');
  if (!measureUnit) r.error('measureUnit', 'value_missing');
  const baseline = r.number('baseline', TARGET_NUMBER, true);
  const goals = r.yearly('goal', TARGET_NUMBER).map((g) => ({ year: g.year, goal: g.value }));
  for (const g of goals) {
    if (g.year < r.ctx.years.from || g.year > r.ctx.years.to) r.error(r.cells[`goal:${g.year}`] ? `goal:${g.year}` : 'goal', 'year_outside', { year: g.year, ...r.ctx.years });
  }
  if (!goals.length && !r.errors.some((e) => e.cell?.startsWith('goal'))) r.errors.push({ field: 'value', cell: 'goal', code: 'goal_missing' });
  let direction = r.choice('direction') as Direction;
  const last = goals[goals.length - 1];
  // Offices leave 方向 out when the table's sense is plain from its numbers (能耗下降): read it from them, and say so.
  if (!r.text('direction') && baseline !== null && last && new Decimal(last.goal).lt(baseline)) {
    direction = 'lower';
    r.warnings.push({ field: 'value', cell: 'direction', code: 'direction_inferred' });
  }
  return { measureUnit, baseline, direction, accumulation: r.choice('accumulation') as TargetAccumulation, period: r.choice('period') as TargetPeriod, goals };
}

function projectValues(r: Reader): ProjectValues {
  const totalInvestment = r.number('totalInvestment', MONEY, true);
  const yearPlans = r.yearly('plan', MONEY).map((p) => ({ year: p.year, planned: p.value }));
  const sum = yearPlans.reduce((s, p) => s.plus(p.planned), new Decimal(0));
  if (totalInvestment !== null && sum.gt(totalInvestment)) r.error('totalInvestment', 'plan_over_total', { sum: sum.toFixed(), total: totalInvestment });
  const stageDates: ProjectValues['stageDates'] = {};
  // 起止年限 ("2025—2027", "2025年3月至2026年12月") gives the start and the end where their own columns are empty.
  const span = r.text('span').split(/\s*(?:—+|–|~|～|至|到|－)\s*|(?<=^\d{4}年?)-(?=\d{4})/).filter(Boolean);
  if (span.length > 2) r.error('span', 'date_unknown');
  for (const [stage, key, fromSpan] of [
    ['signed', 'date:signed', undefined],
    ['started', 'date:started', span.length === 2 ? span[0] : undefined],
    ['operating', 'date:operating', span.length === 2 ? span[1] : span.length === 1 ? span[0] : undefined],
  ] as const) {
    const planned = r.text(key) ? r.date(key) : fromSpan ? r.date('span', fromSpan) : null;
    if (planned) stageDates[stage] = { planned };
  }
  return { ownerEnterprise: r.plain('ownerEnterprise'), location: r.plain('location'), totalInvestment, stage: r.choice('stage') as ProjectStage, stageDates, yearPlans };
}

/** A row's values from its cells, and every problem of one cell or between them. */
export function readItemValues(kind: ItemKind, cells: Readonly<Record<string, ItemCell>>, ctx: ValuesContext) {
  const r = new Reader(kind, cells, ctx);
  const values = kind === 'target' ? targetValues(r) : projectValues(r);
  return { values, errors: r.errors, warnings: r.warnings };
}

/**
 * A row's values as the table writes them, by cell key: what the preview shows beside the text read
 * and what the export writes, in words the import reads back (正向, 累计值, 在建, 2026-06-30).
 */
export function valueTexts(kind: ItemKind, values: TargetValues | ProjectValues): Record<string, string> {
  if (kind === 'target') {
    const v = values as TargetValues;
    const out: Record<string, string> = {
      measureUnit: v.measureUnit,
      baseline: v.baseline ?? '',
      direction: CHOICE_WORDS.direction![v.direction]!,
      accumulation: CHOICE_WORDS.accumulation![v.accumulation]!,
      period: CHOICE_WORDS.period![v.period]!,
    };
    for (const g of v.goals) out[`goal:${g.year}`] = g.goal;
    return out;
  }
  const v = values as ProjectValues;
  const out: Record<string, string> = {
    ownerEnterprise: v.ownerEnterprise,
    location: v.location,
    totalInvestment: v.totalInvestment ?? '',
    stage: CHOICE_WORDS.stage![v.stage]!,
  };
  for (const stage of ['signed', 'started', 'operating'] as const) if (v.stageDates[stage]) out[`date:${stage}`] = v.stageDates[stage].planned;
  for (const p of v.yearPlans) out[`plan:${p.year}`] = p.planned;
  return out;
}
