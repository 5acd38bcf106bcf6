/**
 * Progress of a long job (an import's preview or commit, an .xlsx export) as the client polls it:
 * which phase it is in, how many of how many rows are done. Pure: the server's tracker and the
 * web's bar both take their numbers from here.
 */

/** A job's phases, in the order they come; each is worded in server/messages/progress.ts. */
export const JOB_PHASES = ['receiving', 'parsing', 'matching', 'saving', 'checking', 'inserting', 'reading', 'counting', 'writing'] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

/** A job's state as stored and read back: the phase's rows `done` of `total` (null while unknown). */
export interface JobState {
  phase: JobPhase;
  done: number;
  total: number | null;
  finished: boolean;
  /** The failure's message code and parameters, when it failed. */
  error: { code: string; params: Record<string, string | number> } | null;
}

/**
 * Whole percent of rows done, never 100 before the job has finished (a bar at 100 that then waits
 * looks broken); null when the total is unknown (an indeterminate bar).
 */
export function percentOf(s: Pick<JobState, 'done' | 'total' | 'finished'>): number | null {
  if (s.finished) return 100;
  if (s.total === null || s.total <= 0) return null;
  return Math.min(99, Math.max(0, Math.floor((s.done / s.total) * 100)));
}

/** How often a job's state is written at most: a poll every half second sees it move, and the job spends nothing worth measuring on it. */
export const PROGRESS_WRITE_MS = 300;

/**
 * Whether a new state goes out now: the first always, a phase change or the end at once, a mere
 * count only once PROGRESS_WRITE_MS have passed since the last write.
 */
export function writeDue(last: { at: number; phase: JobPhase } | null, next: Pick<JobState, 'phase' | 'finished'>, at: number): boolean {
  if (!last || next.finished || next.phase !== last.phase) return true;
  return at - last.at >= PROGRESS_WRITE_MS;
}

/** How long a finished job's state stays readable (the client's last poll), and how long a job that never finished is kept (its process died). */
export const FINISHED_KEEP_MS = 60_000;
export const UNFINISHED_KEEP_MS = 60 * 60_000;

/** The header a client names its job in: a UUID it made up (crypto.randomUUID()). */
export const JOB_HEADER = 'x-tuijin-job';
