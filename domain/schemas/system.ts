import { z } from 'zod';

/** One scheduled job of this app instance: its last good run and its last failure (the log has the whole error). */
export const JobStatus = z.object({
  name: z.string(),
  lastSuccessAt: z.string().nullable(),
  lastFailureAt: z.string().nullable(),
  lastError: z.string().nullable(),
  failing: z.boolean(),
});

/** GET /api/system/status: what the sysadmin checks — the database, the jobs, the newest backup. */
export const SystemStatus = z.object({
  database: z.enum(['ok', 'unreachable']),
  jobs: z.array(JobStatus),
  backup: z.object({
    /** The newest complete backup's snapshot time (ISO), null when there is none. */
    latestAt: z.string().nullable(),
    ageSeconds: z.number().nullable(),
    bytes: z.number().nullable(),
    /** Complete backups kept in the folder. */
    count: z.number(),
  }),
});
export type SystemStatus = z.infer<typeof SystemStatus>;
