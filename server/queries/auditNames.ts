import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { auditScope } from '../audit.js';
import type { RegionScope } from './regionScope.js';
import { blockers, bodies, bulletins, dispatches, inspections, ledgerEntries, notices, orgUnits, plans, programs, projects, regions, reports, targets, tasks, users } from '../db/schema/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The names an audit page shows instead of ids: each record's actor (display name) and the item it
 * is about (a task's code and title, a report's item and period, a user's name…), read with one
 * query per kind of item on the page, not one per record.
 */
export async function auditNames(db: Executor, rows: readonly { actorId: string | null; entity: string; entityId: string | null }[]) {
  const ids = (...kinds: string[]) => [...new Set(rows.filter((r) => kinds.includes(r.entity) && r.entityId && UUID.test(r.entityId)).map((r) => r.entityId!))];
  const userIds = [...new Set([...rows.map((r) => r.actorId).filter((x): x is string => !!x), ...ids('user', 'session')])];
  const names = new Map<string, string>();
  const put = (kind: string, list: { id: string; name: string }[]) => list.forEach((x) => names.set(`${kind}:${x.id}`, x.name));
  const when = async <T,>(list: string[], q: () => Promise<T[]>): Promise<T[]> => (list.length ? q() : []);
  // One after the other: inside a transaction the queries share one connection.
  const people = await when(userIds, () => db.select({ id: users.id, name: users.displayName, account: users.account }).from(users).where(inArray(users.id, userIds)));
  for (const p of people) {
    names.set(`actor:${p.id}`, p.name);
    names.set(`user:${p.id}`, `${p.name}（${p.account}）`);
    names.set(`session:${p.id}`, `${p.name}（${p.account}）`);
  }
  const coded = (code: unknown, title: unknown) => sql<string>`${code} || ' ' || ${title}`;
  put('task', await when(ids('task'), () => db.select({ id: tasks.id, name: coded(tasks.code, tasks.title) }).from(tasks).where(inArray(tasks.id, ids('task')))));
  put('target', await when(ids('target'), () => db.select({ id: targets.id, name: coded(targets.code, targets.name) }).from(targets).where(inArray(targets.id, ids('target')))));
  put('project', await when(ids('project'), () => db.select({ id: projects.id, name: coded(projects.code, projects.name) }).from(projects).where(inArray(projects.id, ids('project')))));
  put('plan', await when(ids('plan'), () => db.select({ id: plans.id, name: coded(plans.code, plans.title) }).from(plans).where(inArray(plans.id, ids('plan')))));
  put('program', await when(ids('program'), () => db.select({ id: programs.id, name: programs.name }).from(programs).where(inArray(programs.id, ids('program')))));
  put('region', await when(ids('region'), () => db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, ids('region')))));
  put('unit', await when(ids('unit'), () => db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, ids('unit')))));
  put('body', await when(ids('body'), () => db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(inArray(bodies.id, ids('body')))));
  put('blocker', await when(ids('blocker'), () => db.select({ id: blockers.id, name: blockers.title }).from(blockers).where(inArray(blockers.id, ids('blocker')))));
  put('inspection', await when(ids('inspection'), () => db.select({ id: inspections.id, name: inspections.title }).from(inspections).where(inArray(inspections.id, ids('inspection')))));
  // A ledger entry is named by its finding, cut short: the auditor needs to recognise it, not read it.
  put('ledger', await when(ids('ledger'), () => db.select({ id: ledgerEntries.id, name: sql<string>`left(${ledgerEntries.finding}, 60)` }).from(ledgerEntries).where(inArray(ledgerEntries.id, ids('ledger')))));
  put('bulletin', await when(ids('bulletin'), () => db.select({ id: bulletins.id, name: sql<string>`${bulletins.docNumber} || ' ' || ${bulletins.title}` }).from(bulletins).where(inArray(bulletins.id, ids('bulletin')))));
  put('notice', await when(ids('notice'), () => db.select({ id: notices.id, name: notices.docNumber }).from(notices).where(inArray(notices.id, ids('notice')))));
  put('dispatch', await when(ids('dispatch'), () => db.select({ id: dispatches.id, name: dispatches.title }).from(dispatches).where(inArray(dispatches.id, ids('dispatch')))));
  // A report is named by its item and period: "S1-2.1 建设工业互联网 2026-11".
  const reportRows = await when(ids('report'), () =>
    db
      .select({
        id: reports.id,
        name: sql<string>`coalesce((select t.code || ' ' || t.title from tasks t where t.id = ${reports.itemId}),
                                   (select g.code || ' ' || g.name from targets g where g.id = ${reports.itemId}),
                                   (select p.code || ' ' || p.name from projects p where p.id = ${reports.itemId}), '') || ' ' || ${reports.period}`,
      })
      .from(reports)
      .where(inArray(reports.id, ids('report'))),
  );
  put('report', reportRows);
  return {
    actorName: (actorId: string | null) => (actorId ? (names.get(`actor:${actorId}`) ?? null) : null),
    subject: (entity: string, entityId: string | null) => (entityId ? (names.get(`${entity}:${entityId}`) ?? null) : null),
  };
}

/** Everyone who appears as an actor in the log, for the auditor's "who" picker (the auditor may not read the user list). */
export async function auditActors(db: Executor, scope: RegionScope) {
  const rows = (await db.execute(sql`
    select a.actor_account as account, u.display_name as name
      from (select distinct actor_account from audit_log where actor_account is not null and ${auditScope(scope)}) a
      left join users u on u.account = a.actor_account
     order by a.actor_account limit 2000`)) as unknown as { rows: { account: string; name: string | null }[] };
  return rows.rows;
}
