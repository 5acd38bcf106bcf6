// Issue 19's figures: requests per second the server carries on the bench district (PostgreSQL),
// measured with wrk against one server process, with the CPU each request costs the server and
// PostgreSQL. The unit workbench and a unit's task list as that unit's liaison, and the HQ task list
// (a middle and a deep page) as the HQ account, each at 10 and 50 connections. Then the unit
// workbench at 10 connections while liaisons of other units submit reports at 0, 5 and 50 a second
// (every write changes the data version the server keeps replies under), and the four reads at 10
// connections on the embedded database, beside PostgreSQL's figures.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ADMIN_DATABASE_URL, DEMO_PASSWORD, passwordLogin, startServer, type HttpSession, type ServerProcess } from '../scripts/serverProcess.js';
import { HQ_ACCOUNT, liaisonAccount } from './generate.js';
import { benchId, buildDistrict, type District } from './scale.js';
import { RawConnection } from './rawHttp.js';
import { ms, percentile } from './stats.js';

const CONNECTIONS = [10, 50] as const;
/** Audited writes per second during the mixed runs (0: the same run without writes, for comparison). */
const WRITE_RATES = [0, 5, 50] as const;
/** At most this many liaisons of other units write during the mixed runs, enough of them to have the drafts all runs submit. */
const MAX_WRITERS = 24;
const DURATION_S = 10;
const WARMUP_S = 3;
/** The liaison whose workbench and task list are measured: the first liaison of unit 17 (as in bench/scale.ts). */
const UNIT = 17;
const HQ_PER_PAGE = 50;
const HQ_PAGE = 11;

/** One request kind: what it asks, as whom, and how its first reply is checked before wrk times it. */
interface Kind {
  key: 'workbench' | 'unitTasks' | 'hqPage' | 'hqDeep';
  name: string;
  account: string;
  url: string;
  /** What the first reply held (e.g. "50 of 1500 tasks"); throws when it is not the expected JSON. */
  check: (body: any) => string;
}

export interface WrkFigures {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  socketErrors: { connect: number; read: number; write: number; timeout: number };
}

export interface ThroughputRow extends WrkFigures {
  kind: Kind['key'];
  name: string;
  account: string;
  url: string;
  connections: number;
  /** CPU per request (ms): the server process (all threads), every `postgres` process on the machine, wrk itself, and the whole machine. */
  serverCpu: number;
  pgCpu: number;
  /** PostgreSQL CPU of only the backends serving the bench database (still connected at the end of the run), and how many there were. */
  pgOwnCpu: number;
  pgOwnBackends: number;
  wrkCpu: number;
  machineCpu: number;
  load: string;
}

export interface ThroughputFigures {
  rows: ThroughputRow[];
  /** What each kind's first reply held. */
  firstReply: Record<Kind['key'], string>;
  unitId: string;
  tasks: number;
  deepPage: number;
  clockTicks: number;
  /** Client connections PostgreSQL had to other databases than the bench's, sampled before and after each run. */
  otherBackends: { min: number; max: number };
  postgresProcesses: number;
  wrkVersion: string;
  /** The unit workbench at 10 connections while other units' liaisons submit reports at a steady rate. */
  mixed: MixedRow[];
  /** The liaisons who wrote, and how many drafts they had between them before the mixed runs. */
  writers: { accounts: string[]; drafts: number };
}

/** What the writer did while wrk ran (its warm-up's writes not counted). */
export interface WriteFigures {
  asked: number;
  ok: number;
  failed: number;
  /** Writes not made because the writers' drafts ran out. */
  ranOut: number;
  firstError: string;
  p50: number;
  p99: number;
  /** How far behind its schedule the latest write was sent (ms): the writer kept up when this is small. */
  maxLate: number;
}

export interface MixedRow extends WrkFigures {
  writeRate: number;
  writes: WriteFigures;
  /** report.submitted records added to audit_log during the timed run and its check (the linker may lag a little). */
  auditRecords: number;
  serverCpu: number;
  pgCpu: number;
  pgOwnCpu: number;
  machineCpu: number;
  load: string;
  /** The same writes for as long with no reads, and the CPU per write they cost the server and PostgreSQL (all). */
  writesAlone?: WriteFigures & { serverCpu: number; pgCpu: number };
}

/** Reads at 10 connections on the embedded database: the server process's CPU holds the database's. */
export interface EmbeddedRow extends WrkFigures {
  kind: Kind['key'];
  name: string;
  url: string;
  connections: number;
  serverCpu: number;
  machineCpu: number;
  load: string;
}

export interface EmbeddedFigures {
  rows: EmbeddedRow[];
  firstReply: Record<Kind['key'], string>;
  tasks: number;
  deepPage: number;
  generated: string;
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The fields of a /proc/<pid>/stat line after the command name, so that `f[0]` is field 3 (state). */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
/** utime + stime (fields 14 and 15) of a /proc/<pid>/stat line, in ms. */
const statCpuMs = (stat: string) => {
  const f = statFields(stat);
  return ((Number(f[11]) + Number(f[12])) * 1000) / clockTicks;
};

function processCpuMs(pid: number | undefined): number {
  try {
    return statCpuMs(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return NaN;
  }
}

/** Each `postgres` process on this machine: its own CPU and that of its ended children (the postmaster's reaped backends), in ms. */
type PgSnapshot = Map<number, { cpu: number; children: number }>;

function postgresSnapshot(): PgSnapshot {
  const snap: PgSnapshot = new Map();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) continue;
      const f = statFields(stat);
      snap.set(Number(pid), { cpu: statCpuMs(stat), children: ((Number(f[13]) + Number(f[14])) * 1000) / clockTicks });
    } catch {
      /* the process ended meanwhile */
    }
  }
  return snap;
}

/**
 * PostgreSQL CPU between two snapshots, in ms. All processes: a backend that ended between them
 * took its CPU out of the sum but the postmaster's reaped-children time (cutime + cstime) took it
 * in, whole, so its CPU before the first snapshot is taken off again. `only`: the CPU of just those
 * backends (those still there at the end).
 */
function postgresCpuBetween(a: PgSnapshot, b: PgSnapshot, only?: Set<number>): number {
  let total = 0;
  for (const [pid, p] of b) {
    if (only && !only.has(pid)) continue;
    const before = a.get(pid);
    total += p.cpu - (before?.cpu ?? 0) + (only ? 0 : p.children - (before?.children ?? 0));
  }
  if (!only) for (const [pid, p] of a) if (!b.has(pid)) total -= p.cpu;
  return total;
}

/** CPU of this process's children that have ended and been waited for (cutime + cstime, fields 16 and 17): wrk's, once it exits. */
function endedChildrenCpuMs(): number {
  const f = statFields(fs.readFileSync('/proc/self/stat', 'utf8'));
  return ((Number(f[13]) + Number(f[14])) * 1000) / clockTicks;
}

/** CPU time the whole machine spent (all cores, not idle or waiting on I/O), in ms, from /proc/stat. */
function machineBusyMs(): number {
  const [, ...f] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return ((f.reduce((a, b) => a + b, 0) - (f[3] ?? 0) - (f[4] ?? 0)) * 1000) / clockTicks;
}

const onPath = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/**
 * wrk on PATH, or installed with apt-get (Debian's package) when this runs as root; otherwise the
 * reason it is not there, to be printed.
 */
export function ensureWrk(progress: (s: string) => void): { ok: true } | { ok: false; reason: string } {
  if (onPath('wrk')) return { ok: true };
  if (process.getuid?.() === 0 && onPath('apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = () => execFileSync('apt-get', ['install', '-y', 'wrk'], { env, stdio: 'ignore', timeout: 300_000 });
    try {
      progress('wrk is not on PATH: apt-get install -y wrk…');
      install();
    } catch {
      try {
        progress('apt-get install failed: apt-get update, then again…');
        execFileSync('apt-get', ['update'], { env, stdio: 'ignore', timeout: 300_000 });
        install();
      } catch {
        /* reported below */
      }
    }
    if (onPath('wrk')) return { ok: true };
  }
  return { ok: false, reason: 'wrk is not on PATH and could not be installed here; install it (`sudo apt-get install -y wrk` on Debian/Ubuntu, `brew install wrk` on macOS) and run `npm run bench -- --only=throughput`' };
}

/** A wrk duration such as `4.30ms`, `812.00us`, `1.02s` or `1.50m`, in ms. */
function wrkDuration(v: string, u: string): number {
  const scale: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return Number(v) * (scale[u] ?? NaN);
}

/** Reads wrk's `--latency` report. */
export function parseWrk(out: string): WrkFigures {
  const requests = /(\d+) requests in ([\d.]+)(us|ms|s|m)/.exec(out);
  const perSecond = /Requests\/sec:\s+([\d.]+)/.exec(out);
  if (!requests || !perSecond) throw new Error(`unreadable wrk output:\n${out}`);
  const pct = (p: number) => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, 'm').exec(out);
    return m ? wrkDuration(m[1]!, m[2]!) : NaN;
  };
  const se = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requests: Number(requests[1]),
    seconds: wrkDuration(requests[2]!, requests[3]!) / 1000,
    perSecond: Number(perSecond[1]),
    p50: pct(50),
    p99: pct(99),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    socketErrors: { connect: Number(se?.[1] ?? 0), read: Number(se?.[2] ?? 0), write: Number(se?.[3] ?? 0), timeout: Number(se?.[4] ?? 0) },
  };
}

function wrk(url: string, cookie: string, connections: number, seconds: number): Promise<string> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-H', `Cookie: ${cookie}`, '-H', 'accept: application/json', url];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { encoding: 'utf8', timeout: (seconds + 30) * 1000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`wrk ${args.join(' ')}: ${err.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/** GET with exactly the headers wrk sends: the reply must be a 200 with JSON, else wrk would time errors. */
async function getAsWrk(base: string, url: string, cookie: string): Promise<any> {
  const r = await fetch(base + url, { headers: { cookie, accept: 'application/json' } });
  const text = await r.text();
  if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${text.slice(0, 300)}`);
  if (!/application\/json/.test(r.headers.get('content-type') ?? '')) throw new Error(`GET ${url}: content-type ${r.headers.get('content-type')}`);
  return JSON.parse(text);
}

const load = () => os.loadavg()[0]!.toFixed(2);

/** The sessions, the four request kinds and their first replies, checked, on a running server. */
async function prepareKinds(s: ServerProcess) {
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

interface Writer {
  session: HttpSession;
  /** The drafts it has left to submit, newest period first. */
  ids: string[];
}

/**
 * `rate` report submissions a second for `seconds`, on a schedule (the i-th is due at i / rate s),
 * each sent by an idle writer, the one with the most drafts left, on its own keep-alive connection,
 * one request at a time (as bench/scale.ts measureSubmissions submits): POST
 * /api/reports/:id/submit with the session's CSRF token, a draft of the writer's own unit. When no
 * writer is idle the write waits for one (and is late: `maxLate`).
 */
async function steadyWrites(base: string, writers: Writer[], rate: number, seconds: number): Promise<WriteFigures> {
  const asked = Math.round(rate * seconds);
  const u = new URL(base);
  const conns = writers.map(() => new RawConnection(u.hostname, Number(u.port)));
  const busy = writers.map(() => false);
  const running = new Set<Promise<void>>();
  const latencies: number[] = [];
  const w: WriteFigures = { asked, ok: 0, failed: 0, ranOut: 0, firstError: '', p50: NaN, p99: NaN, maxLate: 0 };
  const pick = () => {
    let best = -1;
    writers.forEach((x, k) => {
      if (!busy[k] && x.ids.length && (best < 0 || x.ids.length > writers[best]!.ids.length)) best = k;
    });
    return best;
  };
  const send = async (k: number, id: string) => {
    const writer = writers[k]!;
    const t = performance.now();
    try {
      const r = await conns[k]!.request('POST', `/api/reports/${id}/submit`, { cookie: writer.session.cookie, 'x-csrf-token': writer.session.csrf }, {});
      latencies.push(performance.now() - t);
      if (r.status === 200) w.ok++;
      else {
        w.failed++;
        w.firstError ||= `${r.status} ${r.body.slice(0, 200)}`;
      }
    } catch (e) {
      w.failed++;
      w.firstError ||= String(e);
    } finally {
      busy[k] = false;
    }
  };
  const t0 = performance.now();
  try {
    for (let i = 0; i < asked; i++) {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      let k = pick();
      while (k < 0 && running.size && writers.some((x) => x.ids.length)) {
        await Promise.race(running);
        k = pick();
      }
      if (k < 0) {
        w.ranOut++;
        continue;
      }
      w.maxLate = Math.max(w.maxLate, performance.now() - due);
      busy[k] = true;
      const p: Promise<void> = send(k, writers[k]!.ids.shift()!).then(() => {
        running.delete(p);
      });
      running.add(p);
    }
    await Promise.all(running);
  } finally {
    for (const c of conns) c.close();
  }
  return { ...w, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
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

const cpu = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : 'n/a');
const mark = (ok: boolean) => (ok ? '✓' : '✗ miss');
const errorsOf = (r: WrkFigures) => r.non2xx + r.socketErrors.connect + r.socketErrors.read + r.socketErrors.write + r.socketErrors.timeout;

/** The markdown section: targets first, then every wrk run. */
export function printThroughput(f: ThroughputFigures, say: (s?: string) => void, loads: { start: string; end: string }): void {
  const row = (k: Kind['key'], c: number) => f.rows.find((r) => r.kind === k && r.connections === c);
  say('### Issue 19: throughput on the bench district (PostgreSQL, wrk)');
  say();
  const busy = Math.max(Number(loads.start), Number(loads.end)) > os.cpus().length / 2;
  say(
    `Load average (1 min) at start ${loads.start}, at end ${loads.end}${busy ? ` on ${os.cpus().length} cores — the machine was busy with other work: requests per second and latencies are pessimistic; CPU per request much less so` : ''}.`,
  );
  say();
  say('| Figure | Target | Measured |');
  say('|---|---|---|');
  const line = (label: string, target: string, v: number | undefined, ok: (v: number) => boolean, fmt: (v: number) => string, errors = 0) =>
    say(`| ${label} | ${target} | ${v === undefined ? 'not run' : `${fmt(v)} ${mark(ok(v) && errors === 0)}${errors ? ` (${errors} errors)` : ''}`} |`);
  const rate = (v: number) => `${v.toFixed(0)}/s`;
  for (const k of ['workbench', 'unitTasks'] as const) {
    const r10 = row(k, 10);
    const r50 = row(k, 50);
    const name = r10?.name ?? k;
    line(`${name}, req/s at 10 connections`, '≥ 2,000/s', r10?.perSecond, (v) => v >= 2000, rate, r10 ? errorsOf(r10) : 0);
    line(`${name}, server CPU per request (10 connections)`, '≤ 0.5 ms', r10?.serverCpu, (v) => v <= 0.5, cpu);
    line(`${name}, PostgreSQL CPU per request (10 connections)`, '≤ 0.3 ms', r10?.pgCpu, (v) => v <= 0.3, cpu);
    line(`${name}, p99 at 50 connections`, '≤ 50 ms', r50?.p99, (v) => v <= 50, ms, r50 ? errorsOf(r50) : 0);
    if (r10 && r50) say(`| ${name}, req/s at 50 connections ≥ at 10 | ≥ ${rate(r10.perSecond)} | ${rate(r50.perSecond)} ${mark(r50.perSecond >= r10.perSecond)} |`);
  }
  for (const k of ['hqPage', 'hqDeep'] as const) {
    const r10 = row(k, 10);
    const name = r10?.name ?? k;
    line(`${name} of ${HQ_PER_PAGE}, req/s at 10 connections`, '≥ 1,000/s', r10?.perSecond, (v) => v >= 1000, rate, r10 ? errorsOf(r10) : 0);
    line(`${name} of ${HQ_PER_PAGE}, server CPU per request (10 connections)`, '≤ 1 ms', r10?.serverCpu, (v) => v <= 1, cpu);
    line(`${name} of ${HQ_PER_PAGE}, PostgreSQL CPU per request (10 connections)`, '≤ 1 ms', r10?.pgCpu, (v) => v <= 1, cpu);
  }
  const totalErrors = f.rows.reduce((a, r) => a + errorsOf(r), 0);
  say(`| Non-2xx replies and socket errors, all runs | 0 | ${totalErrors} ${mark(totalErrors === 0)} |`);
  say();
  say('| Request | As | Connections | Requests | Req/s | p50 | p99 | Non-2xx / socket errors | Server CPU/req | PostgreSQL CPU/req, all | of which the bench database | wrk CPU/req | Machine CPU/req | Load average |');
  say('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of f.rows) {
    const se = r.socketErrors;
    const sock = se.connect + se.read + se.write + se.timeout ? ` (connect ${se.connect}, read ${se.read}, write ${se.write}, timeout ${se.timeout})` : '';
    say(
      `| ${r.name} | ${r.account} | ${r.connections} | ${r.requests.toLocaleString('en')} | ${r.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.non2xx}${sock} | ${cpu(r.serverCpu)} | ${cpu(r.pgCpu)} | ${cpu(r.pgOwnCpu)} (${r.pgOwnBackends} backends) | ${cpu(r.wrkCpu)} | ${cpu(r.machineCpu)} | ${r.load} |`,
    );
  }
  say();
  say(
    `Method: one server process (\`node --import tsx server/main.ts\`, as bench/scale.ts starts it) on a fresh PostgreSQL database holding the bench district (bench/generate.ts: ${f.tasks.toLocaleString('en')} tasks as HQ sees them), ` +
      `${f.wrkVersion} on the same machine: \`wrk -t1 -c<N> -d${DURATION_S}s --latency -H 'Cookie: <session>' -H 'accept: application/json' <url>\` after a ${WARMUP_S} s warm-up run of the same command. ` +
      `Sessions from a password login of \`${liaisonAccount(UNIT)}\` (liaison of unit ${f.unitId}, as /api/me tells) and \`${HQ_ACCOUNT}\`; every URL's first reply, with wrk's headers only, was checked to be a 200 with the expected JSON before timing and again after each run: ` +
      (Object.entries(f.firstReply) as [Kind['key'], string][]).map(([k, v]) => `${f.rows.find((r) => r.kind === k)?.url ?? k} → ${v}`).join('; ') +
      '.',
  );
  say();
  say(
    `CPU per request: utime + stime (fields 14 and 15 of /proc/<pid>/stat, CLK_TCK ${f.clockTicks}) read before and after each timed run, divided by the requests wrk reports. ` +
      `Server: the server process (all its threads). PostgreSQL, all: every \`postgres\` process on the machine (${f.postgresProcesses} at the end), backends that ended during a run included through the postmaster's reaped-children time; ` +
      `this PostgreSQL server is shared, so the figure includes other databases' backends (${f.otherBackends.min === f.otherBackends.max ? f.otherBackends.min : `${f.otherBackends.min}–${f.otherBackends.max}`} client connection(s) to other databases, sampled before and after each run) ` +
      `and PostgreSQL's background processes (WAL writer, checkpointer…): an upper bound for the bench's own queries, which the targets are checked against. ` +
      `"Of which the bench database": only the backends connected to the bench database at the end of the run (the server's pool), the bench's own queries. ` +
      `wrk: its own CPU (this process's waited-for children); machine: all cores busy (from /proc/stat), wrk and everything else running included. ` +
      `Nothing writes during these runs, so where the server keeps a reply until the next write (server/queries/versionedCache.ts: the task list, and the unit workbench) repeating one URL measures mostly the kept reply. ` +
      `The machine has ${os.cpus().length} cores, shared by wrk, the server, PostgreSQL and anything else running.`,
  );
  say();
}

/** The mixed runs: the unit workbench read while other units write. */
export function printMixed(f: ThroughputFigures, say: (s?: string) => void): void {
  const base = f.mixed.find((r) => r.writeRate === 0);
  const readOnly = f.rows.find((r) => r.kind === 'workbench' && r.connections === 10);
  say(`#### Unit workbench at 10 connections while other units write (PostgreSQL)`);
  say();
  say('| Writes asked | Writes made: ok / failed / drafts ran out | Write p50 / p99 | Latest write behind schedule | Workbench req/s | vs 0/s | p50 | p99 | Non-2xx / socket errors | Server CPU/req | vs 0/s | PostgreSQL CPU/req, all | of which the bench database | Machine CPU/req | Writes alone: server / PostgreSQL CPU per write | Server + PostgreSQL CPU per read, the writes\' taken off | Load average |');
  say('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of f.mixed) {
    const w = r.writes;
    const a = r.writesAlone;
    const net = r.serverCpu + r.pgCpu - (a ? ((a.serverCpu + a.pgCpu) * (w.ok + w.failed)) / Math.max(1, r.requests) : 0);
    const vs = (v: number, b: number | undefined) => (b ? `${(v / b).toFixed(2)}×` : '—');
    say(
      `| ${r.writeRate}/s (${w.asked} in ${DURATION_S} s) | ${w.ok} / ${w.failed} / ${w.ranOut} | ${w.asked ? `${ms(w.p50)} / ${ms(w.p99)}` : '—'} | ${w.asked ? ms(w.maxLate) : '—'} | ${r.perSecond.toFixed(0)} | ${vs(r.perSecond, base?.perSecond)} | ${ms(r.p50)} | ${ms(r.p99)} | ${errorsOf(r)} | ${cpu(r.serverCpu)} | ${vs(r.serverCpu, base?.serverCpu)} | ${cpu(r.pgCpu)} | ${cpu(r.pgOwnCpu)} | ${cpu(r.machineCpu)} | ${a ? `${cpu(a.serverCpu)} / ${cpu(a.pgCpu)}` : '—'} | ${cpu(net)} | ${r.load} |`,
    );
  }
  say();
  const firstError = f.mixed.map((r) => r.writes.firstError).find(Boolean);
  say(
    `Method: on the same server process, after the runs above, \`wrk -t1 -c10 -d${DURATION_S}s\` on ${f.rows.find((r) => r.kind === 'workbench')?.url ?? '/api/workbench/unit'} as \`${liaisonAccount(UNIT)}\` ` +
      `while this process submits reports (POST /api/reports/:id/submit with the session's CSRF token, as bench/scale.ts measureSubmissions does: one transaction with the report's step and a hash-chained audit record) ` +
      `at a steady rate, the i-th due at i / rate s, each sent by an idle one of ${f.writers.accounts.length} liaisons of other units (${f.writers.accounts.map((a) => `\`${a}\``).join(', ')}; ${f.writers.drafts.toLocaleString('en')} drafts between them), each on one keep-alive connection, one request at a time ("behind schedule": how late the latest write was sent, waiting for an idle writer). ` +
      `Each timed run follows a ${WARMUP_S} s warm-up of wrk and the writer at the same rate. The measured unit's data does not change, but every write changes the data version (server/queries/versionedCache.ts), so the kept workbench reply is dropped and the next read computes it again. ` +
      `The 0/s row is the same run without writes (the read-only table above had ${readOnly ? `${readOnly.perSecond.toFixed(0)}/s and ${cpu(readOnly.serverCpu)} server CPU per request` : 'no such row'}). ` +
      `CPU per request divides everything the server and PostgreSQL did (the writes included) by the workbench reads wrk counted; "writes alone" is a further ${DURATION_S} s of the writer at the same rate with no reads, ` +
      `and the last CPU column takes that cost, times the writes made in the mixed run, off the mixed run's server + PostgreSQL CPU before dividing by the reads. ` +
      `report.submitted audit records added per run: ${f.mixed.map((r) => `${r.writeRate}/s → ${r.auditRecords}`).join(', ')}.` +
      (firstError ? ` First failed write: ${firstError}.` : ''),
  );
  say();
}

/** The four reads on the embedded database beside PostgreSQL's, at 10 connections. */
export function printEmbedded(e: EmbeddedFigures, f: ThroughputFigures, say: (s?: string) => void, loads: { start: string; end: string }): void {
  say('#### The same reads on the embedded database (10 connections)');
  say();
  say('| Request | Req/s embedded | Req/s PostgreSQL | Ratio embedded / PostgreSQL | Within 1.5× | p50 / p99 embedded | p50 / p99 PostgreSQL | Non-2xx / socket errors | Server CPU/req embedded | Server CPU/req PostgreSQL | Ratio | Server + bench database CPU/req, PostgreSQL | Machine CPU/req embedded / PostgreSQL |');
  say('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of e.rows) {
    const p = f.rows.find((x) => x.kind === r.kind && x.connections === 10);
    if (!p) continue;
    const ratio = r.perSecond / p.perSecond;
    say(
      `| ${r.name} | ${r.perSecond.toFixed(0)} | ${p.perSecond.toFixed(0)} | ${ratio.toFixed(2)} | ${mark(ratio >= 1 / 1.5)} | ${ms(r.p50)} / ${ms(r.p99)} | ${ms(p.p50)} / ${ms(p.p99)} | ${errorsOf(r)} | ${cpu(r.serverCpu)} | ${cpu(p.serverCpu)} | ${(r.serverCpu / p.serverCpu).toFixed(2)} | ${cpu(p.serverCpu + p.pgOwnCpu)} | ${cpu(r.machineCpu)} / ${cpu(p.machineCpu)} |`,
    );
  }
  say();
  say(
    `Method: a second district, generated the same way into an embedded database (${e.generated}; ${e.tasks.toLocaleString('en')} tasks as HQ sees them, the deep page ${e.deepPage}), one server process on it, and for each request a ${WARMUP_S} s warm-up and a ${DURATION_S} s timed run of \`wrk -t1 -c10\`; first replies: ` +
      (Object.entries(e.firstReply) as [Kind['key'], string][]).map(([k, v]) => `${e.rows.find((r) => r.kind === k)?.url ?? k} → ${v}`).join('; ') +
      `. The embedded database runs inside the server process, so its server CPU holds the database's work: compare it with the PostgreSQL run's server CPU plus its bench database's backends. ` +
      `"Within 1.5×": embedded req/s at least two thirds of PostgreSQL's. Load average (1 min) ${loads.start} before the embedded runs, ${loads.end} after.`,
  );
  say();
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
