import type { IsoDate } from './calendar/days.js';
import { KEY_LINKS, type InspectionKind, type KeyLink } from './ledger.js';
import { chineseDate, chineseNumeral } from './text.js';

/**
 * 督查通报: a bulletin's body is sections (一、…) with paragraphs and subsections (（一）…). The
 * numbering is the layout's, not the text's: the inspector edits headings and paragraphs only.
 */
export interface BulletinSubsection {
  heading: string;
  paragraphs: string[];
}
export interface BulletinSection extends BulletinSubsection {
  subsections: BulletinSubsection[];
}

export const BULLETIN_STATUSES = ['draft', 'issued'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

/** What the ledger and the lights say about a period, gathered by the server for the builder. */
export interface BulletinFacts {
  periodFrom: IsoDate;
  periodTo: IsoDate;
  /** The day the facts were read: lateness is as of it. */
  today: IsoDate;
  /** The issuing body, named in the opening sentence. */
  issuer: string;
  /** Campaigns active in the period (or the one asked for). */
  campaigns: { title: string; kind: InspectionKind; units: number }[];
  /** Findings recorded in the period: how many, at how many units, by key link. */
  found: { entries: number; units: number; byLink: Record<KeyLink, number> };
  /** Units whose findings were closed as effective in the period, and rectified before their deadline. */
  didWell: { unit: string; closed: number; onTime: number }[];
  /** Units with rectifications still owed past their deadline: how many, and the worst lateness in workdays. */
  lateEntries: { unit: string; count: number; worstWorkdays: number }[];
  /** Units answerable for red or overdue items now. */
  lateItems: { unit: string; red: number; overdue: number }[];
  /** Findings still to be rectified (owed, or reopened), in deadline order. */
  toRectify: { unit: string; finding: string; requirement: string; deadline: IsoDate; overdue: boolean }[];
  /** How many findings are still to be rectified in all, when `toRectify` holds only the first of them. */
  toRectifyTotal?: number;
}

const LINK_WORDS: Record<KeyLink, string> = { planning: '谋划部署', implementation: '组织实施', delivery: '推进落实' };
const KIND_WORDS: Record<InspectionKind, string> = { routine: '常态化督导检查', special: '专项督查' };

/** 2026-10-01..2026-12-31 → 2026年第四季度; a month → 2026年11月; any other span → 2026年10月1日至2026年11月15日. */
export function periodLabel(from: IsoDate, to: IsoDate): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (fy === ty && fd === 1 && td === lastDay(ty, tm)) {
    if (fm === tm) return `${fy}年${fm}月`;
    if (fm % 3 === 1 && tm === fm + 2) return `${fy}年第${chineseNumeral((fm + 2) / 3)}季度`;
    if (fm === 1 && tm === 12) return `${fy}年`;
  }
  return `${chineseDate(from)}至${chineseDate(to)}`;
}

/** The title a new bulletin is given: 关于2026年第四季度督查情况的通报. */
export const defaultBulletinTitle = (from: IsoDate, to: IsoDate) => `关于${periodLabel(from, to)}督查情况的通报`;

/** 督通〔2026〕3号: the issuer's prefix, the year in 〔〕 and the running number. */
export const docNumber = (prefix: string, year: number, n: number) => `${prefix}〔${year}〕${n}号`;

/**
 * The next sequence number of a year's documents with this prefix: one more than the highest
 * already given (not their count, which a number typed into a draft by hand, or a gap, would
 * make collide with an existing one).
 */
export function nextDocSequence(numbers: readonly string[], prefix: string, year: number): number {
  const head = `${prefix}〔${year}〕`;
  let max = 0;
  for (const n of numbers) {
    if (!n.startsWith(head) || !n.endsWith('号')) continue;
    const seq = n.slice(head.length, -1);
    if (/^\d{1,6}$/.test(seq)) max = Math.max(max, Number(seq));
  }
  return max + 1;
}

/** A text without its closing punctuation, so that the bulletin's own 。 is not doubled. */
const sentence = (text: string) => text.trim().replace(/[。；;.，,\s]+$/u, '');

/** Most findings listed one by one under 四、; the rest are counted. */
export const TO_RECTIFY_LISTED = 30;

/**
 * The bulletin's text from the facts: 一、what was inspected; 二、who did well; 三、who is late
 * (late rectifications, red and overdue items); 四、what must be rectified, with requirements and
 * deadlines. Pure: the same facts give the same sections.
 */
export function bulletinSections(f: BulletinFacts): BulletinSection[] {
  return [inspected(f), didWell(f), late(f), toRectify(f)];
}

function inspected(f: BulletinFacts): BulletinSection {
  const span = `${chineseDate(f.periodFrom)}至${chineseDate(f.periodTo)}`;
  const campaigns = f.campaigns.map((c) => `“${c.title}”（${KIND_WORDS[c.kind]}，${c.units}个单位）`).join('、');
  const opening = campaigns ? `${span}，${f.issuer}组织开展了${campaigns}。` : `${span}，${f.issuer}围绕三年行动重点任务开展了日常督查。`;
  const links = KEY_LINKS.filter((k) => f.found.byLink[k] > 0).map((k) => `${LINK_WORDS[k]}方面${f.found.byLink[k]}个`);
  const found = f.found.entries
    ? `共发现问题${f.found.entries}个，涉及${f.found.units}个单位${links.length ? `，其中${links.join('、')}` : ''}，均已建立督查工作台账，逐项跟踪问效。`
    : '本期未发现需登记台账的问题。';
  return { heading: '督查基本情况', paragraphs: [opening + found], subsections: [] };
}

function didWell(f: BulletinFacts): BulletinSection {
  if (!f.didWell.length) return { heading: '整改落实较好的单位', paragraphs: ['本期暂无整改销号的问题。'], subsections: [] };
  const lines = f.didWell.map((u) => `${u.unit}：整改到位并销号问题${u.closed}个${u.onTime ? `，其中按期完成整改${u.onTime}个` : ''}。`);
  return { heading: '整改落实较好的单位', paragraphs: ['以下单位高度重视督查反馈问题，整改措施有力、成效明显，予以通报表扬：', ...lines], subsections: [] };
}

function late(f: BulletinFacts): BulletinSection {
  const entries = f.lateEntries.length
    ? f.lateEntries.map((u) => `${u.unit}：${u.count}个问题超过整改期限仍未完成整改，最长逾期${u.worstWorkdays}个工作日。`)
    : ['本期无整改逾期的问题。'];
  const items = f.lateItems.length
    ? f.lateItems.map((u) => `${u.unit}：${[u.red ? `红灯事项${u.red}项` : '', u.overdue ? `逾期事项${u.overdue}项` : ''].filter(Boolean).join('，')}。`)
    : ['截至通报时，无红灯或逾期事项。'];
  return {
    heading: '存在的问题',
    paragraphs: [],
    subsections: [
      { heading: '整改逾期的单位', paragraphs: entries },
      { heading: '红灯、逾期事项较多的单位', paragraphs: items },
    ],
  };
}

function toRectify(f: BulletinFacts): BulletinSection {
  const listed = f.toRectify.slice(0, TO_RECTIFY_LISTED).map(
    (e, i) => `${i + 1}. ${e.unit}：${sentence(e.finding)}。整改要求：${sentence(e.requirement)}。整改期限：${chineseDate(e.deadline)}${e.overdue ? '（已逾期）' : ''}。`,
  );
  const rest = Math.max(f.toRectifyTotal ?? f.toRectify.length, f.toRectify.length) - listed.length;
  const paragraphs = listed.length
    ? [
        '请以下单位对照问题清单，逐项抓好整改落实，按期将整改情况报送督查室：',
        ...listed,
        ...(rest > 0 ? [`另有${rest}个问题详见督查工作台账。`] : []),
        '对整改不力、逾期未完成的，将按程序发出督办单，并在下期通报中予以点名。',
      ]
    : ['本期督查发现的问题均已整改到位。请各单位举一反三，巩固整改成效。'];
  return { heading: '整改要求', paragraphs, subsections: [] };
}

/** Whether a bulletin says nothing: no sections, or no words in any heading's paragraphs. Such a bulletin is not issued. */
export function bulletinIsEmpty(sections: readonly BulletinSection[]): boolean {
  const said = (ps: readonly string[]) => ps.some((p) => p.trim() !== '');
  return !sections.some((s) => said(s.paragraphs) || s.subsections.some((x) => said(x.paragraphs)));
}
