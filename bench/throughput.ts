// Issue 19's figures: requests per second the server carries on the bench district (PostgreSQL),
// measured with wrk against one server process, with the CPU each request costs the server and
// PostgreSQL. The unit workbench and a unit's task list as that unit's liaison, and the HQ task list
// (a middle and a deep page) as the HQ account, each at 10 and 50 connections. Then the unit
// workbench at 10 connections while liaisons of other units submit reports at 0, 5 and 50 a second
// (every write changes the data version the server keeps replies under), and the four reads at 10
// connections on the embedded database, beside PostgreSQL's figures.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ADMIN_DATABASE_URL, DEMO_PASSWORD, passwordLogin, startServer, type ServerProcess } from '../scripts/serverProcess.js';
import { benchId, HQ_ACCOUNT, liaisonAccount } from './generate.js';
import { buildDistrict, type District } from './scale.js';
import { ms } from './stats.js';
import { clockTicks, endedChildrenCpuMs, machineBusyMs, postgresCpuBetween, postgresSnapshot, processCpuMs } from './procCpu.js';
import { steadyWrites, type Writer } from './steadyWrites.js';
import { printEmbedded, printMixed, printThroughput, cpu } from './throughputPrint.js';
import { CONNECTIONS, DURATION_S, HQ_PAGE, HQ_PER_PAGE, MAX_WRITERS, UNIT, WARMUP_S, WRITE_RATES, type EmbeddedFigures, type EmbeddedRow, type Kind, type MixedRow, type ThroughputFigures, type ThroughputRow } from './throughputTypes.js';
import { ensureWrk, getAsWrk, parseWrk, wrk } from './wrk.js';



/** One request kind: what it asks, as whom, and how its first reply is checked before wrk times it. */

const load = () => os.loadavg()[0]!.toFixed(2);

/** The sessions, the four request kinds and their first replies, checked, on a running server. */
export async function prepareKinds(s: ServerProcess) {
  const hq = await passwordLogin(s.base, HQ_ACCOUNT, DEMO_PASSWORD);
  const liaison = await passwordLogin(s.base, liaisonAccount(UNIT), DEMO_PASSWORD);
  for (const [who, session] of [
    [HQ_ACCOUNT, hq],
    [liaisonAccount(UNIT), liaison],
  ] as const) {
    if (session.stage !== 'ok') throw new Error(`login ${who} ended at stage ${session.stage}`);
  }
  // The liaison's unit as the API tells it, checked against the id the generator gave.
  const me = (await getAsWrk(s.base, '/api/me', liaison.cookie)) as { data: { account: string; unit: { id: string } | null } };
  const unitId = me.data.unit?.id;
  if (!unitId) throw new Error(`${liaisonAccount(UNIT)} has no unit`);
  if (unitId !== benchId('bu', UNIT)) throw new Error(`${liaisonAccount(UNIT)} is in unit ${unitId}, not ${benchId('bu', UNIT)}`);
  // How many tasks HQ sees, and the deep page: the last full page of 50.
  const all = (await getAsWrk(s.base, `/api/tasks?perPage=${HQ_PER_PAGE}`, hq.cookie)) as { page: { total: number } };
  const tasks = all.page.total;
  const deepPage = Math.max(HQ_PAGE + 1, Math.floor(tasks / HQ_PER_PAGE));
  const taskPage = (expectRows: number) => (body: any) => {
    const b = body as { data: { id: string; light: string }[]; page: { page: number; perPage: number; total: number } };
    if (!Array.isArray(b.data) || !b.page) throw new Error(`not a task list: ${JSON.stringify(body).slice(0, 200)}`);
    if (b.data.length !== expectRows) throw new Error(`${b.data.length} tasks in the page, expected ${expectRows}`);
    if (b.data.some((t) => !t.id || !t.light)) throw new Error('a task without its id or light');
    return `${b.data.length} of ${b.page.total} tasks (page ${b.page.page})`;
  };
  const kinds: Kind[] = [
    {
      key: 'workbench',
      name: 'Unit workbench',
      account: liaisonAccount(UNIT),
      url: '/api/workbench/unit',
      check: (body) => {
        const w = (body as { data: { unitId: string; counts: Record<string, number> } }).data;
        if (w?.unitId !== unitId || !w.counts) throw new Error(`not the unit's workbench: ${JSON.stringify(body).slice(0, 200)}`);
        return `unit ${unitId.slice(0, 8)}…, counts ${JSON.stringify(w.counts)}`;
      },
    },
    {
      key: 'unitTasks',
      name: "Unit's task list",
      account: liaisonAccount(UNIT),
      url: `/api/tasks?unit=${unitId}&perPage=20`,
      check: (body) => {
        const b = body as { data: unknown[]; page: { total: number } };
        if (!Array.isArray(b.data) || !b.page || b.page.total < 1) throw new Error(`an empty or malformed task list: ${JSON.stringify(body).slice(0, 200)}`);
        return taskPage(Math.min(20, b.page.total))(body);
      },
    },
    { key: 'hqPage', name: `HQ task list, page ${HQ_PAGE}`, account: HQ_ACCOUNT, url: `/api/tasks?perPage=${HQ_PER_PAGE}&page=${HQ_PAGE}`, check: taskPage(HQ_PER_PAGE) },
    {
      key: 'hqDeep',
      name: `HQ task list, page ${deepPage}`,
      account: HQ_ACCOUNT,
      url: `/api/tasks?perPage=${HQ_PER_PAGE}&page=${deepPage}`,
      check: taskPage(Math.min(HQ_PER_PAGE, tasks - (deepPage - 1) * HQ_PER_PAGE)),
    },
  ];
  const cookieOf = (k: Kind) => (k.account === HQ_ACCOUNT ? hq.cookie : liaison.cookie);
  const firstReply = {} as Record<Kind['key'], string>;
  for (const k of kinds) firstReply[k.key] = k.check(await getAsWrk(s.base, k.url, cookieOf(k)));
  return { kinds, cookieOf, firstReply, unitId, tasks, deepPage };
}

/**
 * One server process on the district's PostgreSQL database; for each request kind and each of 10
 * and 50 connections, a warm-up run of wrk and then a timed one, the CPU of the server process and
 * of every `postgres` process read before and after the timed run.
 */
export async function measureThroughput(d: District, port: number, progress: (s: string) => void = () => {}): Promise<ThroughputFigures> {
  if (!d.target.databaseUrl) throw new Error('throughput is measured on PostgreSQL');
  const s = await startServer(d.target, { port, timeoutMs: 120_000 });
  try {
    const pid = s.child.pid;
    if (!pid || !Number.isFinite(processCpuMs(pid))) throw new Error(`cannot read /proc/${pid}/stat of the server process`);
    const { kinds, cookieOf, firstReply, unitId, tasks, deepPage } = await prepareKinds(s);
    const wrkVersion = /wrk [\d.]+\S*/.exec(await new Promise<string>((res) => execFile('wrk', ['-v'], (_e, out, err) => res(`${out}${err}`))))?.[0] ?? 'wrk';
    // Which backends serve the bench database, and how many client connections other databases
    // have (the PostgreSQL server is shared): asked between runs, never during one.
    const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
    await admin.connect();
    try {
      const ours = new URL(d.target.databaseUrl).pathname.slice(1);
      const backends = async () => {
        const r = await admin.query<{ pid: number; mine: boolean }>(`select pid, datname = $1 as mine from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()`, [ours]);
        return { mine: new Set(r.rows.filter((x) => x.mine).map((x) => x.pid)), others: r.rows.filter((x) => !x.mine).length };
      };
      const otherBackends: number[] = [];
      const rows: ThroughputRow[] = [];
      for (const k of kinds) {
        for (const c of CONNECTIONS) {
          const url = s.base + k.url;
          await wrk(url, cookieOf(k), c, WARMUP_S);
          otherBackends.push((await backends()).others);
          const l0 = load();
          const [server0, pg0, wrk0, machine0] = [processCpuMs(pid), postgresSnapshot(), endedChildrenCpuMs(), machineBusyMs()];
          const f = parseWrk(await wrk(url, cookieOf(k), c, DURATION_S));
          const [server1, pg1, wrk1, machine1] = [processCpuMs(pid), postgresSnapshot(), endedChildrenCpuMs(), machineBusyMs()];
          const l1 = load();
          const after = await backends();
          otherBackends.push(after.others);
          const n = Math.max(1, f.requests);
          const row: ThroughputRow = {
            ...f,
            kind: k.key,
            name: k.name,
            account: k.account,
            url: k.url,
            connections: c,
            serverCpu: (server1 - server0) / n,
            pgCpu: postgresCpuBetween(pg0, pg1) / n,
            pgOwnCpu: postgresCpuBetween(pg0, pg1, after.mine) / n,
            pgOwnBackends: after.mine.size,
            wrkCpu: (wrk1 - wrk0) / n,
            machineCpu: (machine1 - machine0) / n,
            load: `${l0} → ${l1}`,
          };
          rows.push(row);
          // Still the same reply after the run: the session did not lapse under wrk.
          k.check(await getAsWrk(s.base, k.url, cookieOf(k)));
          progress(
            `${k.name}, ${c} connections: ${f.perSecond.toFixed(0)}/s, p50 ${ms(f.p50)}, p99 ${ms(f.p99)}, non-2xx ${f.non2xx}; CPU/request server ${cpu(row.serverCpu)}, PostgreSQL ${cpu(row.pgCpu)} (bench database's backends ${cpu(row.pgOwnCpu)})`,
          );
        }
      }
      // Reads while writes happen: the unit workbench at 10 connections while liaisons of other
      // units submit reports at a steady rate. The measured unit's data stays the same, but every
      // write changes the data version, so kept replies are dropped.
      const workbench = kinds.find((k) => k.key === 'workbench')!;
      const db = new pg.Client({ connectionString: d.target.databaseUrl });
      await db.connect();
      const mixed: MixedRow[] = [];
      let writerDrafts = 0;
      try {
        const writers: Writer[] = [];
        const accounts: string[] = [];
        // Each rate submits during a warm-up, the mixed run and a run of the writes alone; a fifth more for margin.
        const needed = WRITE_RATES.reduce((a: number, r) => a + r * (WARMUP_S + 2 * DURATION_S), 0) * 1.2;
        for (let u = 1; u <= 120 && writers.length < MAX_WRITERS && writerDrafts < needed; u++) {
          if (u === UNIT) continue;
          const r = await db.query<{ id: string }>(`select id from reports where status = 'draft' and unit_id = $1 order by period desc`, [benchId('bu', u)]);
          const session = await passwordLogin(s.base, liaisonAccount(u), DEMO_PASSWORD);
          if (session.stage !== 'ok') throw new Error(`login ${liaisonAccount(u)} ended at stage ${session.stage}`);
          writers.push({ session, ids: r.rows.map((x) => x.id) });
          accounts.push(liaisonAccount(u));
          writerDrafts += r.rows.length;
        }
        const submitted = async () => Number((await db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'report.submitted'`)).rows[0]!.n);
        const url = s.base + workbench.url;
        const cookie = cookieOf(workbench);
        for (const rate of WRITE_RATES) {
          await Promise.all([wrk(url, cookie, 10, WARMUP_S), steadyWrites(s.base, writers, rate, WARMUP_S)]);
          const audit0 = await submitted();
          const l0 = load();
          const [server0, pg0, machine0] = [processCpuMs(pid), postgresSnapshot(), machineBusyMs()];
          const [out, writes] = await Promise.all([wrk(url, cookie, 10, DURATION_S), steadyWrites(s.base, writers, rate, DURATION_S)]);
          const [server1, pg1, machine1] = [processCpuMs(pid), postgresSnapshot(), machineBusyMs()];
          const l1 = load();
          const after = await backends();
          const f = parseWrk(out);
          workbench.check(await getAsWrk(s.base, workbench.url, cookie));
          const n = Math.max(1, f.requests);
          const row: MixedRow = {
            ...f,
            writeRate: rate,
            writes,
            auditRecords: (await submitted()) - audit0,
            serverCpu: (server1 - server0) / n,
            pgCpu: postgresCpuBetween(pg0, pg1) / n,
            pgOwnCpu: postgresCpuBetween(pg0, pg1, after.mine) / n,
            machineCpu: (machine1 - machine0) / n,
            load: `${l0} → ${l1}`,
          };
          if (rate > 0) {
            // The same writes with no reads: what they cost the server and PostgreSQL alone.
            const [sa0, pa0] = [processCpuMs(pid), postgresSnapshot()];
            const alone = await steadyWrites(s.base, writers, rate, DURATION_S);
            const [sa1, pa1] = [processCpuMs(pid), postgresSnapshot()];
            const m = Math.max(1, alone.ok + alone.failed);
            row.writesAlone = { ...alone, serverCpu: (sa1 - sa0) / m, pgCpu: postgresCpuBetween(pa0, pa1) / m };
          }
          mixed.push(row);
          progress(
            `workbench while writing ${rate}/s: ${f.perSecond.toFixed(0)}/s, p50 ${ms(f.p50)}, p99 ${ms(f.p99)}, non-2xx ${f.non2xx}; writes ${writes.ok} ok, ${writes.failed} failed, ${writes.ranOut} ran out; CPU/request server ${cpu(row.serverCpu)}, PostgreSQL ${cpu(row.pgCpu)}`,
          );
          if (writes.firstError) progress(`first write error: ${writes.firstError}`);
        }
        return {
          rows,
          firstReply,
          unitId,
          tasks,
          deepPage,
          clockTicks,
          otherBackends: { min: Math.min(...otherBackends), max: Math.max(...otherBackends) },
          postgresProcesses: postgresSnapshot().size,
          wrkVersion,
          mixed,
          writers: { accounts, drafts: writerDrafts },
        };
      } finally {
        await db.end();
      }
    } finally {
      await admin.end();
    }
  } finally {
    await s.stop();
  }
}


/**
 * The four reads at 10 connections on the embedded database (which runs inside the server
 * process): a warm-up run of wrk and a timed one each, the server's CPU read around the timed run.
 */
export async function measureEmbedded(d: District, port: number, progress: (s: string) => void = () => {}): Promise<EmbeddedFigures> {
  if (!d.target.dataDir) throw new Error('an embedded district has a data folder');
  const s = await startServer(d.target, { port, timeoutMs: 120_000 });
  try {
    const pid = s.child.pid;
    if (!pid || !Number.isFinite(processCpuMs(pid))) throw new Error(`cannot read /proc/${pid}/stat of the server process`);
    const { kinds, cookieOf, firstReply, tasks, deepPage } = await prepareKinds(s);
    const rows: EmbeddedRow[] = [];
    for (const k of kinds) {
      const url = s.base + k.url;
      await wrk(url, cookieOf(k), 10, WARMUP_S);
      const l0 = load();
      const [server0, machine0] = [processCpuMs(pid), machineBusyMs()];
      const f = parseWrk(await wrk(url, cookieOf(k), 10, DURATION_S));
      const [server1, machine1] = [processCpuMs(pid), machineBusyMs()];
      const l1 = load();
      k.check(await getAsWrk(s.base, k.url, cookieOf(k)));
      const n = Math.max(1, f.requests);
      const row: EmbeddedRow = { ...f, kind: k.key, name: k.name, url: k.url, connections: 10, serverCpu: (server1 - server0) / n, machineCpu: (machine1 - machine0) / n, load: `${l0} → ${l1}` };
      rows.push(row);
      progress(`embedded: ${k.name}, 10 connections: ${f.perSecond.toFixed(0)}/s, p50 ${ms(f.p50)}, p99 ${ms(f.p99)}, non-2xx ${f.non2xx}; server CPU/request ${cpu(row.serverCpu)}`);
    }
    return { rows, firstReply, tasks, deepPage, generated: JSON.stringify(d.generated.counts) };
  } finally {
    await s.stop();
  }
}

export interface ThroughputOptions {
  say: (s?: string) => void;
  progress: (s: string) => void;
  port: () => Promise<number>;
  tmp: string;
}

/** `npm run bench -- --only=throughput`: wrk (installed if need be), the district on PostgreSQL, the measurement, the section. */
export async function throughputSection(o: ThroughputOptions): Promise<void> {
  const start = load();
  const w = ensureWrk(o.progress);
  if (!w.ok) {
    o.say('### Issue 19: throughput on the bench district (PostgreSQL, wrk)');
    o.say();
    o.say(`Not measured: ${w.reason}.`);
    o.say();
    return;
  }
  o.progress('throughput: generating the district on PostgreSQL…');
  const d = await buildDistrict('PostgreSQL', o.tmp, o.progress);
  try {
    o.progress(`throughput: ${JSON.stringify(d.generated.counts)} in ${(d.generated.ms / 1000).toFixed(1)} s`);
    const f = await measureThroughput(d, await o.port(), o.progress);
    printThroughput(f, o.say, { start, end: load() });
    printMixed(f, o.say);
    await d.drop?.().catch(() => {});
    o.progress('throughput: generating the district on the embedded database…');
    // A folder of its own: the scale section (same run) leaves its embedded district in o.tmp.
    const dir = fs.mkdtempSync(path.join(o.tmp, 'throughput-'));
    try {
      const e = await buildDistrict('embedded', dir, o.progress);
      const start2 = load();
      const figures = await measureEmbedded(e, await o.port(), o.progress);
      printEmbedded(figures, f, o.say, { start: start2, end: load() });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await d.drop?.().catch(() => {});
  }
}
