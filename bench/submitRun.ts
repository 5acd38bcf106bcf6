// Report submissions under concurrent clients, on one app server or several sharing one PostgreSQL
// (bench/scale.ts's district, bench/instances.ts's province): the steady rate and latency, what the
// database holds afterwards, and the CPU and memory it cost each process.
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { verifyAuditChain } from '../server/audit.js';
import { openDatabase } from '../server/db/client.js';
import type { ServerProcess } from '../scripts/serverProcess.js';
import { KeepAliveClient, type Session } from './http.js';
import { RawConnection } from './rawHttp.js';
import { percentile } from './stats.js';

/** Throughput and latency of the submissions that ended while every client was still submitting. */
function steadyFigures(done: { end: number; ms: number; ok: boolean }[], t0: number, until: number) {
  const steady = done.filter((d) => d.end <= until);
  const ms = steady.map((d) => d.ms);
  return {
    perSecond: (steady.filter((d) => d.ok).length / Math.max(1, until - t0)) * 1000,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    steady: { count: steady.length, seconds: (until - t0) / 1000 },
  };
}

export interface SubmitFigures {
  clients: number;
  /** Servers the clients were spread over, and each one's peak resident memory during the run (MB). */
  instances: number;
  rssPeakMb: number[];
  acknowledged: number;
  errors: number;
  /** Over the time every client was submitting (until the first ran out of drafts). */
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  steady: { count: number; seconds: number };
  /** Over the whole measured run, including its end when clients had run out of drafts one by one. */
  whole: { perSecond: number; p99: number; seconds: number };
  inDatabase: number;
  auditRecords: number;
  /** Acknowledged in the measured phase (after the warm-up): auditRecords must equal it. */
  measuredAcked: number;
  chainIntact: boolean;
  /** All the servers' CPU together. */
  serverCpuPerSubmit: number;
  /** CPU a submission cost PostgreSQL (all its processes on this machine) and this benchmark's own client, in ms. */
  databaseCpuPerSubmit: number;
  clientCpuPerSubmit: number;
  /** CPU the whole machine spent a submission (all processes, from /proc/stat), and how many cores it has. */
  machineCpuPerSubmit: number;
  cores: number;
  /** Mean number of the server's database connections waiting on a lock, waiting for the server, or working. */
  connections: { onLock: number; onServer: number; working: number };
}

/** CPU time (user + system, all threads) in a /proc/<pid>/stat line, in ms (USER_HZ = 100). */
function statCpuMs(stat: string): number {
  const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}

/** CPU time a process has used, in ms, from /proc. */
function cpuMs(pid: number | undefined): number {
  try {
    return statCpuMs(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return NaN;
  }
}

/** CPU time of every PostgreSQL process on this machine (the server under test runs here), in ms. */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) total += statCpuMs(stat);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return total;
}

/** CPU time the whole machine spent (all cores, not idle), in ms, from /proc/stat. */
function machineBusyMs(): number {
  const [, ...f] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const busy = f.reduce((a, b) => a + b, 0) - (f[3] ?? 0) - (f[4] ?? 0);
  return (busy * 1000) / 100;
}

/** A liaison who submits its unit's drafts. */
export interface Submitter {
  account: string;
  unitId: string;
}

/** Peak resident memory of each server, sampled while the submissions ran, in MB. */
function rssMb(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * The submissions of `clients` (each its unit's drafts, newest first) against `servers` sharing one
 * database: client i submits to server i mod n (issue 25's instances behind a proxy; sessions are
 * the database's, so all log in on the first). `spare` submit all their drafts first as the warm-up.
 * The servers are stopped at the end.
 */
export async function submitRun(databaseUrl: string, servers: ServerProcess[], clients: Submitter[], spareUnits: Submitter[], perClient: number): Promise<SubmitFigures> {
  const s = servers[0]!;
  const c = new KeepAliveClient(s.base, clients.length);
  const connections: RawConnection[] = [];
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const sessions: Session[] = [];
    for (let i = 0; i < clients.length; i += 4) {
      sessions.push(...(await Promise.all(clients.slice(i, i + 4).map((who) => c.login(who.account)))));
    }
    // Each client's pool: its unit's drafts (the generator leaves the newest periods as drafts).
    const pools: string[][] = [];
    for (const who of clients) {
      const r = await db.query<{ id: string }>(`select id from reports where status = 'draft' and unit_id = $1 order by period desc`, [who.unitId]);
      pools.push(r.rows.map((x) => x.id));
    }
    // The submissions go over lean connections (bench/rawHttp.ts), one per client; logins above used node:http.
    const connect = (k: number) => {
      const base = new URL(servers[k % servers.length]!.base);
      const conn = new RawConnection(base.hostname, Number(base.port));
      connections.push(conn);
      return conn;
    };
    const post = (conn: RawConnection, session: Session, id: string) =>
      conn.request('POST', `/api/reports/${id}/submit`, { cookie: session.cookie, 'x-csrf-token': session.csrf }, {});
    const lines = sessions.map((_, i) => connect(i));
    const submit = async (i: number) => {
      const id = pools[i]!.shift();
      if (!id) return null;
      const r = await post(lines[i]!, sessions[i]!, id);
      return { id, ok: r.status === 200 && (JSON.parse(r.body) as { data: { status: string } }).data.status === 'submitted', status: r.status, body: r.body };
    };
    // Warm-up: two each (pool connections, plan caches); counted in the database check too.
    const acked = new Set<string>();
    let errors = 0;
    let firstError = '';
    await Promise.all(
      sessions.map(async (_, i) => {
        for (let k = 0; k < 2; k++) {
          const r = await submit(i);
          if (r?.ok) acked.add(r.id);
          else if (r) errors++;
        }
      }),
    );
    // Then the units the measurement leaves alone submit all their drafts: a fresh server runs its
    // first thousand requests in code V8 has not yet optimised, and the figure is for a server
    // that has been up for a while.
    const spare: { session: Session; ids: string[] }[] = [];
    for (const who of spareUnits) {
      const r = await db.query<{ id: string }>(`select id from reports where status = 'draft' and unit_id = $1`, [who.unitId]);
      spare.push({ session: await c.login(who.account), ids: r.rows.map((x) => x.id) });
    }
    await Promise.all(
      spare.map(async ({ session, ids }, k) => {
        const conn = connect(k);
        for (const id of ids) {
          const r = await post(conn, session, id);
          if (r.status === 200) acked.add(id);
          else errors++;
        }
      }),
    );
    const auditBefore = Number((await db.query(`select count(*)::int as n from audit_log where action = 'report.submitted'`)).rows[0].n);
    // Where the server's database connections wait, sampled every 100 ms: on a lock (the audit
    // head's, in practice), for the server to send its next statement, or working.
    const waits = { lock: 0, server: 0, working: 0, samples: 0 };
    const rssPeak = servers.map(() => 0);
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        servers.forEach((sv, k) => (rssPeak[k] = Math.max(rssPeak[k]!, rssMb(sv.child.pid) || 0)));
        const r = await db.query(
          `select count(*) filter (where wait_event_type = 'Lock')::int as lock, count(*) filter (where state = 'idle in transaction')::int as server,
                  count(*) filter (where state = 'active' and coalesce(wait_event_type, '') <> 'Lock')::int as working
             from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
        );
        waits.lock += r.rows[0].lock;
        waits.server += r.rows[0].server;
        waits.working += r.rows[0].working;
        waits.samples++;
        await new Promise((res) => setTimeout(res, 100));
      }
    })();
    const serversCpu = () => servers.reduce((sum, sv) => sum + cpuMs(sv.child.pid), 0);
    const cpu0 = serversCpu();
    const [pg0, client0, machine0] = [postgresCpuMs(), process.cpuUsage(), machineBusyMs()];
    const t0 = performance.now();
    // A client whose unit runs out of drafts stops; from then on fewer than `clients` submit. The
    // figures are for the time all of them did (until the first stopped); the whole run is reported beside.
    const done: { end: number; ms: number; ok: boolean }[] = [];
    let allActiveUntil = Infinity;
    await Promise.all(
      sessions.map(async (_, i) => {
        for (let k = 0; k < perClient; k++) {
          const t = performance.now();
          const r = await submit(i);
          if (!r) break;
          const end = performance.now();
          done.push({ end, ms: end - t, ok: r.ok });
          if (r.ok) acked.add(r.id);
          else {
            errors++;
            firstError ||= `${r.status} ${r.body.slice(0, 200)}`;
          }
        }
        allActiveUntil = Math.min(allActiveUntil, performance.now());
      }),
    );
    const wall = performance.now() - t0;
    const measured = done.length;
    const cpu = (serversCpu() - cpu0) / Math.max(1, measured);
    const pgCpu = (postgresCpuMs() - pg0) / Math.max(1, measured);
    const clientUsage = process.cpuUsage(client0);
    const clientCpu = (clientUsage.user + clientUsage.system) / 1000 / Math.max(1, measured);
    const machineCpu = (machineBusyMs() - machine0) / Math.max(1, measured);
    sampling = false;
    await sampler;
    const mean = (n: number) => n / Math.max(1, waits.samples);
    if (firstError) console.error(`first submission error: ${firstError}`);
    const ids = [...acked];
    const inDatabase = Number((await db.query(`select count(*)::int as n from reports where id = any($1::uuid[]) and status = 'submitted'`, [ids])).rows[0].n);
    const auditRecords = Number((await db.query(`select count(*)::int as n from audit_log where action = 'report.submitted'`)).rows[0].n) - auditBefore;
    const database = await openDatabase({ databaseUrl, migrate: false, poolSize: 1 });
    const chain = await verifyAuditChain(database.db);
    await database.close();
    return {
      clients: clients.length,
      instances: servers.length,
      rssPeakMb: rssPeak,
      acknowledged: ids.length,
      errors,
      ...steadyFigures(done, t0, allActiveUntil),
      whole: { perSecond: ((done.length - errors) / wall) * 1000, p99: percentile(done.map((d) => d.ms), 99), seconds: wall / 1000 },
      inDatabase,
      auditRecords,
      measuredAcked: done.length - errors,
      chainIntact: chain.intact,
      serverCpuPerSubmit: cpu,
      databaseCpuPerSubmit: pgCpu,
      clientCpuPerSubmit: clientCpu,
      machineCpuPerSubmit: machineCpu,
      cores: os.cpus().length,
      connections: { onLock: mean(waits.lock), onServer: mean(waits.server), working: mean(waits.working) },
    };
  } finally {
    for (const conn of connections) conn.close();
    await db.end();
    c.close();
    for (const sv of servers) await sv.stop();
  }
}
