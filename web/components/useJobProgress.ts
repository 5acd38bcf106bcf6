import { useCallback, useEffect, useRef, useState } from 'react';
import { percentOf } from '../../domain/progress.js';
import { jobProgress, newJobId } from '../api/jobs.js';
import { useI18n } from '../i18n/useI18n.js';

/** A bar appears only for a job still running after this long: a quick one shows none at all. */
export const SHOW_AFTER_MS = 400;
const POLL_MS = 500;

/** What the bar shows: the phase in words and a percent, or null for an indeterminate bar. */
export interface JobBar {
  label: string;
  percent: number | null;
}

/**
 * Runs a long job (an upload and its preview, a commit, an export) and follows it: the upload's own
 * bytes while the file goes up, then the server's phases (GET /api/jobs/:id/progress, every half
 * second). `bar` stays null until the job has run SHOW_AFTER_MS, and again once it ends.
 */
export function useJobProgress() {
  const { t } = useI18n();
  const [bar, setBar] = useState<JobBar | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => void (alive.current = false);
  }, []);

  const run = useCallback(
    async <T,>(work: (jobId: string, onUpload: (sent: number, total: number) => void) => Promise<T>): Promise<T> => {
      const jobId = newJobId();
      // Until the server's first word: on the embedded database a poll waits while the job's transaction runs.
      let latest: JobBar = { label: t('job.working'), percent: null };
      let uploading = false;
      let shown = false;
      let running = true;
      const show = () => alive.current && running && shown && setBar({ ...latest });
      const timer = setTimeout(() => {
        shown = true;
        show();
      }, SHOW_AFTER_MS);
      const poll = async () => {
        while (running) {
          await new Promise((r) => setTimeout(r, POLL_MS));
          if (!running || uploading) continue;
          const p = await jobProgress(jobId).catch(() => null);
          if (p && running && !p.finished) {
            latest = { label: p.label, percent: p.percent };
            show();
          }
        }
      };
      void poll();
      try {
        return await work(jobId, (sent, total) => {
          // The last byte sent: the server is reading it now, and the polls tell the rest.
          uploading = total > 0 && sent < total;
          latest = { label: t('job.uploading'), percent: percentOf({ done: sent, total: total > 0 ? total : null, finished: false }) };
          show();
        });
      } finally {
        running = false;
        clearTimeout(timer);
        if (alive.current) setBar(null);
      }
    },
    [t],
  );
  return { bar, run };
}
