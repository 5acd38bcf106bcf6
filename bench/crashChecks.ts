// The crash drill's checks on the database itself (bench/crashDrill.ts), the server stopped or
// killed: every acknowledged write present, nothing orphaned, the audit chain intact through its
// keyed checkpoints (`npm run audit:verify`'s own check).
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../server/db/client.js';
import { runAuditVerify } from '../scripts/auditVerifyRun.js';
import type { ServerTarget } from '../scripts/serverProcess.js';

/** The acknowledged writes so far, over all rounds. */
export interface Ledger {
  uploads: Map<string, { account: string; name: string }>;
  creates: Map<string, { percent: string; evidence?: string }>;
  submits: Set<string>;
  taskIds: string[];
}

export interface CheckResult {
  missing: string[];
  orphans: Record<string, number>;
  staged: number;
  chain: string;
  chainOk: boolean;
  ms: number;
}

async function rows<T>(db: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

/** The checks on the database itself, the server stopped or killed. `final`: after a clean stop, nothing may be left staged. */
export async function checkDatabase(target: ServerTarget, ledger: Ledger, final: boolean): Promise<CheckResult> {
  const t0 = performance.now();
  const missing: string[] = [];
  const orphans: Record<string, number> = {};
  const database = await openDatabase({ ...target, poolSize: 2, migrate: false });
  let staged = 0;
  try {
    const db = database.db;
    const json = (v: unknown) => JSON.stringify(v);
    const reportIds = [...ledger.creates.keys()];
    const found = new Map(
      (await rows<{ id: string; percent: string; status: string; steps: number; files: string[] }>(
        db,
        sql`select r.id, r.percent::text as percent, r.status,
              (select count(*)::int from report_steps s where s.report_id = r.id and s.action = 'submit') as steps,
              coalesce((select array_agg(e.sha256) from report_evidence e where e.report_id = r.id), '{}') as files
            from reports r where r.id::text in (select jsonb_array_elements_text(${json(reportIds)}::jsonb))`,
      )).map((r) => [r.id, r]),
    );
    for (const [id, want] of ledger.creates) {
      const r = found.get(id);
      if (!r) missing.push(`report ${id} (its draft was answered 200)`);
      else {
        if (Number(r.percent) !== Number(want.percent)) missing.push(`report ${id}: percent ${r.percent}, answered ${want.percent}`);
        if (want.evidence && !r.files.includes(want.evidence)) missing.push(`report ${id}: its evidence ${want.evidence.slice(0, 12)}… is not attached`);
      }
    }
    for (const id of ledger.submits) {
      const r = found.get(id);
      if (r && (r.status !== 'submitted' || r.steps !== 1)) missing.push(`report ${id}: submission answered 200, now ${r.status} with ${r.steps} submit step(s)`);
    }
    const uploads = new Set(
      (await rows<{ key: string }>(
        db,
        sql`select u.sha256 || ' ' || us.account as key from evidence_uploads u join users us on us.id = u.user_id join evidence e on e.sha256 = u.sha256
            where u.sha256 in (select jsonb_array_elements_text(${json([...ledger.uploads.keys()])}::jsonb))`,
      )).map((r) => r.key),
    );
    for (const [sha, u] of ledger.uploads) if (!uploads.has(`${sha} ${u.account}`)) missing.push(`evidence ${sha.slice(0, 12)}… uploaded by ${u.account}`);

    const tasks = json(ledger.taskIds);
    const drillReports = sql`(select id from reports where item_id::text in (select jsonb_array_elements_text(${tasks}::jsonb)))`;
    // An audit record of the write, linked or (after a kill) still staged for the linker.
    const audited = (action: string, id: ReturnType<typeof sql>) =>
      sql`(exists (select 1 from audit_log a where a.entity = 'report' and a.action = ${action} and a.entity_id = ${id}::text)
           or exists (select 1 from audit_pending p where p.body_head like '%' || ${action} || '%' and (p.body_head || p.body_tail) like '%' || ${id}::text || '%'))`;
    const counts: [string, ReturnType<typeof sql>][] = [
      ['submit steps without their report', sql`select count(*)::int as n from report_steps s where not exists (select 1 from reports r where r.id = s.report_id)`],
      ['evidence links without their report', sql`select count(*)::int as n from report_evidence e where not exists (select 1 from reports r where r.id = e.report_id)`],
      ['evidence links without their file', sql`select count(*)::int as n from report_evidence e where not exists (select 1 from evidence f where f.sha256 = e.sha256)`],
      ['uploads without their file', sql`select count(*)::int as n from evidence_uploads u where not exists (select 1 from evidence f where f.sha256 = u.sha256)`],
      ['files whose bytes are not their hash or size', sql`select count(*)::int as n from evidence where octet_length(content) <> size or encode(sha256(content), 'hex') <> sha256`],
      ['drill reports without their report.created record', sql`select count(*)::int as n from reports r where r.id in ${drillReports} and not ${audited('report.created', sql`r.id`)}`],
      ['drill submissions without their report.submitted record', sql`select count(*)::int as n from report_steps s where s.action = 'submit' and s.report_id in ${drillReports} and not ${audited('report.submitted', sql`s.report_id`)}`],
      ['submitted drill reports without their step', sql`select count(*)::int as n from reports r where r.id in ${drillReports} and r.status = 'submitted' and not exists (select 1 from report_steps s where s.report_id = r.id and s.action = 'submit')`],
      ['report.created records of a report that is not there', sql`select count(*)::int as n from audit_log a where a.action = 'report.created' and not exists (select 1 from reports r where r.id::text = a.entity_id)`],
      [
        'kept answers naming a report that is not there',
        sql`select count(*)::int as n from idempotency_keys k where k.status = 200 and k.body like '{"data":{"id":"%' and (k.body::jsonb -> 'data') ?& array['itemType', 'period', 'unitId']
              and not exists (select 1 from reports r where r.id::text = k.body::jsonb -> 'data' ->> 'id')`,
      ],
      ['audit records quarantined', sql`select count(*)::int as n from audit_quarantine`],
    ];
    for (const [what, q] of counts) orphans[what] = (await rows<{ n: number }>(db, q))[0]!.n;
    staged = (await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_pending`))[0]!.n;
    if (final) orphans['audit records still staged after a restart and a clean stop'] = staged;
  } finally {
    await database.close();
  }
  // `npm run audit:verify` itself, on the same settings as the server's (its key and checkpoints in DATA_DIR).
  const lines: string[] = [];
  const out = { log: (s: string) => lines.push(s), warn: (s: string) => lines.push(s), error: (s: string) => lines.push(s) };
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: target.dataDir };
  delete env.DATABASE_URL;
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  const code = await runAuditVerify(env, out);
  const chain = lines.find((l) => l.startsWith('Audit chain')) ?? lines.join(' ');
  return { missing, orphans, staged, chain: chain.replace(/ \((embedded|PostgreSQL) [^)]*\)/, ''), chainOk: code === 0, ms: performance.now() - t0 };
}

export const orphanTotal = (c: CheckResult) => Object.values(c.orphans).reduce((a, b) => a + b, 0);
export const orphanText = (c: CheckResult) => {
  const bad = Object.entries(c.orphans).filter(([, n]) => n > 0);
  return bad.length ? bad.map(([w, n]) => `${n} ${w}`).join('; ') : '0';
};
