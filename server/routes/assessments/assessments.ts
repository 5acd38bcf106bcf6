import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  Adjustment,
  AdjustmentApprove,
  AdjustmentCreate,
  Appeal,
  AppealCreate,
  AppealDecide,
  AppealRepublish,
  AppealListQuery,
  Breakdown,
  MyResult,
  PeriodBody,
  Result,
  ResultUnitParams,
  Scheme,
  SchemeCreate,
  SchemeListQuery,
  SchemeUpdate,
} from '../../../domain/schemas/assessment.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import type { App } from '../../app.js';
import { approveAdjustment, createAdjustment } from '../../commands/assessments/adjustments.js';
import { decideAppeal, fileAppeal, republishForAppeal } from '../../commands/assessments/appeals.js';
import { computeResult } from '../../commands/assessments/computeResult.js';
import { publishResult } from '../../commands/assessments/publishResult.js';
import { createScheme, updateScheme } from '../../commands/assessments/saveScheme.js';
import { sendXlsx } from '../../downloads.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { assessmentPolicy, type ResultStatus } from '../../policies/assessment.js';
import { presentAdjustment, presentAppeal, presentBreakdown, presentMyResult, presentResult, presentScheme } from '../../presenters/assessments/assessment.js';
import { findAdjustment, findAppeal, findResult, findScheme, listAdjustments, listAppeals, listSchemes, myResults, resultBreakdowns, resultLines, resultUnit } from '../../queries/assessments/results.js';
import { assessmentXlsx } from '../../xlsx/assessmentXlsx.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['assessments'];
const AdjustmentQuery = z.strictObject({ period: z.string().trim().max(10).optional() });

async function schemeView(req: FastifyRequest, id: string) {
  const view = await findScheme(req.ctx.database.db, req.ctx.actor, id);
  if (!view) throw notFound('assessment_scheme');
  return { data: presentScheme(view), policies: assessmentPolicy.routePolicies(req.ctx.actor) };
}

/** The result if the actor may read it (for `unitId`: that unit's breakdown), else 404. */
async function visibleResult(req: FastifyRequest, id: string, unitId: string | null = null) {
  const view = await findResult(req.ctx.database.db, id);
  if (!view || !assessmentPolicy.row.read(req.ctx.actor, { status: view.result.status as ResultStatus, unitId })) throw notFound('assessment_result');
  return view;
}

async function resultView(req: FastifyRequest, view: NonNullable<Awaited<ReturnType<typeof findResult>>>) {
  return { data: presentResult(view, await resultLines(req.ctx.database.db, view.result.id)), policies: assessmentPolicy.rowPolicies(req.ctx.actor, { status: view.result.status as ResultStatus, unitId: null }) };
}

/** 考核: schemes, compute and publish, rankings and breakdowns, 加分/扣分, appeals, the results workbook. */
export default function assessmentRoutes(app: App) {
  app.get('/api/assessments', { schema: { tags, querystring: SchemeListQuery, response: { 200: listResponse(Scheme), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.read(req.ctx.actor));
    const { page, perPage, q: _q, ...filter } = req.query;
    const { rows, total } = await listSchemes(req.ctx.database.db, req.ctx.actor, filter, page, perPage);
    return { data: rows.map(presentScheme), page: { page, perPage, total }, policies: assessmentPolicy.routePolicies(req.ctx.actor) };
  });

  app.post('/api/assessments', { schema: { tags, body: SchemeCreate, response: { 200: itemResponse(Scheme), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.manage(req.ctx.actor));
    return schemeView(req, (await createScheme(req.ctx, req.body)).id);
  });

  // 考核结果: the actor's units' published results, newest first.
  app.get('/api/assessments/mine', { schema: { tags, response: { 200: listResponse(MyResult), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.mine(req.ctx.actor));
    const data = (await myResults(req.ctx.database.db, req.ctx.actor)).map(presentMyResult);
    return { data, page: { page: 1, perPage: data.length, total: data.length }, policies: assessmentPolicy.routePolicies(req.ctx.actor) };
  });

  app.get('/api/assessments/appeals', { schema: { tags, querystring: AppealListQuery, response: { 200: listResponse(Appeal), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.appeals(req.ctx.actor));
    const { page, perPage, q: _q, ...filter } = req.query;
    const { rows, total } = await listAppeals(req.ctx.database.db, req.ctx.actor, filter, page, perPage);
    return { data: rows.map(presentAppeal), page: { page, perPage, total }, policies: assessmentPolicy.routePolicies(req.ctx.actor) };
  });

  app.post('/api/assessments/appeals/:id/decide', { schema: { tags, params: IdParams, body: AppealDecide, response: { 200: itemResponse(Appeal), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.decide(req.ctx.actor));
    await decideAppeal(req.ctx, req.params.id, req.body);
    const view = await findAppeal(req.ctx.database.db, req.ctx.actor, req.params.id);
    if (!view) throw notFound('assessment_appeal');
    return { data: presentAppeal(view), policies: assessmentPolicy.routePolicies(req.ctx.actor) };
  });

  // 重新计算并发布 from an upheld appeal: compute and publish the appeal's period in one write.
  app.post('/api/assessments/appeals/:id/republish', { schema: { tags, params: IdParams, body: AppealRepublish, response: { 200: itemResponse(Appeal), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.manage(req.ctx.actor));
    await republishForAppeal(req.ctx, req.params.id, req.body.version);
    const view = await findAppeal(req.ctx.database.db, req.ctx.actor, req.params.id);
    if (!view) throw notFound('assessment_appeal');
    return { data: presentAppeal(view), policies: assessmentPolicy.routePolicies(req.ctx.actor) };
  });

  app.post('/api/assessments/adjustments/:id/approve', { schema: { tags, params: IdParams, body: AdjustmentApprove, response: { 200: itemResponse(Adjustment), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.manage(req.ctx.actor));
    await approveAdjustment(req.ctx, req.params.id, req.body.version);
    const view = await findAdjustment(req.ctx.database.db, req.params.id);
    if (!view) throw notFound('assessment_adjustment');
    return { data: presentAdjustment(view), policies: assessmentPolicy.routePolicies(req.ctx.actor) };
  });

  app.get('/api/assessments/results/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(Result), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.read(req.ctx.actor));
    return resultView(req, await visibleResult(req, req.params.id));
  });

  // Another unit's breakdown is 404, as a result not yet published is to everyone but the assessor.
  app.get('/api/assessments/results/:id/units/:unitId', { schema: { tags, params: ResultUnitParams, response: { 200: itemResponse(Breakdown), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.breakdown(req.ctx.actor));
    const view = await visibleResult(req, req.params.id, req.params.unitId);
    const unit = await resultUnit(req.ctx.database.db, view.result.id, req.params.unitId);
    if (!unit) throw notFound('assessment_result');
    return { data: presentBreakdown(view, unit), policies: assessmentPolicy.rowPolicies(req.ctx.actor, { status: view.result.status as ResultStatus, unitId: req.params.unitId }) };
  });

  app.get('/api/assessments/results/:id/results.xlsx', { schema: { tags, params: IdParams } }, async (req, reply) => {
    authorize(assessmentPolicy.route.read(req.ctx.actor));
    const view = await visibleResult(req, req.params.id);
    return sendXlsx(reply, await assessmentXlsx(view, await resultBreakdowns(req.ctx.database.db, view.result.id)), 'assessment-results.xlsx', `${view.scheme.name}（${view.result.period}）考核结果.xlsx`);
  });

  app.post('/api/assessments/results/:id/appeals', { schema: { tags, params: IdParams, body: AppealCreate, response: { 200: itemResponse(Appeal), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.appeal(req.ctx.actor));
    const row = await fileAppeal(req.ctx, req.params.id, req.body);
    const view = await findAppeal(req.ctx.database.db, req.ctx.actor, row.id);
    return { data: presentAppeal(view!), policies: assessmentPolicy.routePolicies(req.ctx.actor) };
  });

  app.get('/api/assessments/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(Scheme), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.read(req.ctx.actor));
    return schemeView(req, req.params.id);
  });

  app.patch('/api/assessments/:id', { schema: { tags, params: IdParams, body: SchemeUpdate, response: { 200: itemResponse(Scheme), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.manage(req.ctx.actor));
    await updateScheme(req.ctx, req.params.id, req.body);
    return schemeView(req, req.params.id);
  });

  app.post('/api/assessments/:id/compute', { schema: { tags, params: IdParams, body: PeriodBody, response: { 200: itemResponse(Result), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.manage(req.ctx.actor));
    const row = await computeResult(req.ctx, req.params.id, req.body.period);
    return resultView(req, (await findResult(req.ctx.database.db, row.id))!);
  });

  app.post('/api/assessments/:id/publish', { schema: { tags, params: IdParams, body: PeriodBody, response: { 200: itemResponse(Result), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.manage(req.ctx.actor));
    const row = await publishResult(req.ctx, req.params.id, req.body.period);
    return resultView(req, (await findResult(req.ctx.database.db, row.id))!);
  });

  app.get('/api/assessments/:id/adjustments', { schema: { tags, params: IdParams, querystring: AdjustmentQuery, response: { 200: listResponse(Adjustment), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.manage(req.ctx.actor));
    const rows = await listAdjustments(req.ctx.database.db, req.params.id, req.query.period);
    return { data: rows.map(presentAdjustment), page: { page: 1, perPage: rows.length, total: rows.length }, policies: assessmentPolicy.routePolicies(req.ctx.actor) };
  });

  app.post('/api/assessments/:id/adjustments', { schema: { tags, params: IdParams, body: AdjustmentCreate, response: { 200: itemResponse(Adjustment), ...errors } } }, async (req) => {
    authorize(assessmentPolicy.route.manage(req.ctx.actor));
    const row = await createAdjustment(req.ctx, req.params.id, req.body);
    return { data: presentAdjustment((await findAdjustment(req.ctx.database.db, row.id))!), policies: assessmentPolicy.routePolicies(req.ctx.actor) };
  });
}
