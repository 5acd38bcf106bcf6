import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql, type SQL } from 'drizzle-orm';

/**
 * The region seal at the door of every route that names a record (issue 25; docs/ARCHITECTURE.md
 * "Regions"). For each `:param` of a route, the segment before it names the kind of record
 * (`/api/tasks/:id` → tasks); OWNERS says how to find that record's region. A record of a region
 * outside the actor's scope is swapped for an id nothing has, before the route runs: the route then
 * answers exactly as it answers a record that does not exist (its own 404, or its own refusal to a
 * role that may not call it), so another district learns nothing, not even that the record exists.
 * Lists are sealed in their queries (server/queries/regionScope.ts).
 */
const NOWHERE = '00000000-0000-0000-0000-000000000000';

const unitRegion = (unitId: SQL) => sql`(select ou.region_id from org_units ou where ou.id = ${unitId})`;
const userRegion = (userId: SQL) => sql`(select ou.region_id from users u join org_units ou on ou.id = u.unit_id where u.id = ${userId})`;
const planRegion = (planId: SQL) => sql`(select pr.region_id from plans p join programs pr on pr.id = p.program_id where p.id = ${planId})`;
const bodyRegion = (bodyId: SQL) => sql`(select b.region_id from bodies b where b.id = ${bodyId})`;
const col = (table: string, column: string, id: string) => sql`(select ${sql.raw(column)} from ${sql.raw(table)} where id = ${id})`;

/**
 * A record's region, by the kind its route names: its own region column (what an office starts with
 * no unit, plan or body: orders, directives, campaigns, bulletins, articles, assessment schemes, meetings,
 * set from the maker's region at creation, migration 0048), or through a plan (its program's
 * region), a unit or a body. A record with none of these (a public complaint's case) has no region
 * and passes. A child (an order's replies, a scheme's results) is reached
 * through its parent's route or, with a route of its own, through its parent's region.
 */
const OWNERS: Record<string, (id: string) => SQL> = {
  regions: (id) => sql`(select id from regions where id = ${id})`,
  units: (id) => unitRegion(sql`${id}`),
  bodies: (id) => bodyRegion(sql`${id}`),
  users: (id) => userRegion(sql`${id}`),
  'role-proposals': (id) => userRegion(col('role_proposals', 'user_id', id)),
  programs: (id) => col('programs', 'region_id', id),
  plans: (id) => planRegion(sql`${id}`),
  tasks: (id) => planRegion(col('tasks', 'plan_id', id)),
  targets: (id) => planRegion(col('targets', 'plan_id', id)),
  projects: (id) => planRegion(col('projects', 'plan_id', id)),
  imports: (id) => planRegion(col('import_previews', 'plan_id', id)),
  dispatches: (id) => col('dispatches', 'region_id', id),
  directives: (id) => col('directives', 'region_id', id),
  inspections: (id) => col('inspections', 'region_id', id),
  bulletins: (id) => col('bulletins', 'region_id', id),
  articles: (id) => col('articles', 'region_id', id),
  briefings: (id) => col('articles', 'region_id', id),
  assessments: (id) => col('assessment_schemes', 'region_id', id),
  results: (id) => sql`(select s.region_id from assessment_results r join assessment_schemes s on s.id = r.scheme_id where r.id = ${id})`,
  reports: (id) => unitRegion(col('reports', 'unit_id', id)),
  blockers: (id) => unitRegion(col('blockers', 'unit_id', id)),
  meetings: (id) => col('meetings', 'region_id', id),
  'field-visits': (id) => bodyRegion(col('field_visits', 'body_id', id)),
  ledger: (id) => unitRegion(col('ledger_entries', 'unit_id', id)),
  notices: (id) => unitRegion(col('notices', 'unit_id', id)),
  cases: (id) => unitRegion(col('oversight_cases', 'unit_id', id)),
  'response-requests': (id) => unitRegion(col('response_requests', 'unit_id', id)),
  promises: (id) => unitRegion(col('promises', 'unit_id', id)),
  appeals: (id) => unitRegion(col('assessment_appeals', 'unit_id', id)),
  adjustments: (id) => unitRegion(col('assessment_adjustments', 'unit_id', id)),
  robots: (id) => unitRegion(col('notification_channels', 'unit_id', id)),
};

/**
 * What is addressed across levels (docs/ARCHITECTURE.md "Regions"): an order sent to units of a
 * region, a campaign whose scope names units of a region, is read in that region though it stays
 * the region of the office that made it. The regions it reaches, by the kind its route names.
 */
const ADDRESSED: Record<string, (id: string) => SQL> = {
  dispatches: (id) =>
    sql`(select array_agg(distinct ou.region_id) from dispatch_recipients r join dispatches d on d.id = r.dispatch_id join org_units ou on ou.id = r.unit_id where r.dispatch_id = ${id} and d.status <> 'draft')`,
  inspections: (id) => sql`(select array_agg(distinct ou.region_id) from inspections i join org_units ou on ou.id = any(i.unit_ids) where i.id = ${id})`,
};
/** Only reads pass on that ground, and a unit's reply to an order: every other write stays with the record's own region. */
const readsAddressed = (method: string, url: string) => method === 'GET' || url === '/api/dispatches/:id/replies';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Guard = [param: string, owner: (id: string) => SQL, addressed: ((id: string) => SQL) | undefined];
/** Per route (method and address): its params that name a record of a known kind. */
const guardedParams = new Map<string, Guard[]>();
function paramsOf(method: string, url: string): Guard[] {
  const key = `${method} ${url}`;
  let found = guardedParams.get(key);
  if (!found) {
    found = [];
    // The public portal is for anyone: what it shows is published to the world.
    if (!url.startsWith('/api/public/')) {
      for (const m of url.matchAll(/([a-z-]+)\/:(\w+)/g)) {
        const owner = OWNERS[m[1]!];
        if (owner) found.push([m[2]!, owner, readsAddressed(method, url) ? ADDRESSED[m[1]!] : undefined]);
      }
    }
    guardedParams.set(key, found);
  }
  return found;
}

/** A uuid[] as the driver hands it: an array (node-postgres, PGlite) or its text form. */
const arrayOf = (v: string[] | string | null | undefined): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? v.replace(/^{|}$/g, '').split(',').filter(Boolean) : []);

export function regionGate(req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void): void {
  const actor = req.ctx?.actor;
  const url = req.routeOptions.url;
  if (!actor || !url) return done();
  const params = req.params as Record<string, string> | undefined;
  const checks = paramsOf(req.method, url).filter(([p]) => typeof params?.[p] === 'string' && UUID.test(params[p]!));
  if (!checks.length) return done();
  const scope = new Set(actor.regionIds);
  Promise.all(
    checks.map(async ([p, owner, addressed]) => {
      const id = params![p]!;
      const res = (await req.ctx.database.db.execute(sql`select ${owner(id)} as region, ${addressed ? addressed(id) : sql`null::uuid[]`} as reached`)) as unknown as {
        rows: { region: string | null; reached: string[] | string | null }[];
      };
      const region = res.rows[0]?.region ?? null;
      if (region && !scope.has(region) && !arrayOf(res.rows[0]?.reached).some((r) => scope.has(r))) params![p] = NOWHERE;
    }),
  ).then(() => done(), done);
}
