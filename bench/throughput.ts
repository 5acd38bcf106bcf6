// Issue 19's figures: requests per second the server carries on the bench district (PostgreSQL),
// measured with wrk against one server process, with the CPU each request costs the server and
// PostgreSQL. The unit workbench and a unit's task list as that unit's liaison, and the HQ task list
// (a middle and a deep page) as the HQ account, each at 10 and 50 connections.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { ADMIN_DATABASE_URL, DEMO_PASSWORD, passwordLogin, startServer } from '../scripts/serverProcess.js';
import { HQ_ACCOUNT, liaisonAccount } from './generate.js';
import { benchId, buildDistrict, type District } from './scale.js';
import { ms } from './stats.js';

const CONNECTIONS = [10, 50] as const;
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
      return { rows, firstReply, unitId, tasks, deepPage, clockTicks, otherBackends: { min: Math.min(...otherBackends), max: Math.max(...otherBackends) }, postgresProcesses: postgresSnapshot().size, wrkVersion };
    } finally {
      await admin.end();
    }
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
  } finally {
    await d.drop?.().catch(() => {});
  }
}
