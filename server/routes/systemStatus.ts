import { ErrorBody } from '../../domain/schemas/common.js';
import { SystemStatus } from '../../domain/schemas/system.js';
import type { App } from '../app.js';
import { listBackups } from '../db/backup/backupFiles.js';
import { failingJobs, jobRunsOf } from '../jobs/jobHealth.js';
import { authorize } from '../policies/actor.js';
import { systemPolicy } from '../policies/system.js';
import { databaseAnswers } from '../queries/health.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The sysadmin's system status (工作台 → 系统状态): the database, this instance's jobs and the newest backup. */
export default function systemStatusRoutes(app: App) {
  app.get('/api/system/status', { schema: { tags: ['system'], response: { 200: SystemStatus, 401: ErrorBody, 403: ErrorBody } } }, async (req) => {
    authorize(systemPolicy.route.read(req.ctx.actor));
    const failing = new Set(failingJobs(req.ctx.database));
    const backups = app.backupDir ? listBackups(app.backupDir) : [];
    const newest = backups[0];
    return {
      database: (await databaseAnswers(req.ctx.database.db)) ? ('ok' as const) : ('unreachable' as const),
      jobs: [...jobRunsOf(req.ctx.database)].map(([name, r]) => ({ name, lastSuccessAt: iso(r.lastSuccessAt), lastFailureAt: iso(r.lastFailureAt), lastError: r.lastError, failing: failing.has(name) })),
      backup: {
        latestAt: newest ? newest.at.toISOString() : null,
        ageSeconds: newest ? Math.max(0, Math.round((Date.now() - newest.at.getTime()) / 1000)) : null,
        bytes: newest ? newest.bytes : null,
        count: backups.length,
      },
    };
  });
}
