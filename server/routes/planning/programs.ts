import { IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { Area, AreaCreate, Program, ProgramCreate, ProgramListQuery, ProgramUpdate } from '../../../domain/schemas/program.js';
import type { App } from '../../app.js';
import { createArea, createProgram, updateProgram } from '../../commands/planning/saveProgram.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { programPolicy } from '../../policies/program.js';
import { presentArea, presentProgram } from '../../presenters/planning/program.js';
import { findProgram, listAreas, listPrograms } from '../../queries/planning/programs.js';
import { allOf, errors, pageOf } from './shared.js';
import { scopeOf } from '../../queries/regionScope.js';

const tags = ['programs'];

/** 三年行动 and its 重点领域. */
export default function programRoutes(app: App) {
  const policies = (req: { ctx: { actor: Parameters<typeof programPolicy.route.read>[0] } }) => programPolicy.routePolicies(req.ctx.actor);

  app.get('/api/programs', { schema: { tags, querystring: ProgramListQuery, response: { 200: listResponse(Program), ...errors } } }, async (req) => {
    authorize(programPolicy.route.read(req.ctx.actor));
    const { page, perPage, q } = req.query;
    const { rows, total } = await listPrograms(req.ctx.database.db, scopeOf(req.ctx.actor), q, page, perPage);
    return { data: rows.map(presentProgram), page: pageOf(page, perPage, total), policies: policies(req) };
  });
  app.post('/api/programs', { schema: { tags, body: ProgramCreate, response: { 200: itemResponse(Program), ...errors } } }, async (req) => {
    authorize(programPolicy.route.create(req.ctx.actor));
    return { data: presentProgram(await createProgram(req.ctx, req.body)), policies: policies(req) };
  });
  app.get('/api/programs/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(Program), ...errors } } }, async (req) => {
    authorize(programPolicy.route.read(req.ctx.actor));
    const p = await findProgram(req.ctx.database.db, req.params.id);
    if (!p) throw notFound('program');
    return { data: presentProgram(p), policies: policies(req) };
  });
  app.patch('/api/programs/:id', { schema: { tags, params: IdParams, body: ProgramUpdate, response: { 200: itemResponse(Program), ...errors } } }, async (req) => {
    authorize(programPolicy.route.update(req.ctx.actor));
    return { data: presentProgram(await updateProgram(req.ctx, req.params.id, req.body)), policies: policies(req) };
  });

  app.get('/api/programs/:id/areas', { schema: { tags, params: IdParams, response: { 200: allOf(Area), ...errors } } }, async (req) => {
    authorize(programPolicy.route.read(req.ctx.actor));
    const db = req.ctx.database.db;
    if (!(await findProgram(db, req.params.id))) throw notFound('program');
    return { data: (await listAreas(db, req.params.id)).map(presentArea), policies: policies(req) };
  });
  app.post('/api/programs/:id/areas', { schema: { tags, params: IdParams, body: AreaCreate, response: { 200: itemResponse(Area), ...errors } } }, async (req) => {
    authorize(programPolicy.route.createArea(req.ctx.actor));
    return { data: presentArea(await createArea(req.ctx, req.params.id, req.body)), policies: policies(req) };
  });
}
