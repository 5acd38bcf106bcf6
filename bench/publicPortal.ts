// Issue 23's figure for the public portal, on PostgreSQL, through a real server over HTTP, with no
// login: GET /api/public/portal on the demo district (its published articles, progress by area, the
// published rankings), as kept between writes (the budget: p95 ≤ 10 ms cached): one request at a
// time after a warm-up, then under load (LOAD_CONNECTIONS keep-alive connections asking gzip, as
// browsers do, bounded in count and time: p50/p95/p99, requests per second, the server's CPU per
// request); then the first read after a result is published, which builds it again.
// `npx tsx bench/publicPortal.ts [requests]`. A database of its own (created and dropped).
import { createServerDatabase, startServer } from '../scripts/serverProcess.js';
import { KeepAliveClient } from './http.js';
import { RawConnection } from './rawHttp.js';
import { ms, percentile } from './stats.js';
import { processCpuMs } from './procCpu.js';

const REQUESTS = Number(process.argv[2] ?? 1000);
const WARMUP = 100;
const P95_MS = 10;
const LOAD_CONNECTIONS = 10;
const LOAD_REQUESTS = 20_000;
const LOAD_SECONDS = 20;

/** LOAD_CONNECTIONS connections each asking in turn, until LOAD_REQUESTS are answered or LOAD_SECONDS pass. */
async function load(base: string, pid: number | undefined) {
  const { hostname, port } = new URL(base);
  const conns = Array.from({ length: LOAD_CONNECTIONS }, () => new RawConnection(hostname, Number(port)));
  const latencies: number[] = [];
  let bad = 0;
  const headers = { 'accept-encoding': 'gzip, deflate, br', accept: 'application/json' };
  for (const c of conns) await c.request('GET', '/api/public/portal', headers);
  const c0 = processCpuMs(pid);
  const t0 = performance.now();
  const until = t0 + LOAD_SECONDS * 1000;
  let sent = 0;
  await Promise.all(
    conns.map(async (c) => {
      while (sent < LOAD_REQUESTS && performance.now() < until) {
        sent++;
        const t = performance.now();
        const r = await c.request('GET', '/api/public/portal', headers);
        latencies.push(performance.now() - t);
        if (r.status !== 200) bad++;
      }
    }),
  );
  const wall = performance.now() - t0;
  const cpu = processCpuMs(pid) - c0;
  for (const c of conns) c.close();
  return { latencies, bad, perSecond: (latencies.length / wall) * 1000, cpuPerRequest: cpu / latencies.length };
}

async function get(base: string, url: string) {
  const t = performance.now();
  const res = await fetch(`${base}${url}`);
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return { ms: performance.now() - t, bytes: body.byteLength };
}

async function main() {
  const db = await createServerDatabase('tuijin_portal');
  try {
    const server = await startServer({ databaseUrl: db.url }, { env: { TUIJIN_PUBLIC_READ_PER_ADDRESS: '10000000' }, timeoutMs: 300_000 });
    try {
      const cold = await get(server.base, '/api/public/portal');
      for (let i = 0; i < WARMUP; i++) await get(server.base, '/api/public/portal');
      const c0 = processCpuMs(server.child.pid);
      const kept: number[] = [];
      for (let i = 0; i < REQUESTS; i++) kept.push((await get(server.base, '/api/public/portal')).ms);
      const cpu = (processCpuMs(server.child.pid) - c0) / REQUESTS;
      const loaded = await load(server.base, server.child.pid);
      // Publishing empties the kept reply: the assessor publishes a fresh computation, then the first read builds it.
      const client = new KeepAliveClient(server.base, 1);
      const assessor = await client.login('assessor');
      const schemes = JSON.parse((await client.request('GET', '/api/assessments', assessor)).body) as { data: { id: string; results: { period: string; status: string }[] }[] };
      const scheme = schemes.data.find((s) => s.results.some((r) => r.status === 'published'));
      const rebuilt: number[] = [];
      if (scheme) {
        const period = scheme.results.find((r) => r.status === 'published')!.period;
        for (let i = 0; i < 5; i++) {
          for (const step of ['compute', 'publish']) {
            const r = await client.request('POST', `/api/assessments/${scheme.id}/${step}`, assessor, { period });
            if (r.status !== 200) throw new Error(`${step}: ${r.status} ${r.body.slice(0, 300)}`);
          }
          rebuilt.push((await get(server.base, '/api/public/portal')).ms);
        }
      }
      client.close();
      console.log(`GET /api/public/portal on PostgreSQL (demo district, ${(cold.bytes / 1024).toFixed(1)} KB), ${REQUESTS} requests one at a time`);
      const p95 = percentile(kept, 95);
      console.log(`kept: p50 ${ms(percentile(kept, 50))}, p95 ${ms(p95)} (budget ${P95_MS} ms: ${p95 <= P95_MS ? 'ok' : 'OVER'}); server CPU ${ms(cpu)} per request`);
      const l = loaded.latencies;
      console.log(
        `under load (${LOAD_CONNECTIONS} connections, gzip, ${l.length} requests): p50 ${ms(percentile(l, 50))}, p95 ${ms(percentile(l, 95))} (budget ${P95_MS} ms: ${percentile(l, 95) <= P95_MS ? 'ok' : 'OVER'}), p99 ${ms(percentile(l, 99))}; ${loaded.perSecond.toFixed(0)} req/s; server CPU ${(loaded.cpuPerRequest * 1000).toFixed(0)} µs per request; ${loaded.bad} not 200`,
      );
      console.log(`first read after a publish (built again): ${rebuilt.map(ms).join(', ') || 'no published result'}; the very first read ${ms(cold.ms)}`);
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
