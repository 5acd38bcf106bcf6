// The throughput section's markdown (bench/throughput.ts).
import os from 'node:os';
import { HQ_ACCOUNT, liaisonAccount } from './generate.js';
import { ms } from './stats.js';
import { DURATION_S, HQ_PER_PAGE, UNIT, WARMUP_S, type EmbeddedFigures, type Kind, type ThroughputFigures, type WrkFigures } from './throughputTypes.js';

export const cpu = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : 'n/a');
export const mark = (ok: boolean) => (ok ? '✓' : '✗ miss');
export const errorsOf = (r: WrkFigures) => r.non2xx + r.socketErrors.connect + r.socketErrors.read + r.socketErrors.write + r.socketErrors.timeout;

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
      `Nothing writes during these runs, so where the server keeps a reply until the next write that may change it (server/queries/versionedCache.ts: the task lists, and the unit workbench) repeating one URL measures mostly the kept reply. ` +
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
      `Each timed run follows a ${WARMUP_S} s warm-up of wrk and the writer at the same rate. The measured unit's data does not change: a submission declares its own unit alone (audit_pending.scopes, migration 0039), so the workbench, kept per unit (server/queries/versionedCache.ts), stays kept; any write that declares nothing would drop it and the next read would compute it again. ` +
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

