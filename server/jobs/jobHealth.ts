import type { Database } from '../db/client.js';

/** The scheduled jobs the health probe and /metrics speak of. */
export const JOB_NAMES = ['midnight', 'reminders', 'outbox', 'backup'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobRun {
  /** The last run that finished without an error, ms since the epoch. */
  lastSuccessAt: number | null;
  /** The last run that threw, and its message (the operator's log has the whole error). */
  lastFailureAt: number | null;
  lastError: string | null;
  runs: number;
  failures: number;
}

/** What the job runner of this process did on a database: the jobs record, health and metrics read. */
const perDatabase = new WeakMap<Database, Map<JobName, JobRun>>();

export function jobRunsOf(database: Database): Map<JobName, JobRun> {
  let runs = perDatabase.get(database);
  if (!runs) perDatabase.set(database, (runs = new Map(JOB_NAMES.map((n) => [n, { lastSuccessAt: null, lastFailureAt: null, lastError: null, runs: 0, failures: 0 }]))));
  return runs;
}

/** Records one run of a job: `error` undefined when it succeeded. */
export function recordJobRun(database: Database, job: JobName, at: number, error?: unknown): void {
  const run = jobRunsOf(database).get(job)!;
  run.runs++;
  if (error === undefined) run.lastSuccessAt = at;
  else {
    run.failures++;
    run.lastFailureAt = at;
    run.lastError = error instanceof Error ? error.message : String(error);
  }
}

/** A job is failing while its last run failed; one that has not run yet is not. */
export function failingJobs(database: Database): JobName[] {
  return JOB_NAMES.filter((n) => {
    const r = jobRunsOf(database).get(n)!;
    return r.lastFailureAt !== null && (r.lastSuccessAt === null || r.lastFailureAt > r.lastSuccessAt);
  });
}
