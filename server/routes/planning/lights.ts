import { RollupQuery, RollupResponse } from '../../../domain/schemas/rollup.js';
import { ITEM_TYPES } from '../../../domain/work.js';
import type { App } from '../../app.js';
import { authorize } from '../../policies/actor.js';
import { lightsPolicy } from '../../policies/lights.js';
import { presentRollup } from '../../presenters/planning/rollup.js';
import { lightRollup } from '../../queries/planning/rollup.js';
import { scopeOf } from '../../queries/regionScope.js';
import { drilledReader } from '../../queries/regionTree.js';
import { errors } from './shared.js';

/** 红黄绿灯 rolled up: counts and the worst light per plan, area, task force or unit (the HQ office's overview). */
export default function lightRoutes(app: App) {
  app.get('/api/lights/rollup', { schema: { tags: ['lights'], querystring: RollupQuery, response: { 200: RollupResponse, ...errors } } }, async (req) => {
    authorize(lightsPolicy.route.read(req.ctx.actor));
    const db = req.ctx.database.db;
    const reader = await drilledReader(db, req.ctx.actor, req.query.region);
    const groups = await lightRollup(db, req.query.by, req.query.item ? [req.query.item] : ITEM_TYPES, scopeOf(reader));
    return { data: groups.map(presentRollup), policies: lightsPolicy.routePolicies(req.ctx.actor) };
  });
}
