import type { assessmentAdjustments, assessmentAppeals, assessmentResults, assessmentSchemes } from '../db/schema/index.js';

export type SchemeRow = typeof assessmentSchemes.$inferSelect;
export type ResultRow = typeof assessmentResults.$inferSelect;
/** A result's row without its units (the list of revisions). */
export type ResultSummaryRow = Omit<ResultRow, 'units' | 'indicators' | 'rules'>;
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
