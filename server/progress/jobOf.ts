import type { FastifyInstance, FastifyRequest } from 'fastify';
import { JOB_HEADER } from '../../domain/progress.js';
import { Id } from '../../domain/schemas/common.js';
import { progressStore } from '../db/progressStore.js';
import { AppError } from '../errors.js';
import { message } from '../i18n.js';
import { NO_JOB, trackJob, type Job } from './tracker.js';

const jobs = new WeakMap<FastifyRequest, Job>();

/**
 * The job this request is, when its client named one in the X-Tuijin-Job header (a UUID it made
 * up, then polls GET /api/jobs/:id/progress with): the same tracker however often it is asked
 * within the request. No header, NO_JOB; a header that is not a UUID, 400 naming it.
 */
export function jobOf(req: FastifyRequest): Job {
  const known = jobs.get(req);
  if (known) return known;
  const raw = req.headers[JOB_HEADER];
  let job = NO_JOB;
  if (raw !== undefined) {
    const id = Id.safeParse(raw);
    if (!id.success || !req.ctx.actor) throw new AppError(400, 'job_header_invalid', {}, { 'X-Tuijin-Job': message('job_header_invalid', req.ctx.lang) });
    job = trackJob(progressStore(req.ctx.database), req.ctx.actor.userId, id.data);
  }
  jobs.set(req, job);
  return job;
}

/**
 * A request's job ends with its answer: failed with the error the client is sent, finished once the
 * answer has gone (a streamed workbook's last byte included). A stream that breaks off fails the
 * job itself (server/downloads.ts sendXlsx), before the answer ends.
 */
export function endJobsWithTheirAnswers(app: FastifyInstance) {
  // Awaited (one small write): a poll sent after the answer reads the failure.
  app.addHook('onError', async (req, _reply, err) => jobs.get(req)?.fail(err));
  app.addHook('onResponse', (req, _reply, done) => {
    const job = jobs.get(req);
    if (!job) return done();
    Promise.resolve(job.finish()).then(() => done(), done);
  });
}
