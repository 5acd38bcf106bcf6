import { z } from 'zod';
import { ITEM_TYPES } from '../work.js';
import { Id } from './common.js';
import { Light, LightCounts, Policies } from './work.js';

/** What lights roll up to: plans, areas (重点领域), task forces (专项推进组) and units. */
export const ROLLUP_BY = ['plan', 'area', 'taskForce', 'unit'] as const;
export type RollupBy = (typeof ROLLUP_BY)[number];

/** `item` narrows the roll-up to tasks, targets or projects; without it all three count. */
export const RollupQuery = z.strictObject({
  by: z.enum(ROLLUP_BY),
  item: z.enum(ITEM_TYPES).optional(),
  /** Only this region of the reader's and the regions under it (a drill-down from the dashboard). */
  region: Id.optional(),
});

export const RollupRow = z.object({ id: Id, code: z.string(), name: z.string(), light: Light, counts: LightCounts });
export const RollupResponse = z.object({ data: z.array(RollupRow), policies: Policies });
