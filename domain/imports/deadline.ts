import { dayNumber, fromDayNumber, type IsoDate } from '../calendar/days.js';
import type { WorkdayCalendar } from '../calendar/workdays.js';
import type { Recurrence } from '../deadlines.js';
import type { DeadlineKind } from '../work.js';
import type { RowIssue } from './issues.js';

export type ReportPeriod = 'weekly' | 'monthly' | 'quarterly';

/** A deadline as the task schema (`TaskCreate`) takes it. */
export interface DeadlineValue {
  deadlineKind: DeadlineKind;
  deadline: IsoDate | null;
  recurrence: Recurrence | null;
  reportPeriod: ReportPeriod;
}

export interface DeadlineParse {
  value: DeadlineValue | null;
  errors: RowIssue[];
  warnings: RowIssue[];
}

export interface DeadlineEnv {
  today: IsoDate;
  calendar: WorkdayCalendar;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
const monthEnd = (y: number, m: number) => fromDayNumber(dayNumber(m === 12 ? iso(y + 1, 1, 1) : iso(y, m + 1, 1)) - 1);
const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Full-width digits and punctuation as ASCII, spaces gone: offices type both. */
export function normaliseDeadlineText(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[／]/g, '/')
    .replace(/[．]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/[\s\u3000]+/g, '');
}

const ONGOING = /长期坚持|持续推进|长期推进|持续开展|常态化|长期|持续/;
type Found = { end: IsoDate; periodEnd: boolean } | { impossible: string } | { noYear: true; end: IsoDate; periodEnd: boolean };

/**
 * Every dated phrase in the text: 2026年6月底前, 2026年6月30日, 2026-06-30, 2026年第三季度, 2026年上半年,
 * 2026年底, and without a year (6月底前, 年底前: this year, with a warning). A date that does not
 * exist (13月, 2月30日) is reported as impossible rather than skipped.
 */
function datedPhrases(t: string, year: number): Found[] {
  const out: Found[] = [];
  const seen: [number, number][] = [];
  const take = (re: RegExp, f: (m: RegExpExecArray) => Found | undefined) => {
    for (const m of t.matchAll(new RegExp(re.source, 'g'))) {
      const at = m.index;
      if (seen.some(([a, b]) => at < b && at + m[0].length > a)) continue;
      const r = f(m as RegExpExecArray);
      if (!r) continue;
      seen.push([at, at + m[0].length]);
      out.push(r);
    }
  };
  const day = (y: number, mo: number, d: number, text: string): Found => {
    const s = iso(y, mo, d);
    return y < 2000 || y > 2099 || Number.isNaN(dayNumber(s)) ? { impossible: text } : { end: s, periodEnd: false };
  };
  const month = (y: number, mo: number, text: string): Found => (y < 2000 || y > 2099 || mo < 1 || mo > 12 ? { impossible: text } : { end: monthEnd(y, mo), periodEnd: true });
  take(/(\d{4})年(\d{1,2})月(\d{1,2})[日号]/, (m) => day(+m[1]!, +m[2]!, +m[3]!, m[0]));
  take(/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/, (m) => day(+m[1]!, +m[2]!, +m[3]!, m[0]));
  take(/(\d{4})年(\d{1,2})月(?:份)?(?:底|末|中旬|下旬)?/, (m) => month(+m[1]!, +m[2]!, m[0]));
  take(/(\d{4})[-/.](\d{1,2})(?![\d])/, (m) => month(+m[1]!, +m[2]!, m[0]));
  take(/(\d{4})年(?:第)?([一二三四1-4])季度/, (m) => month(+m[1]!, QUARTER[m[2]!]! * 3, m[0]));
  take(/(\d{4})年(?:第)?(\d)季度/, (m) => ({ impossible: m[0] }));
  take(/(\d{4})年(上半年|年中)/, (m) => month(+m[1]!, 6, m[0]));
  take(/(\d{4})年(下半年|底|末|年底|年末|内|全年)?/, (m) => month(+m[1]!, 12, m[0]));
  take(/(\d{1,2})月(\d{1,2})[日号]/, (m) => {
    const f = day(year, +m[1]!, +m[2]!, m[0]);
    return 'impossible' in f ? f : { ...f, noYear: true };
  });
  take(/(\d{1,2})月(?:份)?(?:底|末)/, (m) => (+m[1]! < 1 || +m[1]! > 12 ? { impossible: m[0] } : { end: monthEnd(year, +m[1]!), periodEnd: true, noYear: true }));
  take(/第?([一二三四])季度/, (m) => ({ end: monthEnd(year, QUARTER[m[1]!]! * 3), periodEnd: true, noYear: true }));
  take(/(年底|年末|年内|今年)/, () => ({ end: iso(year, 12, 31), periodEnd: true, noYear: true }));
  take(/(上半年)/, () => ({ end: iso(year, 6, 30), periodEnd: true, noYear: true }));
  take(/(下半年)/, () => ({ end: iso(year, 12, 31), periodEnd: true, noYear: true }));
  return out;
}

/** The last workday on or before `d`: "6月底前" ends on the month's last working day. */
export function lastWorkdayBy(d: IsoDate, cal: WorkdayCalendar): IsoDate {
  return cal.isWorkday(d) ? d : cal.addWorkdays(d, -1);
}

/**
 * The deadline an office wrote, as the task schema takes it: a date (a period's end on its last
 * workday), a monthly or quarterly recurrence (每月10日前, 季后15日前), or ongoing (长期坚持, 持续推进).
 * Empty text is ongoing with a warning; text with no date in it, or a date that does not exist, is
 * an error on the row. Several dates in one cell: the latest is the deadline (the last step's).
 */
export function parseDeadline(text: string, env: DeadlineEnv): DeadlineParse {
  const t = normaliseDeadlineText(text);
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const ok = (value: DeadlineValue): DeadlineParse => ({ value, errors, warnings });
  if (t === '') {
    warnings.push({ field: 'deadline', code: 'deadline_missing' });
    return ok({ deadlineKind: 'ongoing', deadline: null, recurrence: null, reportPeriod: 'monthly' });
  }
  const year = Number(env.today.slice(0, 4));
  // A recurrence may say when it ends (每月10日前，至2027年12月31日): that day is the task's deadline.
  const recurring = (recurrence: Recurrence, natural: ReportPeriod): DeadlineParse => {
    const found = datedPhrases(t, year);
    const impossible = found.find((f): f is { impossible: string } => 'impossible' in f);
    if (impossible) return { value: null, errors: [{ field: 'deadline', code: 'deadline_impossible', params: { text: impossible.impossible } }], warnings };
    const dated = found as Exclude<Found, { impossible: string }>[];
    const last = dated.length ? dated.reduce((a, b) => (b.end > a.end ? b : a)) : undefined;
    const until = last ? (last.periodEnd ? lastWorkdayBy(last.end, env.calendar) : last.end) : null;
    return ok({ deadlineKind: 'recurring', deadline: until, recurrence, reportPeriod: statedPeriod(t) ?? natural });
  };
  const monthly = /每月(?:的)?(\d{1,2})[日号]/.exec(t);
  if (monthly || /每月(?:底|末)/.test(t)) {
    const d = monthly ? +monthly[1]! : 31;
    if (d < 1 || d > 31) return { value: null, errors: [{ field: 'deadline', code: 'deadline_impossible', params: { text } }], warnings };
    return recurring({ every: 'month', day: d }, 'monthly');
  }
  const quarterly = /(?:每季度?(?:首月|后)?|季后)(?:的)?(\d{1,2})[日号]/.exec(t);
  if (quarterly) {
    const d = +quarterly[1]!;
    if (d < 1 || d > 31) return { value: null, errors: [{ field: 'deadline', code: 'deadline_impossible', params: { text } }], warnings };
    return recurring({ every: 'quarter', day: d }, 'quarterly');
  }
  if (/每季度?(?:末|底)/.test(t)) {
    // The schema's quarterly recurrence falls in a quarter's first month (季后N日前), not on its last day.
    warnings.push({ field: 'deadline', code: 'deadline_quarter_end' });
    return ok({ deadlineKind: 'ongoing', deadline: null, recurrence: null, reportPeriod: 'quarterly' });
  }
  const found = datedPhrases(t, year);
  const impossible = found.find((f): f is { impossible: string } => 'impossible' in f);
  if (impossible) return { value: null, errors: [{ field: 'deadline', code: 'deadline_impossible', params: { text: impossible.impossible } }], warnings };
  const dated = found as Exclude<Found, { impossible: string }>[];
  if (dated.length === 0) {
    if (ONGOING.test(t)) return ok({ deadlineKind: 'ongoing', deadline: null, recurrence: null, reportPeriod: reportPeriodOf(t) });
    return { value: null, errors: [{ field: 'deadline', code: 'deadline_unknown', params: { text } }], warnings };
  }
  const latest = dated.reduce((a, b) => (b.end > a.end ? b : a));
  if ('noYear' in latest) warnings.push({ field: 'deadline', code: 'deadline_year', params: { year } });
  const date = latest.periodEnd ? lastWorkdayBy(latest.end, env.calendar) : latest.end;
  if (date < env.today) warnings.push({ field: 'deadline', code: 'deadline_past', params: { date } });
  return ok({ deadlineKind: 'date', deadline: date, recurrence: null, reportPeriod: reportPeriodOf(t) });
}

/** How often progress is reported, when the cell says (每周报送, 第三季度): monthly unless it does. */
const reportPeriodOf = (t: string): ReportPeriod => (/每周|周报/.test(t) ? 'weekly' : /季度|每季/.test(t) ? 'quarterly' : 'monthly');

/** A report period stated outright (每周报送, 每季度报送), which a recurrence's own period gives way to. */
const statedPeriod = (t: string): ReportPeriod | undefined => (/每周|周报/.test(t) ? 'weekly' : /每月报送|月报/.test(t) ? 'monthly' : /每季度?报送|季报/.test(t) ? 'quarterly' : undefined);

const chineseDate = (d: IsoDate) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const REPORTED: Record<ReportPeriod, string> = { weekly: '每周报送', monthly: '每月报送', quarterly: '每季度报送' };

/**
 * A deadline as an office writes it, worded so that parseDeadline reads back the same value (an
 * export's 完成时限 column imports as the task it came from): 2026年6月30日前, 每月10日前, 季后15日前,
 * 长期坚持; the report period is added when the wording alone would not give it.
 */
export function deadlineText(v: DeadlineValue): string {
  if (v.deadlineKind === 'recurring' && v.recurrence) {
    const r = v.recurrence;
    const natural: ReportPeriod = r.every === 'month' ? 'monthly' : 'quarterly';
    const text = (r.every === 'month' ? `每月${r.day}日前` : `季后${r.day}日前`) + (v.deadline ? `，至${chineseDate(v.deadline)}` : '');
    return v.reportPeriod === natural ? text : `${text}（${REPORTED[v.reportPeriod]}）`;
  }
  const text = v.deadlineKind === 'date' && v.deadline ? `${chineseDate(v.deadline)}前` : '长期坚持';
  return v.reportPeriod === 'monthly' ? text : `${text}（${REPORTED[v.reportPeriod]}）`;
}
