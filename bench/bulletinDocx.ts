// Issue 22's figure: a 督查通报 for a quarter as .docx, on PostgreSQL, through a real server over
// HTTP, as the inspector: the draft written from the quarter's ledger and the lights (POST
// /api/bulletins), its issue (the .docx generated once, frozen and hashed) and its download.
// `npx tsx bench/bulletinDocx.ts [entries]`: prints each run's times and the medians.
// A database of its own (created and dropped), a port on 127.0.0.1; well under a minute on 2 cores.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/client.js';
import { makeRegion, makeUnit, makeUser } from '../server/testing/factories.js';
import { makeInspection } from '../server/testing/inspectionCalls.js';
import { makePlan, makeProgram, makeTask } from '../server/testing/workFactories.js';
import { createServerDatabase, passwordLogin, startServer } from '../scripts/serverProcess.js';
import { median, ms } from './stats.js';

/** A busy quarter: findings at every unit, many of them late, hundreds of red or overdue items. */
const ENTRIES = Number(process.argv[2] ?? 5_000);
const UNITS = 60;
const TASKS = 600;
const RUNS = 5;
/** The issue's budget for a quarter's bulletin. */
const BUDGET_MS = 1_000;
const FROM = '2026-04-01';
const TO = '2026-06-30';

async function fill(url: string) {
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    const region = await makeRegion(database);
    const units: string[] = [];
    for (let i = 0; i < UNITS; i++) units.push((await makeUnit(database, { regionId: region.id })).id);
    const plan = await makePlan(database, (await makeProgram(database, region.id)).id);
    // Every third task red and overdue, answerable by its lead unit.
    for (let i = 0; i < TASKS; i++) {
      const unitId = units[i % UNITS]!;
      const late = i % 3 === 0;
      await makeTask(database, plan.id, [{ unitId }], { leadUnitId: unitId, title: `重点任务${i + 1}`, ...(late ? { light: 'red', lightReasons: [{ code: 'overdue', level: 'red', params: { workdays: 1 + (i % 20) } }] } : {}) });
    }
    const campaign = await makeInspection(database, units, { periodFrom: FROM, periodTo: TO });
    const arr = (ids: string[]) => sql.raw(`array[${ids.map((id) => `'${id}'`).join(',')}]::uuid[]`);
    await database.db.execute(sql`
      insert into ledger_entries (inspection_id, unit_id, key_link, finding, requirement, deadline, status, measures, verdict, rectified_at, closed_at, created_at)
      select ${campaign.id}::uuid, (${arr(units)})[1 + i % ${UNITS}], (array['planning','implementation','delivery'])[1 + i % 3],
             '第' || i || '项：项目推进台账更新不及时，部分任务进度滞后于序时进度',
             '建立周调度机制，按周更新台账，倒排工期、挂图作战',
             to_char(date '2026-04-10' + (i % 80), 'YYYY-MM-DD'),
             (array['open','rectifying','submitted','verified','closed'])[1 + i % 5],
             case when i % 5 >= 2 then '已建立周调度机制' end,
             case when i % 5 >= 3 then (array['effective','not_effective'])[1 + i % 2] end,
             case when i % 5 >= 2 then timestamptz '2026-04-05 10:00+08' + make_interval(days => i % 80) end,
             case when i % 5 = 4 then timestamptz '2026-04-20 10:00+08' + make_interval(days => i % 60) end,
             timestamptz '2026-04-01 09:00+08' + make_interval(mins => i * 20)
        from generate_series(1, ${ENTRIES}) i`);
    await database.db.execute(sql`update ledger_entries set verdict = 'effective' where status = 'closed'`);
    return await makeUser(database, [{ role: 'inspector' }], { unitId: units[0]! });
  } finally {
    await database.close();
  }
}

async function main() {
  const db = await createServerDatabase('tuijin_bulletin');
  try {
    process.stderr.write(`· filling ${ENTRIES} ledger entries and ${TASKS} tasks\n`);
    const inspector = await fill(db.url);
    const server = await startServer({ databaseUrl: db.url });
    try {
      const session = await passwordLogin(server.base, inspector.account, inspector.password);
      const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' };
      const draft: number[] = [];
      const issue: number[] = [];
      const download: number[] = [];
      const total: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const made = await fetch(`${server.base}/api/bulletins`, { method: 'POST', headers, body: JSON.stringify({ periodFrom: FROM, periodTo: TO }) });
        const body = (await made.json()) as { data: { id: string; version: number } };
        if (made.status !== 200) throw new Error(`draft: ${made.status} ${JSON.stringify(body).slice(0, 300)}`);
        const t1 = performance.now();
        const issued = await fetch(`${server.base}/api/bulletins/${body.data.id}/issue`, { method: 'POST', headers, body: JSON.stringify({ version: body.data.version }) });
        if (issued.status !== 200) throw new Error(`issue: ${issued.status} ${(await issued.text()).slice(0, 300)}`);
        await issued.arrayBuffer();
        const t2 = performance.now();
        const file = await fetch(`${server.base}/api/bulletins/${body.data.id}.docx`, { headers: { cookie: session.cookie } });
        bytes = (await file.arrayBuffer()).byteLength;
        const t3 = performance.now();
        draft.push(t1 - t0);
        issue.push(t2 - t1);
        download.push(t3 - t2);
        total.push(t3 - t0);
      }
      const med = median(total);
      console.log(
        `Bulletin (.docx) for a quarter of ${ENTRIES} ledger entries and ${TASKS} tasks on PostgreSQL, over HTTP: ` +
          `draft from the ledger median ${ms(median(draft))}, issue (generate, hash, store) ${ms(median(issue))}, download ${ms(median(download))}; ` +
          `all three ${total.map(ms).join(', ')}, median ${ms(med)}, ${(bytes / 1024).toFixed(0)} KiB (budget ${ms(BUDGET_MS)}: ${med <= BUDGET_MS ? 'met' : 'NOT met'})`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

await main();
