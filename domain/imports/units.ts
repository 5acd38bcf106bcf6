import type { UnitKind } from '../enums.js';

/** An org unit as the matcher needs it. */
export interface UnitRef {
  id: string;
  name: string;
  code: string;
  kind: UnitKind;
}

export interface UnitSuggestion {
  unitId: string;
  name: string;
}

/** What one name in a cell came to: a unit, several (a group word), or nothing with suggestions. */
export interface UnitMatch {
  text: string;
  how: 'exact' | 'abbreviation' | 'group' | 'vague' | 'none';
  units: UnitSuggestion[];
  suggestions: UnitSuggestion[];
}

/**
 * Short forms offices write for department names (区发改局 = 区发展和改革局). Longest first, so 农业农村
 * is not read as 农业 + 农村. A name matched through these is a match with a warning, never silent.
 */
export const ABBREVIATIONS: readonly [string, string][] = [
  ['发改', '发展和改革'],
  ['住建', '住房和城乡建设'],
  ['工信', '工业和信息化'],
  ['人社', '人力资源和社会保障'],
  ['卫健', '卫生健康'],
  ['农业农村', '农业农村'],
  ['农农', '农业农村'],
  ['自然资源', '自然资源'],
  ['自资', '自然资源'],
  ['生态环境', '生态环境'],
  ['环保', '生态环境'],
  ['市场监管', '市场监督管理'],
  ['文旅', '文化旅游'],
  ['文广旅', '文化旅游广电'],
  ['交通', '交通运输'],
  ['应急', '应急管理'],
  ['城管', '城市管理综合执法'],
  ['营商', '营商环境建设'],
  ['数据', '政务服务和数据管理'],
  ['政数', '政务服务和数据管理'],
  ['退役军人', '退役军人事务'],
  ['医保', '医疗保障'],
  ['科技', '科学技术'],
];

/** Group words and the kinds of unit they stand for ("各街镇" → every subdistrict and town). */
const GROUPS: readonly [RegExp, readonly UnitKind[]][] = [
  [/^(?:各|全区各)(?:街镇|镇街|街道和镇|街道、镇|镇、街道|乡镇街道|街道（镇）|镇（街道）|街道\(镇\))$/, ['subdistrict', 'town']],
  [/^(?:各|全区各)街道$/, ['subdistrict']],
  [/^(?:各|全区各)(?:乡镇|镇)$/, ['town']],
  [/^(?:各|全区各|区直各|区直)(?:部门|委办局|职能部门)$/, ['department']],
  [/^(?:各|全区各)(?:园区|开发区)$/, ['park']],
];
/** Words that name no unit: kept visible, never guessed. */
const VAGUE = /^(?:各)?(?:有关|相关)(?:单位|部门|方面)?$|^各(?:单位|成员单位|有关方面)$|^(?:区直)?(?:有关|相关)部门$/;

/** One cell's names: split on 、，；/ and line breaks, labels and markers like （牵头） dropped. */
export function splitUnitList(cell: string): string[] {
  return cell
    .split(/[、，,；;\n\r/／|]+|(?<=[局委办部室院馆站所队心区府会])及/)
    .map((s) => s.replace(/[（(](?:牵头|配合|主责|负责)[）)]|等$|[。.]$/g, '').replace(/[\s\u3000]+/g, ''))
    .filter((s) => s !== '');
}

const LABELS = /(牵头单位|牵头部门|主责单位|责任单位|牵头|配合单位|配合部门|协办单位|协同单位|参与单位|配合)[：:]/g;

/**
 * Lead and supporting units of one cell: "牵头单位：区发改局；配合单位：各街镇", "区发改局（牵头）、各街镇",
 * "由区发改局牵头，各街镇配合", or a plain list (`plain`: the caller decides, a 牵头 column leads).
 */
export function splitUnitCell(cell: string): { lead: string[]; support: string[]; plain: string[] } {
  const lead: string[] = [];
  const support: string[] = [];
  const labelled = [...cell.matchAll(LABELS)];
  if (labelled.length) {
    labelled.forEach((m, i) => {
      const end = labelled[i + 1]?.index ?? cell.length;
      const names = splitUnitList(cell.slice(m.index + m[0].length, end));
      (/牵头|主责|责任/.test(m[1]!) ? lead : support).push(...names);
    });
    return { lead, support, plain: [] };
  }
  const marked = cell.split(/[、，,；;\n]+/).filter((s) => /[（(]牵头[）)]/.test(s));
  if (marked.length) {
    for (const name of splitUnitList(cell)) (marked.some((m) => m.includes(name)) ? lead : support).push(name);
    return { lead, support, plain: [] };
  }
  const verb = /(?:由)?([^，,；;。]+?)牵头(?:负责)?[，,；;]?(?:([^，,；;。]+?)(?:配合|协同|参与|协助)(?:落实)?)?/.exec(cell);
  if (verb) {
    lead.push(...splitUnitList(verb[1]!));
    if (verb[2]) support.push(...splitUnitList(verb[2]));
    return { lead, support, plain: [] };
  }
  return { lead, support, plain: splitUnitList(cell) };
}

const expand = (text: string) => ABBREVIATIONS.reduce((t, [short, long]) => (short === long ? t : t.replace(short, long)), text);

/** Whether every character of `a` appears in `b` in order (区发改局 in 区发展和改革局). */
export function isSubsequence(a: string, b: string): boolean {
  let i = 0;
  for (const c of b) if (c === a[i]) i++;
  return i === a.length;
}

/** Dice coefficient of the two names' character pairs: how much of a typo'd name is still there. */
function similarity(a: string, b: string): number {
  const pairs = (s: string) => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const pa = pairs(a);
  const pb = pairs(b);
  if (!pa.length || !pb.length) return 0;
  const rest = [...pb];
  let common = 0;
  for (const p of pa) {
    const k = rest.indexOf(p);
    if (k >= 0) {
      common++;
      rest.splice(k, 1);
    }
  }
  return (2 * common) / (pa.length + pb.length);
}

/**
 * Matches names to units: exactly (name or code, with or without the leading 区), through the
 * abbreviations, or as a group word; anything else is unmatched with up to three suggestions
 * (names containing it in order, then the most alike). Answers are kept per name: a sheet names
 * the same units on thousands of rows.
 */
export function unitMatcher(units: readonly UnitRef[]): (text: string) => UnitMatch {
  const byName = new Map<string, UnitRef>();
  for (const u of units) {
    byName.set(u.code.toLowerCase(), u);
    byName.set(u.name, u);
  }
  const find = (t: string) => byName.get(t) ?? byName.get(`区${t}`) ?? byName.get(t.toLowerCase());
  const ref = (u: UnitRef): UnitSuggestion => ({ unitId: u.id, name: u.name });
  const cache = new Map<string, UnitMatch>();
  return (raw) => {
    const text = raw.replace(/[\s\u3000]+/g, '');
    const hit = cache.get(text);
    if (hit) return hit;
    let m: UnitMatch;
    const exact = find(text);
    const abbreviated = exact ? undefined : find(expand(text));
    const group = GROUPS.find(([re]) => re.test(text));
    if (exact) m = { text, how: 'exact', units: [ref(exact)], suggestions: [] };
    else if (abbreviated) m = { text, how: 'abbreviation', units: [ref(abbreviated)], suggestions: [] };
    else if (group) m = { text, how: 'group', units: units.filter((u) => group[1].includes(u.kind)).map(ref), suggestions: [] };
    else if (VAGUE.test(text)) m = { text, how: 'vague', units: [], suggestions: [] };
    else m = { text, how: 'none', units: [], suggestions: suggest(text, units).map(ref) };
    cache.set(text, m);
    return m;
  };
}

function suggest(text: string, units: readonly UnitRef[]): UnitRef[] {
  const long = expand(text);
  const scored = units
    .map((u) => {
      const inOrder = isSubsequence(text, u.name) || isSubsequence(long, u.name) || isSubsequence(text.replace(/^区/, ''), u.name);
      const s = Math.max(similarity(text, u.name), similarity(long, u.name));
      return { u, score: (inOrder && text.length >= 2 ? 1 : 0) + s };
    })
    .filter((x) => x.score >= 0.4)
    .sort((a, b) => b.score - a.score || a.u.name.localeCompare(b.u.name));
  return scored.slice(0, 3).map((x) => x.u);
}
