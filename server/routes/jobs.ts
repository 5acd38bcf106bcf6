import { z } from 'zod';
import { percentOf } from '../../domain/progress.js';
import { ErrorBody } from '../../domain/schemas/common.js';
import { JobParams, JobProgressView } from '../../domain/schemas/progress.js';
import type { App } from '../app.js';
import { progressStore } from '../db/progressStore.js';
import { errorText } from '../errorHandler.js';
import { notFound } from '../errors.js';
import type { MessageCode } from '../i18n.js';
import { PHASE_LABELS } from '../messages/progress.js';

/**
 * GET /api/jobs/:id/progress: how far a long job of the reader's own has come (an import's preview
 * or commit, an .xlsx export, sent with X-Tuijin-Job: id). Every signed-in user may ask, and reads
 * only their own jobs: anyone else's id, like an unknown or expired one, is 404.
 */
export default function jobRoutes(app: App) {
  app.get('/api/jobs/:id/progress', { schema: { tags: ['jobs'], params: JobParams, response: { 200: z.object({ data: JobProgressView }), 400: ErrorBody, 401: ErrorBody, 404: ErrorBody } } }, async (req) => {
    const s = await progressStore(req.ctx.database).read(req.ctx.actor!.userId, req.params.id);
    if (!s) throw notFound('job');
    const lang = req.ctx.lang;
    return {
      data: {
        phase: s.phase,
        label: PHASE_LABELS[s.phase][lang],
        done: s.done,
        total: s.total,
        percent: percentOf(s),
        finished: s.finished,
        error: s.error ? errorText(s.error.code as MessageCode, s.error.params, lang) : null,
      },
    };
  });
}
