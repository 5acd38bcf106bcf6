// Issue 23's figure: scoring a full year for all units with explanations, on PostgreSQL, on the
// bench district (bench/generate.ts DISTRICT: 120 units, 1,500 tasks, 80 targets, 300 projects and
// the report history since 2024). Runs the command itself (computeResult: every fact gathered
// set-based, the engine, the frozen result written with its audit record) for both categories.
// `npx tsx bench/assessment.ts`: prints each run's time and the median; a database of its own.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { computeResult } from '../server/commands/assessments/computeResult.js';
import { storeResult } from '../server/commands/assessments/storeResult.js';
import { createScheme } from '../server/commands/assessments/saveScheme.js';
import type { Ctx } from '../server/context.js';
import { openDatabase } from '../server/db/client.js';
import { regions } from '../server/db/schema/index.js';
import { createServerDatabase } from '../scripts/serverProcess.js';
import { gatherFacts } from '../server/queries/assessments/facts.js';
import { loadCalendar } from '../server/queries/calendar.js';
import { assessCategory } from '../domain/scoring/rank.js';
import { DEFAULT_RULES } from '../domain/scoring/scheme.js';
import { DISTRICT, generateDistrict } from './generate.js';
import { median, ms } from './stats.js';
import { processCpuMs } from './procCpu.js';

const RUNS = 5;
const BUDGET_MS = 2_000;
const YEAR = Number(new Date().toISOString().slice(0, 4));
const INDICATORS = [
  { kind: 'reporting_on_time', weight: '25' },
  { kind: 'task_delivery', weight: '20' },
  { kind: 'target_achievement', weight: '15' },
  { kind: 'project_investment', weight: '10' },
  { kind: 'rectification_on_time', weight: '10' },
  { kind: 'blockers_solved', weight: '5' },
  { kind: 'dispatch_replies', weight: '5' },
  { kind: 'leader_evaluation', weight: '10' },
] as const;

async function main() {
  const db = await createServerDatabase('tuijin_assessment');
  const database = await openDatabase({ databaseUrl: db.url, poolSize: 4 });
  try {
    process.stderr.write('· generating the bench district\n');
    await generateDistrict(database, 'Bench-Pass-2026', DISTRICT);
    const ctx: Ctx = {
      database,
      // Every region: the bench scores the whole database it generated.
      actor: { userId: randomUUID(), account: 'bench_assessor', unitId: randomUUID(), roles: [{ role: 'assessor', unitId: null, bodyId: null }], regionIds: (await database.db.select({ id: regions.id }).from(regions)).map((r) => r.id) },
      ip: null,
      requestId: 'bench',
      lang: 'zh-CN',
      sessionId: null,
    };
    const schemes: Awaited<ReturnType<typeof createScheme>>[] = [];
    for (const category of ['departments', 'streets_towns'] as const) schemes.push(await createScheme(ctx, { year: YEAR, category, name: `${YEAR}年度考核`, indicators: [...INDICATORS] }));
    const times: number[] = [];
    const nodeCpu: number[] = [];
    const pgCpu: number[] = [];
    let units = 0;
    let facts = 0;
    // CPU per run: this process's, and that of the PostgreSQL backends serving its pool (a compute
    // runs in one transaction, so on one of them; parallel scan workers come and go and are not counted).
    const backends = async () =>
      ((await database.db.execute(sql`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`)) as unknown as { rows: { pid: number }[] }).rows.map((r) => Number(r.pid));
    const backendCpu = (pids: number[]) => pids.reduce((sum, pid) => sum + (processCpuMs(pid) || 0), 0);
    for (let i = 0; i < RUNS; i++) {
      const before = await backends();
      const p0 = backendCpu(before);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (const s of schemes) await computeResult(ctx, s.id, String(YEAR));
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      nodeCpu.push((c.user + c.system) / 1000);
      // A connection the pool opened during the run counts whole; one it closed is lost (none: back to back).
      pgCpu.push(backendCpu([...new Set([...before, ...(await backends())])]) - p0);
    }
    const { rows } = (await database.db.execute(
      sql`select count(*) as units, sum((select count(*) from json_array_elements(u.breakdown->'indicators') i, json_array_elements(i->'facts') f)) as facts
            from assessment_result_units u join assessment_results r on r.id = u.result_id where r.revision = 1 group by r.id`,
    )) as unknown as { rows: { units: number; facts: string }[] };
    for (const r of rows) {
      units += Number(r.units);
      facts += Number(r.facts);
    }
    // Where the time goes: the facts read, the engine, the rest (the frozen result written).
    const cal = await loadCalendar(database.db);
    const tf = performance.now();
    const gathered: Awaited<ReturnType<typeof gatherFacts>>[] = [];
    for (const s of schemes) gathered.push(await gatherFacts(database.db, s.id, s.regionId, s.category as 'departments', String(YEAR), cal));
    const te = performance.now();
    const scored = schemes.map((s, i) => assessCategory({ year: YEAR, category: s.category as 'departments', indicators: [...INDICATORS], rules: DEFAULT_RULES }, gathered[i]!, `${YEAR}-12-31`, cal));
    const tj = performance.now();
    const bytes = JSON.stringify(scored).length;
    const tw = performance.now();
    // The write alone: the result and its 120 unit rows (what computeResult adds to the two phases above).
    await database.db.transaction(async (tx) => {
      for (const [i, s] of schemes.entries()) await storeResult(tx, { schemeId: s.id, period: String(YEAR), revision: 100, schemeVersion: 1, indicators: [...INDICATORS], rules: DEFAULT_RULES, asOf: `${YEAR}-12-31` }, scored[i]!);
    });
    const tt = performance.now();
    console.log(`phases: facts ${ms(te - tf)}, engine ${ms(tj - te)}, JSON ${(bytes / 1e6).toFixed(1)} MB (${ms(tw - tj)} to serialise), writing the result and its unit rows ${ms(tt - tw)}`);
    console.log(`year ${YEAR}, both categories: ${units} units, ${facts} facts explained`);
    console.log(`runs: ${times.map(ms).join(', ')}`);
    console.log(`CPU per run, Node: ${nodeCpu.map(ms).join(', ')} (median ${ms(median(nodeCpu))}); PostgreSQL backend: ${pgCpu.map(ms).join(', ')} (median ${ms(median(pgCpu))})`);
    const m = median(times);
    console.log(`median ${ms(m)} (budget ${ms(BUDGET_MS)}): ${m <= BUDGET_MS ? 'within' : 'OVER'}`);
  } finally {
    await database.close();
    await db.drop();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
