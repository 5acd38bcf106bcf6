import { z } from 'zod';
import { JOB_PHASES } from '../progress.js';
import { Id } from './common.js';

export const JobParams = z.strictObject({ id: Id });

/** A job's progress as GET /api/jobs/:id/progress answers it; `label` is the phase in the reader's language. */
export const JobProgressView = z.object({
  phase: z.enum(JOB_PHASES),
  label: z.string(),
  done: z.number().int(),
  /** Null while the number of rows is not known: an indeterminate bar. */
  total: z.number().int().nullable(),
  /** Whole percent, never 100 before `finished`; null when `total` is. */
  percent: z.number().int().nullable(),
  finished: z.boolean(),
  /** The failure's message in the reader's language. */
  error: z.string().nullable(),
});
export type JobProgressView = z.infer<typeof JobProgressView>;
