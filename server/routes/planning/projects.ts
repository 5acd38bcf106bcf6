import type { FastifyRequest } from 'fastify';
import { IdParams, itemResponse } from '../../../domain/schemas/common.js';
import { Project, ProjectCreate, ProjectDetail, ProjectListQuery, ProjectPlanPut, ProjectUpdate } from '../../../domain/schemas/project.js';
import { lightListResponse } from '../../../domain/schemas/work.js';
import type { App } from '../../app.js';
import { createProject, setProjectPlan, updateProject } from '../../commands/planning/saveProject.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { projectPolicy } from '../../policies/project.js';
import { presentCounts } from '../../presenters/planning/light.js';
import { presentProject, presentProjectDetail } from '../../presenters/planning/project.js';
import { listProjects, loadProject, loadYearInvestments } from '../../queries/planning/projects.js';
import { errors, pageOf, thisYear } from './shared.js';
import { scopeOf } from '../../queries/regionScope.js';
import { drilledReader } from '../../queries/regionTree.js';

const tags = ['projects'];

/** 重点项目: stage with dates, yearly planned and monthly done investment (万元, exact). */
export default function projectRoutes(app: App) {
  const policies = (req: FastifyRequest) => projectPolicy.routePolicies(req.ctx.actor);
  const detail = async (req: FastifyRequest, id: string) => {
    const l = await loadProject(req.ctx.database.db, id);
    if (!l) throw notFound('project');
    return { data: presentProjectDetail(l, req.ctx.lang, thisYear()), policies: policies(req) };
  };

  app.get('/api/projects', { schema: { tags, querystring: ProjectListQuery, response: { 200: lightListResponse(Project), ...errors } } }, async (req) => {
    authorize(projectPolicy.route.read(req.ctx.actor));
    const { page, perPage, region, ...filter } = req.query;
    const db = req.ctx.database.db;
    const reader = await drilledReader(db, req.ctx.actor, region);
    const { rows, total, counts } = await listProjects(db, { ...filter, scope: scopeOf(reader) }, page, perPage);
    const year = thisYear();
    const inv = await loadYearInvestments(db, rows.map((p) => p.id), year);
    return { data: rows.map((p) => presentProject(p, req.ctx.lang, year, inv.get(p.id) ?? { planned: null, done: [] })), page: pageOf(page, perPage, total), counts: presentCounts(counts), policies: policies(req) };
  });
  app.post('/api/projects', { schema: { tags, body: ProjectCreate, response: { 200: itemResponse(ProjectDetail), ...errors } } }, async (req) => {
    authorize(projectPolicy.route.create(req.ctx.actor));
    return detail(req, (await createProject(req.ctx, req.body)).id);
  });
  app.get('/api/projects/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(ProjectDetail), ...errors } } }, async (req) => {
    authorize(projectPolicy.route.read(req.ctx.actor));
    return detail(req, req.params.id);
  });
  app.patch('/api/projects/:id', { schema: { tags, params: IdParams, body: ProjectUpdate, response: { 200: itemResponse(ProjectDetail), ...errors } } }, async (req) => {
    authorize(projectPolicy.route.update(req.ctx.actor));
    await updateProject(req.ctx, req.params.id, req.body);
    return detail(req, req.params.id);
  });
  app.put('/api/projects/:id/plan', { schema: { tags, params: IdParams, body: ProjectPlanPut, response: { 200: itemResponse(ProjectDetail), ...errors } } }, async (req) => {
    authorize(projectPolicy.route.update(req.ctx.actor));
    await setProjectPlan(req.ctx, req.params.id, req.body);
    return detail(req, req.params.id);
  });
}
