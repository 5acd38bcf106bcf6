import { chineseNumeral } from './text.js';

/**
 * 宣传 articles: 工作动态 (news), 简报 (briefing, also generated from a period's facts), 典型经验
 * (experience) and 政策解读 (policy). Their body is HTML, sanitised on the server on save and on render
 * (server/publicity/sanitizeHtml.ts); this file holds the pure rules and the briefing's words.
 */
export const ARTICLE_KINDS = ['news', 'briefing', 'experience', 'policy'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const ARTICLE_KIND_LABELS: Record<ArticleKind, string> = { news: '工作动态', briefing: '简报', experience: '典型经验', policy: '政策解读' };

/** draft → review → published, returned to draft with a reason, withdrawn from the portal and revised. */
export const ARTICLE_STATUSES = ['draft', 'review', 'published', 'withdrawn'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** The longest body kept, in characters of HTML (a long 简报 with its lists is some 20,000). */
export const ARTICLE_HTML_MAX = 100_000;

/** An image in an article is one of ours, named by its SHA-256: the only `src` the sanitiser keeps. */
export const ARTICLE_IMAGE_PATH = '/api/articles/images/';
/** The same image as the public portal serves it (only while an article showing it is published). */
export const PUBLIC_IMAGE_PATH = '/api/public/images/';
export const IMAGE_SRC = /^\/api\/(?:articles|public)\/images\/([0-9a-f]{64})$/;

/** One published ranking as the portal shows it (fed by the assessment's published results). */
export interface PublishedRanking {
  scheme: string;
  category: string;
  period: string;
  rows: { rank: number; unit: string; score: string; grade: string; mark: 'red' | 'black' | null }[];
}

/** What a period's facts say, gathered by the server for the 简报 draft. */
export interface BriefingFacts {
  district: string;
  periodStart: string;
  periodEnd: string;
  reportsAccepted: { unit: string; item: string; percent: string | null }[];
  reportsAcceptedCount: number;
  milestones: { task: string; name: string; doneOn: string }[];
  projectsStarted: { name: string; unit: string; investment: string }[];
  blockersSolved: { title: string; unit: string }[];
  rankings: PublishedRanking[];
}

/** How many lines each list of the 简报 names before it says "等N项". */
export const BRIEFING_LIST_MAX = 20;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe to put between tags or in a quoted attribute. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const cnDay = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** 2026年11月 when the period is one calendar month, else 2026年11月1日至2026年11月15日. */
export function periodWords(start: string, end: string): string {
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthEnd = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  if (start.slice(8) === '01' && end.slice(0, 7) === start.slice(0, 7) && Number(end.slice(8)) === monthEnd) return `${Number(start.slice(0, 4))}年${Number(start.slice(5, 7))}月`;
  return `${cnDay(start)}至${cnDay(end)}`;
}

/** The default title of a generated 简报. */
export const briefingTitle = (f: Pick<BriefingFacts, 'district' | 'periodStart' | 'periodEnd'>) => `${f.district}推进工作简报（${periodWords(f.periodStart, f.periodEnd)}）`;

function list<T>(rows: readonly T[], total: number, line: (r: T) => string, none: string): string {
  if (!rows.length) return `<p>${escapeHtml(none)}</p>`;
  const shown = rows.slice(0, BRIEFING_LIST_MAX);
  const more = total > shown.length ? `<p>${escapeHtml(`等${total}项。`)}</p>` : '';
  return `<ul>${shown.map((r) => `<li>${escapeHtml(line(r))}</li>`).join('')}</ul>${more}`;
}

/** The ranking section: each published ranking's first ten, or 暂无已发布的考核排名. */
function rankingsHtml(rankings: readonly PublishedRanking[]): string {
  if (!rankings.length) return `<p>${escapeHtml('暂无已发布的考核排名。')}</p>`;
  return rankings
    .map((r) => {
      const rows = r.rows.slice(0, 10).map((x) => `<li>${escapeHtml(`第${x.rank}名 ${x.unit}，${x.score}分，${x.grade}${x.mark === 'red' ? '（红榜）' : x.mark === 'black' ? '（黑榜）' : ''}`)}</li>`);
      return `<h3>${escapeHtml(`${r.scheme}（${r.category}，${r.period}）`)}</h3><ol>${rows.join('')}</ol>`;
    })
    .join('');
}

/**
 * The 简报 draft's HTML from a period's facts: a lead paragraph with the counts, then one section per
 * kind of fact (the document numbers them 一、二、…; the headings carry no numeral). Every fact is
 * escaped: a unit or item name is text, never markup.
 */
export function briefingHtml(f: BriefingFacts): string {
  const period = periodWords(f.periodStart, f.periodEnd);
  const lead =
    `${period}，全区审核通过工作进展报送${f.reportsAcceptedCount}份，完成任务节点${f.milestones.length}个，` +
    `新开工重点项目${f.projectsStarted.length}个，解决堵点难点问题${f.blockersSolved.length}个。现将有关情况通报如下。`;
  const sections: [string, string][] = [
    ['工作进展', list(f.reportsAccepted, f.reportsAcceptedCount, (r) => `${r.unit}：${r.item}${r.percent !== null ? `，进度${r.percent}%` : ''}。`, '本期无审核通过的报送。')],
    ['节点完成情况', list(f.milestones, f.milestones.length, (m) => `${m.task}：${m.name}（${cnDay(m.doneOn)}完成）。`, '本期无完成的任务节点。')],
    ['重点项目开工', list(f.projectsStarted, f.projectsStarted.length, (p) => `${p.name}（${p.unit}），总投资${p.investment}万元。`, '本期无新开工项目。')],
    ['堵点难点解决', list(f.blockersSolved, f.blockersSolved.length, (b) => `${b.unit}：${b.title}。`, '本期无解决的堵点难点问题。')],
    ['考核排名', rankingsHtml(f.rankings)],
  ];
  return `<p>${escapeHtml(lead)}</p>${sections.map(([h, body]) => `<h2>${escapeHtml(h)}</h2>${body}`).join('')}`;
}

/** 2026年第3期: a briefing's issue number in its year. */
export const briefingIssue = (year: number, n: number) => `${year}年第${n}期`;

/** 一、 for the n-th (1-based) section, as the web shows a 简报's headings. */
export const sectionNumeral = (n: number) => `${chineseNumeral(n)}、`;
