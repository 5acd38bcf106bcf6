// Issue 23's figure for the public portal, on PostgreSQL, through a real server over HTTP, with no
// login: GET /api/public/portal on the demo district (its published articles, progress by area, the
// published rankings), one request at a time after a warm-up, as kept between writes (the budget:
// p95 ≤ 10 ms cached); then the first read after a result is published, which builds it again.
// `npx tsx bench/publicPortal.ts [requests]`. A database of its own (created and dropped).
import { createServerDatabase, startServer } from '../scripts/serverProcess.js';
import { KeepAliveClient } from './http.js';
import { ms, percentile } from './stats.js';
import { processCpuMs } from './procCpu.js';

const REQUESTS = Number(process.argv[2] ?? 1000);
const WARMUP = 100;
const P95_MS = 10;

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
