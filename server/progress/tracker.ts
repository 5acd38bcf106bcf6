import { PROGRESS_WRITE_MS, writeDue, type JobPhase, type JobState } from '../../domain/progress.js';
import type { ProgressStore } from '../db/progressStore.js';
import { AppError } from '../errors.js';

/**
 * What a long job tells about itself: the phase it enters (with its number of rows when known),
 * rows done, and its end. A job nobody asked to follow gets `NO_JOB`, which does nothing.
 */
export interface Job {
  /** False for NO_JOB: the job may skip work done only for its bar (counting an export's rows). */
  readonly followed: boolean;
  phase(phase: JobPhase, total?: number | null): void;
  /** Rows done so far in this phase (an absolute count, not an increment). */
  done(rows: number): void;
  /** The end, resolved once the final state is stored (so a poll after the answer reads it). */
  finish(): Promise<void>;
  fail(e: unknown): Promise<void>;
}

export const NO_JOB: Job = { followed: false, phase() {}, done() {}, finish: async () => {}, fail: async () => {} };

/**
 * A followed job: every change updates the state at once; the store gets it at most every
 * PROGRESS_WRITE_MS (domain/progress.ts writeDue), one write at a time, the latest state always
 * written last (a timer sends a count that came between writes). A failed write is dropped: a bar
 * that stands still must never fail the job it describes.
 */
export function trackJob(store: ProgressStore, userId: string, jobId: string, now: () => number = Date.now): Job {
  const state: JobState = { phase: 'receiving', done: 0, total: null, finished: false, error: null };
  let last: { at: number; phase: JobPhase } | null = null;
  let writing = false;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let idle: (() => void)[] = [];

  const write = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (writing) {
      again = true;
      return;
    }
    writing = true;
    last = { at: now(), phase: state.phase };
    void store
      .write(userId, jobId, state)
      .catch(() => {})
      .finally(() => {
        writing = false;
        if (again) {
          again = false;
          write();
        } else if (!timer) {
          for (const resolve of idle) resolve();
          idle = [];
        }
      });
  };
  const changed = () => {
    if (writeDue(last, state, now())) write();
    else if (writing) again = true;
    else if (!timer) timer = setTimeout(write, Math.max(0, last!.at + PROGRESS_WRITE_MS - now())).unref();
  };
  const end = (error: JobState['error']) => {
    if (state.finished) return Promise.resolve();
    if (!error && state.total !== null) state.done = state.total;
    Object.assign(state, { finished: true, error });
    const stored = new Promise<void>((resolve) => idle.push(resolve));
    changed();
    return stored;
  };
  return {
    followed: true,
    phase(phase, total = null) {
      if (state.finished) return;
      Object.assign(state, { phase, total, done: 0 });
      changed();
    },
    done(rows) {
      if (state.finished || rows === state.done) return;
      state.done = rows;
      changed();
    },
    finish: () => end(null),
    fail: (e) => end(e instanceof AppError ? { code: e.code, params: e.params } : { code: 'internal', params: {} }),
  };
}
