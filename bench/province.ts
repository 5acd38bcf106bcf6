// Issue 25's province at scale: a province of cities of districts in one PostgreSQL database, each
// district the bench district of bench/generate.ts (1,500 tasks, ~240,000 reports), its ids, codes
// and accounts prefixed `p<k>_`; a province office whose HQ reads every district summed. Measured:
// a district's reads (the HQ task list, a liaison's workbench, the district dashboard) and the
// province's dashboard through the API beside the same statements bare through the driver (issue
// 25: API p50 ≤ 2× bare), and the province dashboard's p95 computed (budget ≤ 300 ms).
// `npm run bench -- --only=province [--districts=20]` (bench/run.ts); `--districts=2` for a quick look.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../server/db/client.js';
import { hashPassword } from '../server/security/passwords.js';
import { ADMIN_DATABASE_URL, createServerDatabase, DEMO_PASSWORD, passwordLogin, startServer, type ServerProcess } from '../scripts/serverProcess.js';
import { measureBare, type BareRow, type Read } from './bareReads.js';
import { benchId, DISTRICT, finishGenerated, generateDistrict, HQ_ACCOUNT, liaisonAccount, type Scale } from './generate.js';
import { ms, percentile } from './stats.js';
import { getAsWrk } from './wrk.js';

export interface ProvinceShape {
  districts: number;
  /** Districts per city (the last city takes what is left). */
  perCity: number;
}

export const PROVINCE: ProvinceShape = { districts: 20, perCity: 5 };
export const PROVINCE_HQ = 'prov_hq';
/** A district's accounts and codes carry its prefix (bench/generate.ts DistrictPlace). */
export const districtNs = (k: number) => `p${k}_`;
const DASHBOARD_BUDGET_MS = 300;

/** The province, its cities, its office and account, then each district in its own transaction, then lights and statistics once. */
export async function generateProvince(database: Database, password: string, shape: ProvinceShape = PROVINCE, scale: Scale = DISTRICT, log: (s: string) => void = () => {}) {
  const t0 = performance.now();
  const provinceId = benchId('bprov', 1);
  const cities = Math.ceil(shape.districts / shape.perCity);
  const hash = await hashPassword(password);
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`insert into regions (id, code, name, kind) values (${provinceId}::uuid, 'bench-prov', '基准省', 'province')`);
    for (let c = 1; c <= cities; c++) {
      await tx.execute(sql`insert into regions (id, code, name, kind, parent_id) values (${benchId('bcity', c)}::uuid, ${`bench-city-${c}`}, ${`基准${c}市`}, 'city', ${provinceId}::uuid)`);
    }
    const unitId = benchId('bprovu', 1);
    const userId = benchId('bprovs', 1);
    await tx.execute(sql`insert into org_units (id, region_id, code, name, kind, sort) values (${unitId}::uuid, ${provinceId}::uuid, 'PROV-U1', '省推进办', 'committee', 0)`);
    await tx.execute(sql`insert into users (id, account, display_name, unit_id, password_hash, must_change_password) values (${userId}::uuid, ${PROVINCE_HQ}, '省推进办', ${unitId}::uuid, ${hash}, false)`);
    await tx.execute(sql`insert into user_roles (user_id, role) values (${userId}::uuid, 'hq_office')`);
  });
  const perDistrict: number[] = [];
  for (let k = 1; k <= shape.districts; k++) {
    const g = await generateDistrict(database, password, scale, () => {}, { ns: districtNs(k), parentId: benchId('bcity', Math.ceil(k / shape.perCity)), name: `基准${k}区` });
    perDistrict.push(g.ms);
    log(`province: district ${k} of ${shape.districts} in ${(g.ms / 1000).toFixed(1)} s`);
  }
  log('province: lights (the midnight job) and vacuum analyze…');
  const finished = await finishGenerated(database);
  return { counts: finished.counts, ms: performance.now() - t0, perDistrict, phases: finished.phases };
}

/** The four reads measured: a district's HQ task list, its first unit's liaison's workbench, its dashboard, and the province's dashboard. */
async function provinceReads(s: ServerProcess): Promise<Read[]> {
  const ns = districtNs(1);
  const [hq, liaison, province] = await Promise.all([passwordLogin(s.base, ns + HQ_ACCOUNT), passwordLogin(s.base, ns + liaisonAccount(1)), passwordLogin(s.base, PROVINCE_HQ)]);
  for (const [who, session] of [
    [ns + HQ_ACCOUNT, hq],
    [ns + liaisonAccount(1), liaison],
    [PROVINCE_HQ, province],
  ] as const) {
    if (session.stage !== 'ok') throw new Error(`login ${who} ended at stage ${session.stage}`);
  }
  const reads: Read[] = [
    { name: 'District HQ task list (page 1 of 50)', url: '/api/tasks?perPage=50', cookie: hq.cookie },
    { name: 'Unit workbench (a liaison)', url: '/api/workbench/unit', cookie: liaison.cookie },
    { name: 'District dashboard', url: '/api/dashboard', cookie: hq.cookie },
    { name: 'Province dashboard (all districts summed)', url: '/api/dashboard', cookie: province.cookie },
  ];
  // Each answers, and the province's counts more than the district's.
  const tasks = (d: unknown) => Object.values((d as { data: { lights: { task: Record<string, number> } } }).data.lights.task).reduce((a, b) => a + b, 0);
  const [district, whole] = [tasks(await getAsWrk(s.base, '/api/dashboard', hq.cookie)), tasks(await getAsWrk(s.base, '/api/dashboard', province.cookie))];
  if (!(whole > district && district > 0)) throw new Error(`province dashboard counts ${whole} tasks, a district's ${district}`);
  for (const r of reads.slice(0, 2)) await getAsWrk(s.base, r.url, r.cookie);
  // Same URL twice: the bare replay keys statements by URL, so the province's dashboard gets its own.
  reads[3]!.url = '/api/dashboard?period=month';
  return reads;
}

/** The province dashboard, each reply computed (no kept replies), one after another: p50 and p95 at the client. */
async function provinceDashboardTimes(target: { databaseUrl: string }, port: number, n = 40) {
  const s = await startServer(target, { port, timeoutMs: 180_000, env: { TUIJIN_KEPT_REPLIES: '0' } });
  try {
    const session = await passwordLogin(s.base, PROVINCE_HQ);
    for (let i = 0; i < 3; i++) await getAsWrk(s.base, '/api/dashboard', session.cookie);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await getAsWrk(s.base, '/api/dashboard', session.cookie);
      times.push(performance.now() - t);
    }
    return { p50: percentile(times, 50), p95: percentile(times, 95), n };
  } finally {
    await s.stop();
  }
}

export interface ProvinceOptions {
  say: (s?: string) => void;
  progress: (s: string) => void;
  port: () => Promise<number>;
  tmp: string;
  argv: string[];
}

export async function provinceSection(o: ProvinceOptions): Promise<void> {
  const districts = Number(o.argv.find((a) => a.startsWith('--districts='))?.slice('--districts='.length) ?? PROVINCE.districts);
  const shape: ProvinceShape = { ...PROVINCE, districts };
  // `--keep-db=NAME`: generate once into NAME and keep it; a later run with the same NAME measures it again (tuning query plans takes many runs, generating ~10 min).
  const keep = o.argv.find((a) => a.startsWith('--keep-db='))?.slice('--keep-db='.length);
  if (keep !== undefined && !/^[a-z_][a-z0-9_]*$/.test(keep)) throw new Error(`--keep-db: "${keep}" is not a plain lower-case database name`);
  const db = keep ? await keptServerDatabase(keep) : { ...(await createServerDatabase('tuijin_province')), existed: false };
  try {
    let generated: Awaited<ReturnType<typeof generateProvince>> | undefined;
    if (!db.existed) {
      o.progress(`province: generating ${districts} districts on PostgreSQL…`);
      const database = await openDatabase({ databaseUrl: db.url, poolSize: 2 });
      generated = await generateProvince(database, DEMO_PASSWORD, shape, DISTRICT, o.progress);
      await database.close();
    } else o.progress(`province: measuring the kept database ${keep}`);
    const target = { databaseUrl: db.url };
    const rows: BareRow[] = await measureBare({ target }, o.port, o.tmp, o.progress, provinceReads);
    const dash = await provinceDashboardTimes(target, await o.port());
    o.say(`### Issue 25: a province of ${districts} districts on PostgreSQL`);
    o.say();
    if (generated) {
      const c = generated.counts;
      o.say(
      `Province: ${Math.ceil(districts / shape.perCity)} cities, ${districts} districts; ${c.tasks?.toLocaleString('en')} tasks, ${c.targets} targets, ${c.projects} projects, ${c.org_units} units, ` +
        `${c.users?.toLocaleString('en')} users, ${c.reports?.toLocaleString('en')} reports with ${c.report_steps?.toLocaleString('en')} steps. Generated in ${(generated.ms / 1000).toFixed(0)} s ` +
          `(districts ${generated.perDistrict.map((x) => (x / 1000).toFixed(0)).join(', ')} s; lights ${(generated.phases.lights! / 1000).toFixed(0)} s, reminders ${(generated.phases.reminders! / 1000).toFixed(0)} s, vacuum ${(generated.phases.vacuum! / 1000).toFixed(0)} s).`,
      );
    } else o.say(`Province: the database kept by an earlier run (\`--keep-db=${keep}\`), not generated again.`);
    o.say();
    o.say('| Read (one connection) | Statements | Bare p50 | API p50 computed | ratio (≤ 2×) | API p50 kept | Server CPU/req computed |');
    o.say('|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const ratio = r.computedP50 / r.bareP50;
      o.say(`| ${r.name} | ${r.statements} (+${r.sessionStatements}) | ${ms(r.bareP50)} | ${ms(r.computedP50)} | ${ratio.toFixed(2)}× ${ratio <= 2 ? '✓' : '✗ miss'} | ${ms(r.keptP50)} | ${ms(r.computedServerCpu)} |`);
    }
    o.say();
    o.say(
      `Province dashboard, every reply computed, ${dash.n} one after another: p50 ${ms(dash.p50)}, **p95 ${ms(dash.p95)}** (budget ≤ ${DASHBOARD_BUDGET_MS} ms ${dash.p95 <= DASHBOARD_BUDGET_MS ? '✓' : '✗ miss'}).`,
    );
    o.say();
  } finally {
    if (!keep) await db.drop().catch(() => {});
  }
}

/** NAME on the server, created when missing; `existed` says whether an earlier run generated it (its province office is there). */
export async function keptServerDatabase(name: string): Promise<{ url: string; existed: boolean; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  const found = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!found) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(ADMIN_DATABASE_URL);
  u.pathname = `/${name}`;
  let existed = false;
  if (found) {
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    existed = (await c.query("select 1 from users where account = $1", [PROVINCE_HQ]).catch(() => ({ rowCount: 0 }))).rowCount === 1;
    await c.end();
    if (!existed) throw new Error(`--keep-db=${name}: the database is there but holds no province (an interrupted run?); drop it and run again`);
  }
  return { url: u.toString(), existed, drop: async () => {} };
}
