import fs from 'node:fs';
import path from 'node:path';
import type { BackupSchedule } from '../config.js';
import type { Database } from '../db/client.js';
import { listBackups } from '../db/backup/backupFiles.js';
import { backUp } from '../db/backup/backUp.js';
import { backupIsDue, nextBackupAt } from './backupSchedule.js';
import { recordJobRun } from './jobHealth.js';

/** Where a running server says how the backup a signal asked for went: the command line waits for it (scripts/backup.ts). */
export const STATUS_FILE = '.tuijin-backup-status.json';

export interface BackupStatus {
  by: 'schedule' | 'signal';
  startedAt: number;
  finishedAt: number;
  ok: boolean;
  file?: string;
  bytes?: number;
  ms?: number;
  error?: string;
}

export interface BackupJob {
  /** A backup now (the command line's SIGUSR2 to an embedded server), after any under way. */
  runNow(by: 'signal'): Promise<void>;
  stop(): Promise<void>;
}

function writeStatus(dir: string, status: BackupStatus) {
  const file = path.join(dir, STATUS_FILE);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${file}.partial`, JSON.stringify(status), { mode: 0o600 });
  fs.renameSync(`${file}.partial`, file);
}

/**
 * The daily backup at the configured time (Asia/Shanghai) into the backup folder, keeping the
 * newest `keep`; runs one at a time, each recorded in job health (`backup`) and in the status file.
 */
export function startBackupJob(database: Database, opts: { schedule: BackupSchedule; source: string; databaseUrl?: string | undefined; log: (msg: string, err?: unknown) => void }): BackupJob {
  const { dir, atMinute, keep } = opts.schedule;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const run = async (by: BackupStatus['by']) => {
    const startedAt = Date.now();
    try {
      const due = by === 'schedule' ? () => backupIsDue(listBackups(dir)[0]?.at ?? null, new Date()) : undefined;
      const { result, pruned } = await backUp(database, { dir, source: opts.source, keep, databaseUrl: opts.databaseUrl, by, ...(due ? { due } : {}) });
      recordJobRun(database, 'backup', Date.now());
      if (result) {
        opts.log(`backup written: ${result.file} (${result.bytes} bytes, ${result.ms} ms)${pruned.length ? `; ${pruned.length} older removed` : ''}`);
        writeStatus(dir, { by, startedAt, finishedAt: Date.now(), ok: true, file: result.file, bytes: result.bytes, ms: result.ms });
      }
    } catch (e) {
      recordJobRun(database, 'backup', Date.now(), e);
      opts.log('backup failed', e);
      try {
        writeStatus(dir, { by, startedAt, finishedAt: Date.now(), ok: false, error: e instanceof Error ? e.message : String(e) });
      } catch {
        /* the folder itself is the problem: the log has it */
      }
    }
  };
  const enqueue = (by: BackupStatus['by']) => (running = running.then(() => run(by)));
  const schedule = () => {
    if (stopped || atMinute === null) return;
    const now = new Date();
    timer = setTimeout(() => void enqueue('schedule').then(schedule), nextBackupAt(now, atMinute).getTime() - now.getTime());
    timer.unref();
  };
  schedule();
  return {
    runNow: (by) => enqueue(by),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
