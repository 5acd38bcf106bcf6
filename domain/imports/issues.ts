import type { Lang } from '../enums.js';
import { fillTemplate } from '../text.js';

/** The parts of an imported row a problem can be about (the preview marks that cell). */
export const IMPORT_FIELDS = ['row', 'code', 'title', 'leadUnit', 'supportUnits', 'deadline', 'name', 'unit', 'area', 'value'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Every problem the import can find, worded once in both languages (zh-CN first). */
export const ISSUE_WORDS = {
  gap: { 'zh-CN': '编号不连续：应为{expected}，实为{actual}', 'en-US': 'numbering skips: expected {expected}, found {actual}' },
  duplicate: { 'zh-CN': '编号重复或倒序：{actual} 已出现过', 'en-US': 'numbering repeats or goes back: {actual} was already used' },
  level_skip: { 'zh-CN': '层级跳跃：{actual} 缺少上一级编号', 'en-US': 'level skipped: {actual} has no parent number' },
  parent_missing: { 'zh-CN': '找不到上级编号 {parent}', 'en-US': 'parent number {parent} not found' },
  too_deep: { 'zh-CN': '层级超过 {max} 级', 'en-US': 'more than {max} levels' },
  no_number: { 'zh-CN': '本行没有编号，按上一行的同级处理', 'en-US': 'no number: placed beside the row above' },
  title_missing: { 'zh-CN': '任务名称为空', 'en-US': 'the task has no title' },
  title_cut: { 'zh-CN': '任务名称超过 {max} 字，全文放入任务说明', 'en-US': 'title longer than {max} characters: the full text goes to the description' },
  unstorable: { 'zh-CN': '含有控制字符或无效字符', 'en-US': 'contains control or invalid characters' },
  formula: { 'zh-CN': '单元格 {cell} 是公式且没有计算结果，请在 Excel 中另存为数值', 'en-US': 'cell {cell} is a formula without a computed value: save it as values in Excel' },
  unit_unknown: { 'zh-CN': '单位未匹配：{text}', 'en-US': 'unit not matched: {text}' },
  unit_abbreviation: { 'zh-CN': '“{text}”按简称匹配为“{name}”', 'en-US': '"{text}" matched by abbreviation to "{name}"' },
  unit_group: { 'zh-CN': '“{text}”展开为 {count} 个单位', 'en-US': '"{text}" expands to {count} units' },
  unit_vague: { 'zh-CN': '“{text}”未指明具体单位，未导入', 'en-US': '"{text}" names no unit and is not imported' },
  lead_many: { 'zh-CN': '牵头单位有 {count} 个，第一个为牵头，其余作为配合单位', 'en-US': '{count} lead units: the first leads, the others support' },
  lead_missing: { 'zh-CN': '没有牵头单位', 'en-US': 'no lead unit' },
  deadline_missing: { 'zh-CN': '没有完成时限，按“持续推进”处理', 'en-US': 'no deadline: treated as ongoing' },
  deadline_unknown: { 'zh-CN': '无法识别的完成时限：{text}', 'en-US': 'deadline not understood: {text}' },
  deadline_impossible: { 'zh-CN': '日期不存在：{text}', 'en-US': 'no such date: {text}' },
  deadline_past: { 'zh-CN': '完成时限 {date} 已过', 'en-US': 'the deadline {date} has passed' },
  deadline_year: { 'zh-CN': '未写年份，按 {year} 年计', 'en-US': 'no year given: {year} assumed' },
  deadline_quarter_end: { 'zh-CN': '“每季度末”记为持续推进、按季度报送', 'en-US': '"every quarter end" is kept as ongoing, reported quarterly' },
  code_taken: { 'zh-CN': '编号 {code} 已被本方案的任务使用', 'en-US': 'code {code} is already used in this plan' },
  // Targets and key projects (a value's cell is named: the office finds it in its sheet).
  name_missing: { 'zh-CN': '名称为空', 'en-US': 'the name is empty' },
  value_missing: { 'zh-CN': '“{label}”为空', 'en-US': '“{label}” is empty' },
  number_bad: { 'zh-CN': '单元格 {cell} 不是数字：{text}', 'en-US': 'cell {cell} is not a number: {text}' },
  number_negative: { 'zh-CN': '单元格 {cell} 不能为负数：{text}', 'en-US': 'cell {cell} may not be negative: {text}' },
  number_scale: { 'zh-CN': '单元格 {cell} 的小数位超过 {scale} 位：{text}', 'en-US': 'cell {cell} has more than {scale} decimals: {text}' },
  number_too_big: { 'zh-CN': '单元格 {cell} 的数值过大：{text}', 'en-US': 'cell {cell} is too large: {text}' },
  choice_unknown: { 'zh-CN': '单元格 {cell} 无法识别：{text}（可填：{allowed}）', 'en-US': 'cell {cell} not understood: {text} (allowed: {allowed})' },
  date_unknown: { 'zh-CN': '单元格 {cell} 不是具体日期：{text}', 'en-US': 'cell {cell} is not a date: {text}' },
  year_assumed: { 'zh-CN': '“{label}”未写年份，按 {year} 年计', 'en-US': '“{label}” names no year: {year} assumed' },
  year_outside: { 'zh-CN': '{year} 年不在三年行动的年份（{from}—{to}）内', 'en-US': '{year} is outside the program’s years ({from}–{to})' },
  text_too_long: { 'zh-CN': '“{label}”超过 {max} 字', 'en-US': '“{label}” is longer than {max} characters' },
  year_twice: { 'zh-CN': '{year} 年的数值填了两次', 'en-US': 'two values for {year}' },
  goal_missing: { 'zh-CN': '没有年度目标值', 'en-US': 'no yearly goal' },
  direction_inferred: { 'zh-CN': '未写指标方向：目标低于基期值，按“逆向（越小越好）”处理', 'en-US': 'no direction given: the goal is below the baseline, so lower is better' },
  plan_over_total: { 'zh-CN': '各年计划投资合计 {sum} 万元超过总投资 {total} 万元', 'en-US': 'the yearly plans add up to {sum} (10k CNY), more than the total {total}' },
  unit_missing: { 'zh-CN': '没有责任单位', 'en-US': 'no responsible unit' },
  unit_not_one: { 'zh-CN': '“{text}”不是一个具体单位', 'en-US': '“{text}” is not one unit' },
  unit_extra: { 'zh-CN': '只取第一个单位，其余未导入：{text}', 'en-US': 'only the first unit is taken; not imported: {text}' },
  area_unknown: { 'zh-CN': '未找到重点领域“{text}”，导入后不归入领域', 'en-US': 'no area “{text}”: imported without one' },
  code_auto: { 'zh-CN': '序号“{text}”不能作编号，编为 {code}', 'en-US': '“{text}” cannot be a code: numbered {code}' },
  code_repeated: { 'zh-CN': '编号 {code} 在表中重复', 'en-US': 'code {code} appears twice in the sheet' },
  code_used: { 'zh-CN': '编号 {code} 已被使用', 'en-US': 'code {code} is already used' },
} as const;
export type IssueCode = keyof typeof ISSUE_WORDS;

/** One problem with one row: errors block the commit, warnings only inform. */
export interface RowIssue {
  field: ImportField;
  /** The value's column (a target's or project's cell key, "goal:2026"), when the problem is one cell's. */
  cell?: string;
  code: IssueCode;
  params?: Record<string, string | number>;
}

/** The sentence for an issue in the reader's language. */
export function issueText(issue: RowIssue, lang: Lang): string {
  return fillTemplate(ISSUE_WORDS[issue.code][lang], issue.params ?? {});
}
