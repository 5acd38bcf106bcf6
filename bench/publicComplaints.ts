// Issue 22's figures for the public complaint channel, on PostgreSQL, through a real server over
// HTTP, with no login: POST /api/public/complaints (the complaint, its oversight case and the audit
// record in one transaction, after the throttle's counters) and GET /api/public/complaints/:code
// (one indexed lookup), each one request at a time after a warm-up; p50 and p95 against the budgets.
// `npx tsx bench/publicComplaints.ts [requests]`. A database of its own (created and dropped), a port
// on 127.0.0.1, the limits raised (production counts 5 submissions per address per 10 minutes).
import { createServerDatabase, startServer } from '../scripts/serverProcess.js';
import { complaintBody } from '../server/testing/complaintCalls.js';
import { ms, percentile } from './stats.js';
import { postgresCpuBetween, postgresSnapshot, processCpuMs } from './procCpu.js';

const REQUESTS = Number(process.argv[2] ?? 500);
const WARMUP = 50;
/** The budgets. */
const POST_P95_MS = 20;
const LOOKUP_P95_MS = 10;
const ROOMY = {
  TUIJIN_PUBLIC_SUBMIT_PER_ADDRESS: '10000000',
  TUIJIN_PUBLIC_SUBMIT_OVERALL: '10000000',
  TUIJIN_PUBLIC_LOOKUP_PER_ADDRESS: '10000000',
  TUIJIN_PUBLIC_LOOKUP_OVERALL: '10000000',
};

async function series(n: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

async function main() {
  const db = await createServerDatabase('tuijin_complaints');
  try {
    // No demo: the channel needs no accounts, and loading one takes longer than the run.
    const server = await startServer({ databaseUrl: db.url }, { env: { ...ROOMY, TUIJIN_DEMO: '0' }, timeoutMs: 120_000 });
    try {
      const codes: string[] = [];
      const post = async (i: number) => {
        const res = await fetch(`${server.base}/api/public/complaints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(complaintBody({ enterprise: `测试企业${i}有限公司`, environment: ['rule_of_law', 'market', 'government_service', 'credit'][i % 4] })),
        });
        const body = (await res.json()) as { data: { trackingCode: string } };
        if (res.status !== 200) throw new Error(`POST: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        codes.push(body.data.trackingCode);
      };
      const lookup = async (i: number) => {
        // Every fourth a code nobody was given: a miss takes the same path.
        const code = i % 4 === 3 ? 'zzzz-zzzz-zzzz' : codes[i % codes.length]!;
        const res = await fetch(`${server.base}/api/public/complaints/${code}`);
        await res.arrayBuffer();
        if (res.status !== (i % 4 === 3 ? 404 : 200)) throw new Error(`lookup ${code}: ${res.status}`);
      };
      // The server's own CPU per request: unlike latency it does not grow when other work shares the machine.
      const cpu = () => processCpuMs(server.child.pid);
      await series(WARMUP, post);
      // PostgreSQL's too (all its processes: other work on the machine's server counts in, so it is an upper bound).
      const measure = async (n: number, fn: (i: number) => Promise<void>) => {
        const c0 = cpu();
        const p0 = postgresSnapshot();
        const v = await series(n, fn);
        return { v, server: (cpu() - c0) / n, pg: postgresCpuBetween(p0, postgresSnapshot()) / n };
      };
      await series(WARMUP, post);
      const posts = await measure(REQUESTS, (i) => post(WARMUP + i));
      await series(WARMUP, lookup);
      const lookups = await measure(REQUESTS, lookup);
      const line = (name: string, m: { v: number[]; server: number; pg: number }, budget: number) => {
        const p95 = percentile(m.v, 95);
        return `${name}: p50 ${ms(percentile(m.v, 50))}, p95 ${ms(p95)} (budget ${budget} ms: ${p95 <= budget ? 'ok' : 'OVER'}); CPU per request: server ${ms(m.server)}, PostgreSQL ${ms(m.pg)}`;
      };
      console.log(`public complaints on PostgreSQL, ${REQUESTS} requests each, one at a time`);
      console.log(line('POST /api/public/complaints', posts, POST_P95_MS));
      console.log(line('GET /api/public/complaints/:code', lookups, LOOKUP_P95_MS));
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
