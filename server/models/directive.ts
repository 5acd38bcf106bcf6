// Read models of directives: what queries return and presenters take. Types only.
import type { directives } from '../db/schema/index.js';

export interface DirectiveListRow {
  directive: typeof directives.$inferSelect;
  createdByName: string | null;
  pointCount: number;
  answeredPointCount: number;
}
