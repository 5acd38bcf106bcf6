import type { Readable } from 'node:stream';
import Decimal from 'decimal.js';
import { exportHeader, type ItemKind } from '../../domain/imports/itemColumns.js';
import { valueTexts, type ProjectValues, type TargetValues } from '../../domain/imports/itemValues.js';
import type { Light } from '../../domain/lights.js';
import { lightReasonText } from '../../domain/lightText.js';
import type { LightReason } from '../../domain/lights.js';
import { trimDecimal } from '../../domain/text.js';
import type { Direction, ProjectStage, TargetAccumulation, TargetPeriod } from '../../domain/work.js';
import type { ProjectExportRow, TargetExportRow } from '../queries/planning/itemExport.js';
import { chineseDay, filterLineOf, listWorkbookStream, type RowsWritten } from './listWorkbook.js';

/** The light as an office says it. */
export const LIGHT_WORDS: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', done: '已完成', not_started: '未开始' };
const TITLES: Record<ItemKind, string> = { target: '主要指标表', project: '重点项目表' };
const WIDTH: Record<string, number> = { code: 8, name: 36, ownerEnterprise: 24, location: 16, unit: 24, area: 14, lightReasons: 48 };

/** The title block of an export: the district, the export day (Asia/Shanghai) and the filters as words. */
export interface ItemExportMeta {
  district: string | null;
  today: string;
  /** The filters given, as words ("方案：…"): the 筛选条件 line names them. */
  filters: string[];
}

/** One exported row: what the import reads back (code, name, unit, area, values) and the light it ignores. */
export interface ItemExportRow {
  code: string;
  name: string;
  unit: string;
  area: string;
  values: TargetValues | ProjectValues;
  light: string;
  reasons: string[];
}

/** A target as its table row: numbers trimmed of the stored zeros (1200.5000 → 1200.5). */
export function targetExportRow(t: TargetExportRow): ItemExportRow {
  const values: TargetValues = {
    measureUnit: t.measureUnit,
    baseline: trimDecimal(t.baseline),
    direction: t.direction as Direction,
    accumulation: t.accumulation as TargetAccumulation,
    period: t.period as TargetPeriod,
    goals: t.goals.map((g) => ({ year: g.year, goal: trimDecimal(g.goal) })),
  };
  return { code: t.code, name: t.name, unit: t.unitName, area: t.areaName ?? '', values, light: t.light, reasons: reasonsOf(t.lightReasons) };
}

/** A project as its table row: planned dates of the stages the table has a column for. */
export function projectExportRow(p: ProjectExportRow): ItemExportRow {
  const dates = (p.stageDates ?? {}) as Partial<Record<ProjectStage, { planned?: string | null }>>;
  const stageDates: ProjectValues['stageDates'] = {};
  for (const s of ['signed', 'started', 'operating'] as const) if (dates[s]?.planned) stageDates[s] = { planned: dates[s].planned };
  const values: ProjectValues = {
    ownerEnterprise: p.ownerEnterprise,
    location: p.location,
    totalInvestment: trimDecimal(p.totalInvestment),
    stage: p.stage as ProjectStage,
    stageDates,
    yearPlans: p.yearPlans.map((y) => ({ year: y.year, planned: trimDecimal(y.planned) })),
  };
  return { code: p.code, name: p.name, unit: p.unitName, area: p.areaName ?? '', values, light: p.light, reasons: reasonsOf(p.lightReasons) };
}

const reasonsOf = (reasons: unknown) => (Array.isArray(reasons) ? (reasons as LightReason[]) : []).map((r) => lightReasonText({ ...r, params: r.params ?? {} }, 'zh-CN'));

/** A decimal as a number cell when a double holds it exactly (Excel sums it), else as the text itself. */
function cellOf(key: string, text: string | undefined): string | number {
  if (text === undefined || text === '') return '';
  if (!/^(?:baseline|goal|totalInvestment|plan)/.test(key) || !/^-?\d+(\.\d+)?$/.test(text)) return text;
  const n = Number(text);
  return new Decimal(String(n)).eq(text) ? n : text;
}

/**
 * A 主要指标表 or 重点项目表 as offices keep it and as the import reads it (`listWorkbookStream`: the
 * title with the district and export day, the filters under it), under the import's header
 * (`exportHeader`: the years of goals or plans as columns), one row per item as the pages arrive,
 * with the light and its reasons last.
 */
export function itemsXlsx(kind: ItemKind, meta: ItemExportMeta, years: readonly number[], pages: AsyncIterable<ItemExportRow[]>, onRows?: RowsWritten): Readable {
  const { keys, labels } = exportHeader(kind, years);
  const rows = async function* () {
    for await (const page of pages) {
      yield page.map((r) => {
        const texts: Record<string, string> = { code: r.code, name: r.name, unit: r.unit, area: r.area, ...valueTexts(kind, r.values) };
        return [...keys.map((k) => cellOf(k, texts[k])), LIGHT_WORDS[r.light as Light] ?? r.light, r.reasons.join('；')];
      });
    }
  };
  const sheet = {
    name: TITLES[kind],
    title: `${meta.district ?? ''}${TITLES[kind]}（${chineseDay(meta.today)}）`,
    filterLine: filterLineOf(meta.filters),
    header: labels,
    widths: [...keys, 'light', 'lightReasons'].map((k) => WIDTH[k] ?? 12),
  };
  return listWorkbookStream(sheet, rows(), onRows);
}
