// Issue 20's figures: the daily reminder run over the bench district, the export of all its reports
// (.xlsx, streamed), and a 10,000-row 任务分解表's preview and commit, on PostgreSQL, the last two
// through a real server over HTTP with the server's memory sampled while each runs.
// `npx tsx bench/importExport.ts`: a database of its own (created and dropped), a port on 127.0.0.1;
// about three minutes on 2 cores, most of it generating the district.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { shanghaiDate } from '../domain/calendar/days.js';
import { openDatabase } from '../server/db/client.js';
import { sendReminders } from '../server/jobs/reminderJob.js';
import { createServerDatabase, DEMO_PASSWORD, freePort, passwordLogin, startServer, type HttpSession } from '../scripts/serverProcess.js';
import { DISTRICT, generateDistrict, HQ_ACCOUNT } from './generate.js';
import { processCpuMs } from './procCpu.js';
import { median, ms } from './stats.js';

const ROWS = 10_000;
const REMINDER_RUNS = 3;
const BUDGET = { reminders: 2_000, exportMs: 20_000, exportMb: 300, previewMs: 5_000, commitMs: 5_000 };

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
/** Resident memory of a process in kB (VmRSS). */
const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

/** Runs `work` while sampling the process's resident memory every 20 ms: its time, peak and the RSS before. */
async function sampled<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; ms: number; peakKb: number; beforeKb: number; cpuMs: number }> {
  const beforeKb = rssKb(pid);
  let peakKb = beforeKb;
  const timer = setInterval(() => (peakKb = Math.max(peakKb, rssKb(pid))), 20);
  const cpu0 = processCpuMs(pid);
  const t = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - t, peakKb: Math.max(peakKb, rssKb(pid)), beforeKb, cpuMs: processCpuMs(pid) - cpu0 };
  } finally {
    clearInterval(timer);
  }
}

/** A 任务分解表 of `rows` rows as offices write it: title, header, 序号 1, 1.1 … 1.9, units from the district, deadlines in their words. */
async function bigSheet(units: string[], rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解表');
  ws.addRow(['2027年重点工作任务分解表']);
  ws.addRow(['序号', '重点任务', '牵头单位', '配合单位', '完成时限', '备注']);
  const deadlines = ['2027年6月底前', '2027年第三季度', '每月10日前', '长期坚持', '2027年底前', '季后15日前'];
  for (let i = 0; i < rows; i++) {
    const root = Math.floor(i / 10) + 1;
    const child = i % 10;
    ws.addRow([
      child === 0 ? String(root) : `${root}.${child}`,
      child === 0 ? `推进第${root}项重点工作` : `落实第${root}项工作的第${child}条措施，完成年度目标任务`,
      units[(i * 7) % units.length],
      `${units[(i * 11 + 1) % units.length]}、${units[(i * 13 + 2) % units.length]}`,
      deadlines[i % deadlines.length],
      child === 0 ? '' : '按季度报送进展',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function request(base: string, s: HttpSession, method: string, url: string, body?: FormData): Promise<{ status: number; json: any }> {
  const r = await fetch(base + url, { method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, ...(body ? { body } : {}) });
  const text = await r.text();
  return { status: r.status, json: text.startsWith('{') ? JSON.parse(text) : text };
}

async function main() {
  const db = await createServerDatabase('tuijin_io');
  try {
    const database = await openDatabase({ databaseUrl: db.url, poolSize: 2 });
    const t0 = performance.now();
    await generateDistrict(database, DEMO_PASSWORD, DISTRICT);
    const counts = (await database.db.execute(sql`select (select count(*) from reports)::int as reports, (select count(*) from tasks)::int as tasks, (select count(*) from users)::int as users`)) as unknown as {
      rows: { reports: number; tasks: number; users: number }[];
    };
    const c = counts.rows[0]!;
    console.log(`district: ${c.tasks} tasks, ${c.users} users, ${c.reports} reports (generated in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);

    // The reminder run's work inside its transaction, rolled back so that each run decides the same day afresh.
    const today = shanghaiDate(new Date());
    const runs: number[] = [];
    let last = { digests: 0, items: 0 };
    for (let i = 0; i < REMINDER_RUNS; i++) {
      const t = performance.now();
      await database.db
        .transaction(async (tx) => {
          last = await sendReminders(tx, today);
          runs.push(performance.now() - t);
          tx.rollback();
        })
        .catch(() => undefined);
    }
    console.log(`daily reminder run: ${last.digests} digests, ${last.items} items; runs ${runs.map(ms).join(', ')}; median ${ms(median(runs))} (budget ${ms(BUDGET.reminders)})`);
    const units = ((await database.db.execute(sql`select name from org_units order by code`)) as unknown as { rows: { name: string }[] }).rows.map((r) => r.name);
    await database.close();

    const server = await startServer({ databaseUrl: db.url }, { port: await freePort(3200, 3299) });
    try {
      const pid = server.child.pid!;
      const hq = await passwordLogin(server.base, HQ_ACCOUNT);
      // Warm: the first request compiles the routes' code paths.
      await request(server.base, hq, 'GET', '/api/exports/reports.xlsx?period=2024-01');

      const exp = await sampled(pid, async () => {
        const r = await fetch(`${server.base}/api/exports/reports.xlsx`, { headers: { cookie: hq.cookie } });
        let bytes = 0;
        let first = NaN;
        const t = performance.now();
        for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
          if (!bytes) first = performance.now() - t;
          bytes += chunk.length;
        }
        return { status: r.status, bytes, first };
      });
      console.log(
        `reports export (all ${c.reports}): HTTP ${exp.result.status}, ${(exp.result.bytes / 1048576).toFixed(1)} MB, first bytes after ${ms(exp.result.first)}, done in ${ms(exp.ms)} (budget ${ms(BUDGET.exportMs)}); ` +
          `server RSS ${mb(exp.beforeKb)} before, peak ${mb(exp.peakKb)} (budget ${BUDGET.exportMb} MB); server CPU ${ms(exp.cpuMs)}`,
      );

      const programs = await request(server.base, hq, 'GET', '/api/programs');
      const plan = await fetch(`${server.base}/api/plans`, {
        method: 'POST',
        headers: { cookie: hq.cookie, 'x-csrf-token': hq.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ programId: programs.json.data[0].id, kind: 'special', code: 'IMPORT10K', title: '一万行导入方案' }),
      }).then((r) => r.json() as Promise<{ data: { id: string } }>);
      const sheet = await bigSheet(units, ROWS);
      const form = () => {
        const f = new FormData();
        f.set('planId', plan.data.id);
        f.set('file', new Blob([new Uint8Array(sheet)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), '任务分解表.xlsx');
        return f;
      };
      const preview = await sampled(pid, () => request(server.base, hq, 'POST', '/api/imports/tasks/preview', form()));
      if (preview.result.status !== 200) throw new Error(`preview: ${preview.result.status} ${JSON.stringify(preview.result.json).slice(0, 300)}`);
      const p = preview.result.json.data as { previewId: string; rows: { errors: unknown[] }[] };
      const withErrors = p.rows.filter((r) => r.errors.length).length;
      console.log(
        `import preview (${ROWS} rows, ${(sheet.length / 1024).toFixed(0)} KB): ${ms(preview.ms)} (budget ${ms(BUDGET.previewMs)}), ${p.rows.length} rows, ${withErrors} with errors; ` +
          `server RSS ${mb(preview.beforeKb)} before, peak ${mb(preview.peakKb)}; server CPU ${ms(preview.cpuMs)}`,
      );
      const commit = await sampled(pid, () => request(server.base, hq, 'POST', `/api/imports/${p.previewId}/commit`));
      if (commit.result.status !== 200) throw new Error(`commit: ${commit.result.status} ${JSON.stringify(commit.result.json).slice(0, 300)}`);
      console.log(`import commit (${ROWS} tasks): ${ms(commit.ms)} (budget ${ms(BUDGET.commitMs)}); server RSS peak ${mb(commit.peakKb)}; server CPU ${ms(commit.cpuMs)}`);
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

await main();
