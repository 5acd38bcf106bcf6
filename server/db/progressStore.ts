import { and, eq, lt, sql } from 'drizzle-orm';
import { FINISHED_KEEP_MS, UNFINISHED_KEEP_MS, type JobState } from '../../domain/progress.js';
import type { Database, Db } from './client.js';
import { jobProgress } from './schema/index.js';

/** Where jobs' progress is kept: written by the job's tracker, read by the progress route. */
export interface ProgressStore {
  write(userId: string, jobId: string, state: JobState): Promise<void>;
  read(userId: string, jobId: string): Promise<JobState | null>;
}

const keepFor = (s: JobState) => (s.finished ? FINISHED_KEEP_MS : UNFINISHED_KEEP_MS);
/** Expired rows go at most this often (on a write): a sweep per write would cost more than the write. */
const SWEEP_MS = 60_000;

/**
 * The embedded database's store, in this process: only this process can open the data folder (its
 * lock), so no other instance polls; and PGlite runs one statement at a time, so a row written
 * beside a long import's transaction would wait for that transaction to end (the bar would stand
 * still, then jump to the end).
 */
function memoryStore(): ProgressStore {
  const jobs = new Map<string, { state: JobState; expires: number }>();
  let swept = 0;
  return {
    async write(userId, jobId, state) {
      const at = Date.now();
      if (at - swept >= SWEEP_MS) {
        swept = at;
        for (const [k, v] of jobs) if (v.expires < at) jobs.delete(k);
      }
      jobs.set(`${userId}/${jobId}`, { state: { ...state }, expires: at + keepFor(state) });
    },
    async read(userId, jobId) {
      const j = jobs.get(`${userId}/${jobId}`);
      return j && j.expires >= Date.now() ? { ...j.state } : null;
    },
  };
}

/** A server database's store: the job_progress table (UNLOGGED), so any instance on the database answers the poll. */
function tableStore(db: Db): ProgressStore {
  let swept = 0;
  return {
    async write(userId, jobId, state) {
      const at = Date.now();
      if (at - swept >= SWEEP_MS) {
        swept = at;
        await db.delete(jobProgress).where(lt(jobProgress.expiresAt, new Date(at)));
      }
      const row = { phase: state.phase, done: state.done, total: state.total, finished: state.finished, error: state.error, expiresAt: new Date(at + keepFor(state)) };
      await db
        .insert(jobProgress)
        .values({ userId, jobId, ...row })
        .onConflictDoUpdate({ target: [jobProgress.userId, jobProgress.jobId], set: row });
    },
    async read(userId, jobId) {
      const [r] = await db
        .select()
        .from(jobProgress)
        .where(and(eq(jobProgress.userId, userId), eq(jobProgress.jobId, jobId), sql`${jobProgress.expiresAt} >= now()`));
      return r ? { phase: r.phase as JobState['phase'], done: r.done, total: r.total, finished: r.finished, error: r.error ?? null } : null;
    },
  };
}

const stores = new WeakMap<Database, ProgressStore>();

/** The database's progress store (one per database, so tests' databases keep theirs apart). */
export function progressStore(database: Database): ProgressStore {
  let s = stores.get(database);
  if (!s) stores.set(database, (s = database.kind === 'server' ? tableStore(database.db) : memoryStore()));
  return s;
}
