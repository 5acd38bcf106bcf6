import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, ilike, inArray, like, lte, not, or, sql, type SQL } from 'drizzle-orm';
import { categoryCondition, type AuditCategory } from '../domain/auditCategories.js';
import { canonicalJson, normalise } from '../domain/canonicalJson.js';
import { CASE_AUDIT_ENTITY } from '../domain/oversight.js';
import { now as clockNow } from './clock.js';
import type { Ctx } from './context.js';
import type { Executor, Tx } from './db/client.js';
import { auditHead, auditLog, auditPending, auditQuarantine, users } from './db/schema/index.js';
import { holdsTop, unitIn, type RegionScope } from './queries/regionScope.js';

export interface AuditEntry {
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /**
   * Whose kept replies the write may change (server/queries/versionedCache.ts). Without it, anyone's:
   * every kept reply is computed again. A frequent write declares it, and must name every unit whose
   * workbench or unit task list shows what it changed.
   */
  scope?: AuditScope;
}

/** What a write changes, for the versions of the kept replies (audit_pending.scopes, migration 0039). */
export interface AuditScope {
  /** Org units whose own rows it changes (a report's unit: its workbench). `[]` and no items: nobody's (a sign-in). */
  units: readonly string[];
  /**
   * Items whose facts or light it changes: every unit they are shown to is added in the database
   * (audit_item_scopes: a task's units and its ancestors', a target's data unit, a project's
   * responsible unit, the units with a returned report on one of them).
   */
  items?: readonly { itemType: string; itemId: string }[];
}

/** A scope that changes no unit's kept replies: sign-ins, sessions, one's own notices. */
export const NO_UNIT: AuditScope = { units: [] };

/** The scopes column's value: the units as a literal, the items' units added by the database. */
export function scopesValue(scope: AuditScope | undefined): SQL | string[] | null {
  if (!scope) return null;
  const units = [...new Set(scope.units)];
  if (!scope.items?.length) return units;
  const list = (xs: readonly string[]) => xs.join(',');
  return sql`array_cat(string_to_array(${list(units)}, ',')::text[], audit_item_scopes(string_to_array(${list(scope.items.map((i) => i.itemType))}, ','), string_to_array(${list(scope.items.map((i) => i.itemId))}, ',')::uuid[]))`;
}

interface HashedFields {
  id: number;
  at: Date;
  actorId: string | null;
  actorAccount: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** SHA-256 over the previous hash and the record's canonical JSON. */
export function auditHash(prevHash: string, r: HashedFields): string {
  const body = canonicalJson({ ...r, at: r.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * The fields of a stored record that its hash covers: all but the chain's own columns and `tx`,
 * which ties the record to its transaction's light changes for the feed and is not part of what was done.
 */
export function hashedFieldsOf(r: typeof auditLog.$inferSelect): HashedFields {
  const { prevHash: _p, hash: _h, tx: _t, ...fields } = r;
  return fields;
}

/** Fields that must never reach the log. */
const SECRET_KEYS = new Set(['passwordHash', 'totpSecret', 'password', 'csrfToken']);
function redact(v: unknown): unknown {
  const n = normalise(v);
  if (n && typeof n === 'object' && !Array.isArray(n)) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(n)) out[k] = SECRET_KEYS.has(k) ? '[redacted]' : val;
    return out;
  }
  return n;
}

/**
 * Stands for the id in a record's canonical JSON until the database assigns it: 128 random bits
 * drawn at start, so no content can contain it (and a copy of it would be caught below).
 */
const ID_MARK = `audit-id-${randomBytes(16).toString('hex')}`;
const ID_FIELD = `"id":${JSON.stringify(ID_MARK)}`;

/**
 * A record's canonical JSON split around its id: the id is the head's next number, known only under
 * the head's lock, so the database joins head + id + tail there (audit_link_pending, migrations 0008 and 0009).
 * The top-level id is the last "id" key in key order (only ip and requestId follow it), hence lastIndexOf.
 */
export function bodyAroundId(r: Omit<HashedFields, 'id'>): { head: string; tail: string } {
  const body = canonicalJson({ ...r, id: ID_MARK, at: r.at.toISOString() });
  const at = body.lastIndexOf(ID_FIELD);
  if (at < 0 || body.indexOf(ID_FIELD) !== at) throw new Error('audit record: cannot place the id');
  return { head: body.slice(0, at) + '"id":', tail: body.slice(at + ID_FIELD.length) };
}

/**
 * Stages one audit record in the caller's transaction (audit_pending, no lock). After the commit,
 * the writer calls `database.linkAudit()` (inTx does) and answers only when it returns: the
 * linker takes the head's lock once for every record committed meanwhile and chains them in
 * staging order, so the chain has no gaps and a rolled-back transaction leaves neither record nor
 * gap. Writers never hold the head's lock themselves (migrations 0008 and 0009). The id is therefore known
 * only after linking.
 */
export async function recordAudit(tx: Tx, ctx: Pick<Ctx, 'actor' | 'ip' | 'requestId'>, action: string, entry: AuditEntry): Promise<void> {
  await tx.insert(auditPending).values({ ...auditValues(ctx, action, entry), scopes: scopesValue(entry.scope) });
}

/** The staged audit row for an entry, for writers that insert it inside a larger statement. */
export function auditValues(ctx: Pick<Ctx, 'actor' | 'ip' | 'requestId'>, action: string, entry: AuditEntry): typeof auditPending.$inferInsert {
  const fields: Omit<HashedFields, 'id'> = {
    at: clockNow(),
    actorId: ctx.actor?.userId ?? null,
    actorAccount: ctx.actor?.account ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
  };
  const { head, tail } = bodyAroundId(fields);
  // Items' units need the database (recordAudit and writeReportStep add them); without it, anyone's.
  const scopes = entry.scope && !entry.scope.items?.length ? [...new Set(entry.scope.units)] : null;
  return { bodyHead: head, bodyTail: tail, scopes };
}

export interface VerifyResult {
  intact: boolean;
  checked: number;
  firstBrokenId: string | null;
  reason: string | null;
  /** With checkpoints: how many the chain was found to pass through. */
  checkpointsMatched?: number;
  /** The checkpoint the chain no longer passes through (reason 'checkpoint'), or lies short of ('truncated'). */
  checkpoint?: { id: number; at: string };
}

/** A keyed checkpoint (server/auditCheckpoints.ts): record `id` had hash `hash` when it was written. */
export interface ChainCheckpoint {
  id: number;
  hash: string;
  at: string;
}

/**
 * Walks the whole chain in pages; names the first record whose link or content does not hold.
 * Safe while a server writes: the head is read first and the walk stops at it, so records committed
 * meanwhile are neither half-seen nor reported as a mismatch with the head (they are checked next
 * time). Records beyond the head that no head update accounts for are still reported.
 * With checkpoints (read from outside the database before this is called), the recomputed chain
 * must pass through every one of them: a record rewritten with every later hash recomputed then
 * shows as a break between the last checkpoint that still holds and the first that no longer does.
 */
export async function verifyAuditChain(db: Executor, pageSize = 2000, checkpoints?: readonly ChainCheckpoint[]): Promise<VerifyResult> {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  const lastId = head?.lastId ?? 0;
  let prevHash = '0'.repeat(64);
  let expectId = 1;
  let checked = 0;
  const byId = new Map<number, ChainCheckpoint[]>();
  for (const c of checkpoints ?? []) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
  let matched = 0;
  let lastGood = 0;
  const withCheckpoints = (r: VerifyResult): VerifyResult => (checkpoints ? { ...r, checkpointsMatched: matched } : r);
  while (expectId <= lastId) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(gte(auditLog.id, expectId), lte(auditLog.id, lastId)))
      .orderBy(asc(auditLog.id))
      .limit(pageSize);
    for (const r of rows) {
      const broken = (reason: string): VerifyResult => ({ intact: false, checked, firstBrokenId: String(r.id), reason });
      if (r.id !== expectId) return withCheckpoints({ intact: false, checked, firstBrokenId: String(expectId), reason: 'missing' });
      if (r.prevHash !== prevHash) return withCheckpoints(broken('link'));
      const hash = auditHash(prevHash, hashedFieldsOf(r));
      if (hash !== r.hash) return withCheckpoints(broken('content'));
      for (const c of byId.get(r.id) ?? []) {
        // The rewritten record is after the last checkpoint that holds and at most this one.
        if (c.hash !== hash) return withCheckpoints({ intact: false, checked: lastGood, firstBrokenId: String(lastGood + 1), reason: 'checkpoint', checkpoint: { id: c.id, at: c.at } });
        matched++;
        lastGood = r.id;
      }
      prevHash = r.hash;
      expectId++;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const truncated: VerifyResult = withCheckpoints({ intact: false, checked, firstBrokenId: String(expectId), reason: 'truncated' });
  if (head && (expectId - 1 !== lastId || head.lastHash !== prevHash)) return truncated;
  // A checkpoint beyond the head: records were removed and the head set back.
  const beyond = (checkpoints ?? []).filter((c) => c.id > lastId).sort((a, b) => a.id - b.id)[0];
  if (beyond) return { ...truncated, firstBrokenId: String(lastId + 1), checkpoint: { id: beyond.id, at: beyond.at } };
  // A record appended since is accounted for by the head as read now (same transaction), so the
  // highest id is read before the head: anything above that head was not appended through it.
  const [top] = await db.select({ id: sql<number | null>`max(${auditLog.id})` }).from(auditLog);
  const [now] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  const maxId = top?.id == null ? 0 : Number(top.id);
  if (maxId > (now?.lastId ?? 0)) return { ...truncated, firstBrokenId: String((now?.lastId ?? 0) + 1) };
  return withCheckpoints({ intact: true, checked, firstBrokenId: null, reason: null });
}

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  category?: AuditCategory | undefined;
}

/** The SQL twin of domain/auditCategories.ts `auditCategory`: the same rules, read from the same table. */
function categorySql(category: AuditCategory): SQL {
  const { include, exclude } = categoryCondition(category);
  const match = (r: { exact: readonly string[]; prefixes: readonly string[] }) =>
    or(...(r.exact.length ? [inArray(auditLog.action, [...r.exact])] : []), ...r.prefixes.map((p) => like(auditLog.action, `${escapeLike(p)}%`)))!;
  const conds = [...(include ? [match(include)] : []), ...exclude.map((r) => not(match(r)))];
  return and(...conds)!;
}

/**
 * The records an auditor of these regions reads (the region seal, issue 25): those whose actor —
 * by id, else by the account typed (a failed sign-in) — is a person of a unit of the regions; a
 * record of nobody known (a job, a public complaint, a stranger's failed sign-in) only at the top of
 * the tree (a scope holding a region with no parent), which answers for the deployment. The chain
 * stays one: `verify` walks it all and answers only whether it holds.
 */
export function auditScope(scope: RegionScope): SQL {
  const people = sql`select ${users.id} from ${users} where ${unitIn(users.unitId, scope)}`;
  const accounts = sql`select ${users.account} from ${users} where ${unitIn(users.unitId, scope)}`;
  const known = sql`select 1 from ${users} where ${users.account} = ${auditLog.actorAccount}`;
  return sql`(${auditLog.actorId} in (${people}) or (${auditLog.actorId} is null and (${auditLog.actorAccount} in (${accounts}) or (not exists (${known}) and ${holdsTop(scope)}))))`;
}

export async function listAudit(db: Executor, scope: RegionScope, f: AuditFilter, page: number, perPage: number) {
  const conds: SQL[] = [auditScope(scope)];
  if (f.actor) conds.push(ilike(auditLog.actorAccount, `%${escapeLike(f.actor)}%`));
  // Exact: the page picks an action, and 登录 (auth.login) must not bring 登录失败 along.
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.entity) conds.push(eq(auditLog.entity, f.entity));
  // A case's id is not shown to the auditor, nor may it be tried: no existence leak by filter.
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId), sql`${auditLog.entity} <> ${CASE_AUDIT_ENTITY}`);
  if (f.from) conds.push(gte(auditLog.at, new Date(f.from)));
  if (f.to) conds.push(lte(auditLog.at, new Date(f.to)));
  if (f.category) conds.push(categorySql(f.category));
  const where = and(...conds);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return { rows, total: c?.n ?? 0 };
}

export async function auditCount(db: Executor): Promise<number> {
  const [h] = await db.select().from(auditHead).where(gt(auditHead.id, 0));
  return h?.lastId ?? 0;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The staged records the linker set aside (server/db/auditLinker.ts), oldest first. */
export async function quarantinedAuditRecords(db: Executor): Promise<{ seq: number; reason: string; quarantinedAt: Date }[]> {
  return db.select({ seq: auditQuarantine.seq, reason: auditQuarantine.reason, quarantinedAt: auditQuarantine.quarantinedAt }).from(auditQuarantine).orderBy(asc(auditQuarantine.seq));
}

/** What an operator must be told while quarantined records exist (the server's start, audit:verify). */
export function quarantineNotice(rows: { seq: number; reason: string }[]): string | null {
  if (!rows.length) return null;
  return (
    `! ${rows.length} staged audit record(s) are quarantined (table audit_quarantine, staged seq ${rows.map((r) => r.seq).join(', ')}): ` +
    `PostgreSQL could not read them (${rows[0]!.reason}). The chain records each quarantine as audit.quarantined; keep the rows for the auditor.`
  );
}
