import { z } from 'zod';
import { ErrorBody, IdParams, itemResponse, OkBody } from '../../domain/schemas/common.js';
import {
  Body,
  BodyCreate,
  BodyMember,
  BodyMemberCreate,
  BodyUpdate,
  MemberParams,
  Region,
  RegionCreate,
  RegionUpdate,
  Unit,
  UnitCreate,
  UnitListQuery,
  UnitUpdate,
} from '../../domain/schemas/org.js';
import type { App } from '../app.js';
import { addBodyMember, createBody, removeBodyMember, updateBody } from '../commands/saveBody.js';
import { createRegion, updateRegion } from '../commands/saveRegion.js';
import { createUnit, updateUnit } from '../commands/saveUnit.js';
import { notFound } from '../errors.js';
import { authorize } from '../policies/actor.js';
import { orgPolicy } from '../policies/org.js';
import { findUnit, listRegions, listUnits, loadBodies } from '../queries/org.js';
import { presentBody, presentRegion, presentUnit } from '../presenters/org.js';
import { scopeOf } from '../queries/regionScope.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const all = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), policies: z.record(z.string(), z.boolean()) });

/** Regions, units and coordinating bodies: everyone reads, the sysadmin writes. */
export default function orgRoutes(app: App) {
  const policies = (req: { ctx: { actor: Parameters<typeof orgPolicy.route.read>[0] } }) => orgPolicy.routePolicies(req.ctx.actor);

  app.get('/api/regions', { schema: { tags: ['org'], response: { 200: all(Region), ...errors } } }, async (req) => {
    authorize(orgPolicy.route.read(req.ctx.actor));
    return { data: (await listRegions(req.ctx.database.db, scopeOf(req.ctx.actor))).map(presentRegion), policies: policies(req) };
  });
  app.post('/api/regions', { schema: { tags: ['org'], body: RegionCreate, response: { 200: itemResponse(Region), ...errors } } }, async (req) => {
    authorize(orgPolicy.route.create(req.ctx.actor));
    return { data: presentRegion(await createRegion(req.ctx, req.body)), policies: policies(req) };
  });
  app.patch('/api/regions/:id', { schema: { tags: ['org'], params: IdParams, body: RegionUpdate, response: { 200: itemResponse(Region), ...errors } } }, async (req) => {
    authorize(orgPolicy.route.update(req.ctx.actor));
    return { data: presentRegion(await updateRegion(req.ctx, req.params.id, req.body)), policies: policies(req) };
  });

  app.get('/api/units', { schema: { tags: ['org'], querystring: UnitListQuery, response: { 200: all(Unit), ...errors } } }, async (req) => {
    authorize(orgPolicy.route.read(req.ctx.actor));
    return { data: (await listUnits(req.ctx.database.db, scopeOf(req.ctx.actor), req.query)).map(presentUnit), policies: policies(req) };
  });
  app.get('/api/units/:id', { schema: { tags: ['org'], params: IdParams, response: { 200: itemResponse(Unit), ...errors } } }, async (req) => {
    authorize(orgPolicy.route.read(req.ctx.actor));
    const u = await findUnit(req.ctx.database.db, req.params.id);
    if (!u) throw notFound('unit');
    return { data: presentUnit(u), policies: policies(req) };
  });
  app.post('/api/units', { schema: { tags: ['org'], body: UnitCreate, response: { 200: itemResponse(Unit), ...errors } } }, async (req) => {
    authorize(orgPolicy.route.create(req.ctx.actor));
    return { data: presentUnit(await createUnit(req.ctx, req.body)), policies: policies(req) };
  });
  app.patch('/api/units/:id', { schema: { tags: ['org'], params: IdParams, body: UnitUpdate, response: { 200: itemResponse(Unit), ...errors } } }, async (req) => {
    authorize(orgPolicy.route.update(req.ctx.actor));
    return { data: presentUnit(await updateUnit(req.ctx, req.params.id, req.body)), policies: policies(req) };
  });

  const oneBody = async (req: { ctx: { database: { db: Parameters<typeof loadBodies>[0] }; actor: Parameters<typeof scopeOf>[0] } }, id: string) => {
    const [b] = await loadBodies(req.ctx.database.db, scopeOf(req.ctx.actor), [id]);
    if (!b) throw notFound('body');
    return presentBody(b);
  };
  app.get('/api/bodies', { schema: { tags: ['org'], response: { 200: all(Body), ...errors } } }, async (req) => {
    authorize(orgPolicy.route.read(req.ctx.actor));
    return { data: (await loadBodies(req.ctx.database.db, scopeOf(req.ctx.actor))).map(presentBody), policies: policies(req) };
  });
  app.get('/api/bodies/:id', { schema: { tags: ['org'], params: IdParams, response: { 200: itemResponse(Body), ...errors } } }, async (req) => {
    authorize(orgPolicy.route.read(req.ctx.actor));
    return { data: await oneBody(req, req.params.id), policies: policies(req) };
  });
  app.post('/api/bodies', { schema: { tags: ['org'], body: BodyCreate, response: { 200: itemResponse(Body), ...errors } } }, async (req) => {
    authorize(orgPolicy.route.create(req.ctx.actor));
    const b = await createBody(req.ctx, req.body);
    return { data: await oneBody(req, b.id), policies: policies(req) };
  });
  app.patch('/api/bodies/:id', { schema: { tags: ['org'], params: IdParams, body: BodyUpdate, response: { 200: itemResponse(Body), ...errors } } }, async (req) => {
    authorize(orgPolicy.route.update(req.ctx.actor));
    await updateBody(req.ctx, req.params.id, req.body);
    return { data: await oneBody(req, req.params.id), policies: policies(req) };
  });
  app.post(
    '/api/bodies/:id/members',
    { schema: { tags: ['org'], params: IdParams, body: BodyMemberCreate, response: { 200: itemResponse(BodyMember), ...errors } } },
    async (req) => {
      authorize(orgPolicy.route.update(req.ctx.actor));
      const m = await addBodyMember(req.ctx, req.params.id, req.body);
      const body = await oneBody(req, req.params.id);
      return { data: body.members.find((x) => x.id === m.id)!, policies: policies(req) };
    },
  );
  app.delete('/api/bodies/:id/members/:memberId', { schema: { tags: ['org'], params: MemberParams, response: { 200: OkBody, ...errors } } }, async (req) => {
    authorize(orgPolicy.route.update(req.ctx.actor));
    await removeBodyMember(req.ctx, req.params.id, req.params.memberId);
    return { ok: true as const };
  });
}
