// The report section for issue 3's figures: builds the district on each database, measures, and
// prints one table with every figure against its target, then the details.
import os from 'node:os';
import { loadConfig } from '../server/config.js';
import { ms } from './stats.js';
import { buildDistrict, measureReads, measureSubmissions, WARMUP_ROUNDS, type District, type ReadFigures, type SubmitFigures } from './scale.js';

export interface ScaleOptions {
  say: (s?: string) => void;
  progress: (s: string) => void;
  port: () => Promise<number>;
  tmp: string;
  reads: boolean;
  submit: boolean;
  databases: District['label'][];
}

const mark = (ok: boolean) => (ok ? '✓' : '✗ miss');
const load = () => os.loadavg()[0]!.toFixed(2);

export async function scaleSection(o: ScaleOptions): Promise<void> {
  const { say, progress } = o;
  const built: District[] = [];
  const reads = new Map<District['label'], ReadFigures & { load: string }>();
  let submit: (SubmitFigures & { load: string }) | undefined;
  const labels = o.reads ? o.databases : ['PostgreSQL' as const];
  try {
    for (const label of labels) {
      if (!o.reads && label !== 'PostgreSQL') continue;
      progress(`${label}: generating the district…`);
      const d = await buildDistrict(label, o.tmp, progress);
      built.push(d);
      progress(`${label}: ${JSON.stringify(d.generated.counts)} in ${(d.generated.ms / 1000).toFixed(1)} s`);
      if (o.reads) {
        const l0 = load();
        const r = await measureReads(d, await o.port());
        reads.set(label, { ...r, load: `${l0} → ${load()}` });
        progress(`${label}: task list p95 ${ms(r.list.server.p95)} server (${ms(r.list.p95)} at the client), workbench p95 ${ms(r.workbench.server.p95)} server (${ms(r.workbench.p95)} at the client)`);
      }
      if (o.submit && label === 'PostgreSQL') {
        const l0 = load();
        const f = await measureSubmissions(d, await o.port());
        submit = { ...f, load: `${l0} → ${load()}` };
        progress(`submissions: ${f.perSecond.toFixed(0)}/s, p99 ${ms(f.p99)}, errors ${f.errors}`);
      }
    }
  } finally {
    for (const d of built) await d.drop?.().catch(() => {});
  }

  say('### Issue 3 at district scale');
  say();
  const first = built[0]!.generated.counts;
  say(
    `District: ${first.plans} plans, ${first.targets} targets, ${first.tasks} tasks (trees 3 deep, ${first.task_units} unit shares), ${first.projects} projects, ` +
      `${first.org_units} units, ${first.users} users, ${(first.reports ?? 0).toLocaleString('en')} reports with ${(first.report_steps ?? 0).toLocaleString('en')} steps ` +
      `(weekly and monthly since 2024-01), lights stored by the midnight job. Built by bench/generate.ts (set-based INSERT … SELECT generate_series): ` +
      built.map((d) => `${d.label} ${(d.generated.ms / 1000).toFixed(1)} s`).join(', ') +
      '.',
  );
  say();
  say('| Figure | Target | PostgreSQL | embedded (PGlite) |');
  say('|---|---|---|---|');
  const cell = (label: District['label'], pick: (r: ReadFigures) => number, limit: number) => {
    const r = reads.get(label);
    return r ? `${ms(pick(r))} ${mark(pick(r) <= limit)}` : 'not run';
  };
  if (o.reads) {
    say(`| HQ task list, p95 server time (filter + sort + page of 50, lights and reasons) | ≤ 20 ms | ${cell('PostgreSQL', (r) => r.list.server.p95, 20)} | ${cell('embedded', (r) => r.list.server.p95, 20)} |`);
    say(`| Unit workbench, p95 server time | ≤ 15 ms | ${cell('PostgreSQL', (r) => r.workbench.server.p95, 15)} | ${cell('embedded', (r) => r.workbench.server.p95, 15)} |`);
    say(`| Dashboard API, all panels, p95 server time, computed (issue 21) | ≤ 50 ms PG, ≤ 80 ms embedded | ${cell('PostgreSQL', (r) => r.dashboard.server.p95, 50)} | ${cell('embedded', (r) => r.dashboard.server.p95, 80)} |`);
    say(`| Dashboard API, p95 server time, kept reply (no write since) | | ${cell('PostgreSQL', (r) => r.dashboard.kept.p95, 50)} | ${cell('embedded', (r) => r.dashboard.kept.p95, 80)} |`);
    say(`| Dashboard API, a liaison's slice, p95 server time, computed | | ${cell('PostgreSQL', (r) => r.dashboard.slice.p95, 50)} | ${cell('embedded', (r) => r.dashboard.slice.p95, 80)} |`);
  }
  if (submit) {
    const f = submit;
    say(`| Submissions/s, 100 concurrent clients | ≥ 800/s | ${f.perSecond.toFixed(0)}/s ${mark(f.perSecond >= 800)} | not required |`);
    say(`| Submission p99 | ≤ 150 ms | ${ms(f.p99)} ${mark(f.p99 <= 150)} | |`);
    say(`| Submission errors | 0 | ${f.errors} ${mark(f.errors === 0)} | |`);
    const countOk = f.inDatabase === f.acknowledged && f.auditRecords === f.measuredAcked;
    say(`| Submitted in the database = acknowledged | equal | ${f.inDatabase} = ${f.acknowledged} ${mark(countOk)} | |`);
  }
  say();
  if (o.reads) {
    say(
      `Reads: HTTP on 127.0.0.1 against the server process (\`node --import tsx server/main.ts\`), one keep-alive connection, one request at a time. Server time is what the server reports in its \`Server-Timing\` header (request received → reply serialised); the client's time adds one loopback round trip. ` +
        `Task list: ${reads.get(labels[0]!)?.list.n ?? 0} requests per database over 7 filter combinations; workbench: 10 units × 40. After a warm-up of the whole mix (${WARMUP_ROUNDS} rounds of 7 task lists and 10 workbenches), each query warmed up again before it is timed.`,
    );
    say();
    say('| Database | Task list p50 / p95 / p99, server | at the client | Workbench p50 / p95 / p99, server | at the client | Load average (1 min) |');
    say('|---|---|---|---|---|---|');
    const three = (l: { p50: number; p95: number; p99: number }) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
    for (const [label, r] of reads) {
      say(`| ${label} | ${three(r.list.server)} | ${three(r.list)} | ${three(r.workbench.server)} | ${three(r.workbench)} | ${r.load} |`);
    }
    say();
    for (const [label, r] of reads) say(`- ${label} task list by query: ${r.list.perQuery.join('; ')}.`);
    for (const [label, r] of reads) {
      say(`- ${label} warm-up (the first ${r.warmup.n} requests after the server started, task lists and workbenches mixed): server time p50 ${ms(r.warmup.p50)}, p95 ${ms(r.warmup.p95)}, p99 ${ms(r.warmup.p99)}.`);
    }
    say();
  }
  if (submit) {
    const f = submit;
    say(
      `Submissions: POST /api/reports/:id/submit of a draft report by its unit's liaison — session cookie and CSRF token, report read and checked against the workflow and the liaison's units, ` +
        `then moved on only if unchanged since (version check), the step timed, one hash-chained audit record, one transaction; the reply is the report's detail. ${f.clients} clients, each its own liaison of its own unit with its own keep-alive connection (a plain socket, bench/rawHttp.ts), ` +
        `one request at a time, over real HTTP to the server process on PostgreSQL (after 2 warm-up submissions each, and every draft of the 20 units the measurement leaves alone, so that V8 has optimised the server's code). ` +
        `Measured: ${f.measuredAcked} acknowledged in ${f.whole.seconds.toFixed(1)} s. The figures above are for the ${f.steady.seconds.toFixed(1)} s in which all ${f.clients} clients were submitting (${f.steady.count} submissions, until the first unit ran out of drafts): ` +
        `p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, p99 ${ms(f.p99)}; over the whole run, as the units ran out of drafts one by one, ${f.whole.perSecond.toFixed(0)}/s, p99 ${ms(f.whole.p99)}. ` +
        `CPU a submission cost: server ${ms(f.serverCpuPerSubmit)}, PostgreSQL ${ms(f.databaseCpuPerSubmit)}, this benchmark's client ${ms(f.clientCpuPerSubmit)}; the whole machine ${ms(f.machineCpuPerSubmit)}, so its ${f.cores} cores can carry at most ${Math.floor((f.cores * 1000) / f.machineCpuPerSubmit)} submissions/s with the client on the same machine. ` +
        `Afterwards ${f.inDatabase} of ${f.acknowledged} acknowledged reports are \`submitted\` in the database, ${f.auditRecords} \`report.submitted\` audit records were appended in the measured phase, ` +
        `and the audit chain verifies ${f.chainIntact ? 'intact' : 'BROKEN'}. ` +
        `The server's database connections (pool of ${loadConfig().databasePoolSize}: DATABASE_POOL_SIZE, by default 2 × cores + 1), sampled every 100 ms: on average ${f.connections.onLock.toFixed(1)} waiting on a lock (the audit head's), ` +
        `${f.connections.onServer.toFixed(1)} idle in a transaction waiting for the server process's next statement, ${f.connections.working.toFixed(1)} working. Load average ${f.load}.`,
    );
    say();
  }
}
