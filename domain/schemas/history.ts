import { z } from 'zod';

const KINDS = [
  'created',
  'updated',
  'trajectory_set',
  'investment_plan_set',
  'claimed',
  'claim_approved',
  'claim_returned',
  'milestone_added',
  'milestone_updated',
  'milestone_removed',
  'actual_recorded',
  'report_accepted',
  'report_returned',
] as const;

/** One line of an item's history, its sentence in the request's language. */
export const HistoryLine = z.object({ at: z.string(), kind: z.enum(KINDS), actorName: z.string().nullable(), text: z.string() });
export const HistoryResponse = z.object({ data: z.array(HistoryLine) });
