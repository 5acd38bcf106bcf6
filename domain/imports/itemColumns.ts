import { findHeaderBy, squash, type GridRow } from './sheet.js';

/** What a target or key-project table imports: targets (指标) or key projects (重点项目). */
export type ItemKind = 'target' | 'project';

/**
 * One column of a 指标表 or 重点项目表: its key in a preview row, the header the export writes, and the
 * header words the import recognises (the export's own among them, so a round trip reads back).
 * A year's column ("2026年目标值") has `year` and takes its key from it.
 */
export interface ItemColumn {
  key: string;
  label: string;
  match: RegExp;
}

const SEQ: ItemColumn = { key: 'code', label: '序号', match: /^(?:序号|编号|序|No\.?)$/i };
const AREA: ItemColumn = { key: 'area', label: '重点领域', match: /重点领域|所属领域|^领域$/ };
const UNIT = /责任单位|牵头单位|责任部门|牵头部门|主责单位/;

/** A 指标表 as offices keep it, in the export's order (the goals' year columns go where `goal` stands). */
export const TARGET_COLUMNS: readonly ItemColumn[] = [
  SEQ,
  { key: 'name', label: '指标名称', match: /指标名称|^指标$|指标内容|主要指标|目标名称/ },
  { key: 'measureUnit', label: '计量单位', match: /计量单位|^单位$|指标单位/ },
  AREA,
  { key: 'direction', label: '指标方向', match: /指标方向|^方向$|指标属性/ },
  { key: 'accumulation', label: '统计口径', match: /统计口径|数据口径|数值类型/ },
  { key: 'period', label: '报送周期', match: /报送周期|统计周期|报送频次/ },
  { key: 'baseline', label: '基期值', match: /基期值|^基期|基数|上年实际|基准值|现状值|上年完成/ },
  { key: 'goal', label: '年度目标值', match: /^(?:年度)?目标值?$|^年度目标/ },
  { key: 'unit', label: '责任单位', match: new RegExp(`${UNIT.source}|数据提供单位|数据来源单位`) },
];

/** A 重点项目表, in the export's order (the yearly plans' columns go where `plan` stands). */
export const PROJECT_COLUMNS: readonly ItemColumn[] = [
  SEQ,
  { key: 'name', label: '项目名称', match: /项目名称|^项目$/ },
  { key: 'ownerEnterprise', label: '项目单位', match: /项目单位|建设单位|业主单位|项目业主|实施主体|建设主体|投资主体/ },
  { key: 'location', label: '建设地点', match: /建设地点|项目地点|建设地址|所在地|^地点$/ },
  AREA,
  { key: 'totalInvestment', label: '总投资（万元）', match: /总投资/ },
  { key: 'plan', label: '年度计划投资（万元）', match: /^(?:年度|本年|当年)?计划投资|投资计划/ },
  { key: 'stage', label: '项目阶段', match: /项目阶段|建设阶段|项目状态|建设状态|所处阶段/ },
  { key: 'date:signed', label: '计划签约时间', match: /签约时间|签约日期/ },
  { key: 'date:started', label: '计划开工时间', match: /开工时间|开工日期/ },
  { key: 'date:operating', label: '计划投产时间', match: /投产时间|竣工时间|建成时间|投产日期|竣工日期/ },
  { key: 'span', label: '起止年限', match: /起止年限|建设年限|建设期限|起止时间|建设周期/ },
  { key: 'unit', label: '责任单位', match: UNIT },
];

/** The export's columns after the imported ones: the light and its reasons, which the import reads past. */
export const LIGHT_COLUMNS = ['灯色', '灯色原因'] as const;

const YEAR_COLUMN: Record<ItemKind, { re: RegExp; key: string; label: (y: number) => string }> = {
  target: { re: /^(\d{4})年?(?:度)?(?:目标值?|预期目标)?$/, key: 'goal', label: (y) => `${y}年目标值` },
  project: { re: /^(\d{4})年?(?:度)?(?:计划)?投资(?:计划)?/, key: 'plan', label: (y) => `${y}年计划投资（万元）` },
};

export const columnsOf = (kind: ItemKind): readonly ItemColumn[] => (kind === 'target' ? TARGET_COLUMNS : PROJECT_COLUMNS);

/** A header cell's key in this kind's table ("2026年目标值" → goal:2026), or undefined. */
export function itemHeaderOf(kind: ItemKind, cell: string): string | undefined {
  const t = squash(cell);
  if (!t) return undefined;
  const y = YEAR_COLUMN[kind];
  const year = y.re.exec(t);
  if (year) return `${y.key}:${year[1]}`;
  return columnsOf(kind).find((c) => c.match.test(t))?.key;
}

/**
 * The export's header row for these years (a target's goals, a project's yearly plans): the kind's
 * columns with the years' columns in place of the undated one, then the light's.
 */
export function exportHeader(kind: ItemKind, years: readonly number[]): { keys: string[]; labels: string[] } {
  const y = YEAR_COLUMN[kind];
  const keys: string[] = [];
  const labels: string[] = [];
  for (const c of columnsOf(kind)) {
    if (c.key !== y.key) {
      keys.push(c.key);
      labels.push(c.label);
    } else if (years.length) {
      for (const year of years) {
        keys.push(`${y.key}:${year}`);
        labels.push(y.label(year));
      }
    } else {
      keys.push(c.key);
      labels.push(c.label);
    }
  }
  return { keys, labels: [...labels, ...LIGHT_COLUMNS] };
}

/**
 * The header of a 指标表 or 重点项目表: a row naming the item (指标名称, 项目名称) and two other known
 * columns. Distinct ones: a title merged across the table (双台子区主要指标表) is spread into every cell.
 */
export function findItemHeader(kind: ItemKind, rows: readonly GridRow[]) {
  return findHeaderBy(rows, (c) => itemHeaderOf(kind, c), (kinds) => kinds.includes('name') && new Set(kinds.filter(Boolean)).size >= 3);
}
