import type { RankedUnit } from '../../domain/scoring/rank.js';
import type { assessmentAdjustments, assessmentResultUnits, assessmentAppeals, assessmentResults, assessmentSchemes } from '../db/schema/index.js';

export type SchemeRow = typeof assessmentSchemes.$inferSelect;
export type ResultRow = typeof assessmentResults.$inferSelect;
/** A result's row without its indicators and rules (the list of revisions). */
export type ResultSummaryRow = Omit<ResultRow, 'indicators' | 'rules'>;
type ResultUnitRow = typeof assessmentResultUnits.$inferSelect;
/** A unit's line of a ranking: what the ranking, the portal and 考核结果 show, no facts. */
export type RankLineRow = Pick<ResultUnitRow, 'unitId' | 'unitName' | 'rank' | 'total' | 'grade' | 'honour' | 'line'>;
export type AdjustmentRow = typeof assessmentAdjustments.$inferSelect;
export type AppealRow = typeof assessmentAppeals.$inferSelect;

export interface SchemeView {
  scheme: SchemeRow;
  results: ResultSummaryRow[];
}
export interface ResultView {
  result: ResultRow;
  scheme: SchemeRow;
}
export interface AdjustmentView {
  adjustment: AdjustmentRow;
  unitName: string;
}
export interface AppealView {
  appeal: AppealRow;
  unitName: string;
  schemeName: string;
  period: string;
}
export interface UnitBreakdownView {
  unit: RankedUnit;
  ranked: number;
}
export interface MyResultView {
  result: ResultSummaryRow;
  scheme: SchemeRow;
  unit: RankLineRow;
  ranked: number;
}
