// Issue 22's figure: the 督查 ledger exported as .xlsx (GET /api/ledger.xlsx) with 20,000 entries,
// on PostgreSQL, through a real server over HTTP, as the inspector (who sees every entry).
// `npx tsx bench/ledgerExport.ts [entries]`: prints each run's time, the median and the file's size.
// A database of its own (created and dropped), a port on 127.0.0.1; about a minute on 2 cores.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/client.js';
import { makeRegion, makeUnit, makeUser } from '../server/testing/factories.js';
import { makeInspection } from '../server/testing/inspectionCalls.js';
import { makePlan, makeProgram, makeTask } from '../server/testing/workFactories.js';
import { createServerDatabase, passwordLogin, startServer } from '../scripts/serverProcess.js';
import { median, ms } from './stats.js';

const ENTRIES = Number(process.argv[2] ?? 20_000);
const UNITS = 60;
const TASKS = 300;
const RUNS = 5;
/** The issue's budget for 20,000 entries. */
const BUDGET_MS = 5_000;

/** Units, tasks, a campaign over all units, and ENTRIES entries in every state, each on one task; the inspector who exports them. */
async function fill(url: string) {
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    const region = await makeRegion(database);
    const units: string[] = [];
    for (let i = 0; i < UNITS; i++) units.push((await makeUnit(database, { regionId: region.id })).id);
    const plan = await makePlan(database, (await makeProgram(database, region.id)).id);
    const tasks: string[] = [];
    for (let i = 0; i < TASKS; i++) tasks.push((await makeTask(database, plan.id, [{ unitId: units[i % UNITS]! }], { title: `重点任务${i + 1}：推进老旧小区改造和背街小巷整治` })).id);
    const campaign = await makeInspection(database, units);
    const arr = (ids: string[]) => sql.raw(`array[${ids.map((id) => `'${id}'`).join(',')}]::uuid[]`);
    // Texts of an office's usual length; statuses, links, deadlines and units spread evenly.
    await database.db.execute(sql`
      insert into ledger_entries (inspection_id, unit_id, key_link, finding, requirement, deadline, status, measures, verdict, verify_comment, reopen_count, created_at)
      select ${campaign.id}::uuid, (${arr(units)})[1 + i % ${UNITS}], (array['planning','implementation','delivery'])[1 + i % 3],
             '第' || i || '项：项目推进台账更新不及时，部分任务进度滞后于序时进度，调度机制落实不到位',
             '建立周调度机制，按周更新台账，倒排工期、挂图作战，确保按期追上序时进度',
             to_char(date '2026-05-01' + (i % 90), 'YYYY-MM-DD'),
             (array['open','rectifying','submitted','verified','closed'])[1 + i % 5],
             case when i % 5 >= 2 then '已建立周调度机制，明确专人负责，台账按周更新并报指挥部办公室' end,
             case when i % 5 >= 3 then (array['effective','not_effective'])[1 + i % 2] end,
             case when i % 5 >= 3 then '抽查近三周台账，更新及时，整改到位' end,
             case when i % 11 = 0 and i % 5 = 1 then 1 else 0 end, now() - make_interval(secs => ${ENTRIES} - i)
        from generate_series(1, ${ENTRIES}) i`);
    await database.db.execute(sql`
      insert into ledger_items (entry_id, item_type, item_id)
      select id, 'task', (${arr(tasks)})[1 + (row_number() over (order by id))::int % ${TASKS}] from ledger_entries`);
    return await makeUser(database, [{ role: 'inspector' }], { unitId: units[0]! });
  } finally {
    await database.close();
  }
}

async function main() {
  const db = await createServerDatabase('tuijin_ledger');
  try {
    process.stderr.write(`· filling ${ENTRIES} ledger entries\n`);
    const inspector = await fill(db.url);
    const server = await startServer({ databaseUrl: db.url });
    try {
      const session = await passwordLogin(server.base, inspector.account, inspector.password);
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const res = await fetch(`${server.base}/api/ledger.xlsx`, { headers: { cookie: session.cookie } });
        const body = Buffer.from(await res.arrayBuffer());
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`export: ${res.status} ${body.toString('utf8', 0, 300)}`);
        bytes = body.length;
      }
      const med = median(times);
      console.log(`Ledger export (.xlsx) of ${ENTRIES} entries on PostgreSQL, over HTTP: runs ${times.map(ms).join(', ')}; median ${ms(med)}, ${(bytes / 1024 / 1024).toFixed(1)} MiB (budget ${ms(BUDGET_MS)} for 20,000: ${med <= BUDGET_MS ? 'met' : 'NOT met'})`);
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

await main();
