// `npx tsx bench/feed.ts [clients=500] [events=40]`: the work feed (工作动态) under 500 connected
// clients. Two server processes on one fresh PostgreSQL database, as two app instances in
// production: the liaison's steps are taken on A, the clients listen on B, so every event crosses
// LISTEN/NOTIFY. Measures, per event and client, the time from sending the step's request to the
// event's arrival (an upper bound of commit → client), and the API's latency on B with and without
// the clients (read while the events fan out). Prints a markdown section (append it to bench/RESULTS.md by hand).
import http from 'node:http';
import { call, createServerDatabase, passwordLogin, startServer, type HttpSession } from '../scripts/serverProcess.js';
import { ms, percentile } from './stats.js';

const CLIENTS = Number(process.argv[2] ?? 500);
const EVENTS = Number(process.argv[3] ?? 40);
const API_SAMPLES = 200;

/** One SSE connection that notes when each event (by entity id) arrived. */
function connect(port: number, cookie: string, arrivals: Map<string, number[]>): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/feed/stream?kind=blocker', agent: false, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream: ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        const now = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          const id = (JSON.parse(data.slice(6)) as { entityId: string }).entityId;
          arrivals.set(id, [...(arrivals.get(id) ?? []), now]);
        }
      });
      resolve(req);
    });
    req.on('error', reject);
  });
}

async function apiLatency(base: string, s: HttpSession): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < API_SAMPLES; i++) {
    const t0 = performance.now();
    const r = await call(base, 'GET', '/api/tasks?perPage=20', s);
    if (r.status !== 200) throw new Error(`tasks: ${r.status}`);
    out.push(performance.now() - t0);
  }
  return out;
}

async function main() {
  const db = await createServerDatabase('tuijin_bench_feed');
  const env = { HTTP_MAX_CONNECTIONS_PER_IP: '0' };
  const a = await startServer({ databaseUrl: db.url }, { env, timeoutMs: 180_000 });
  const b = await startServer({ databaseUrl: db.url }, { env, timeoutMs: 180_000 });
  const requests: http.ClientRequest[] = [];
  try {
    const hq = await passwordLogin(a.base, 'hq_office');
    const liaison = await passwordLogin(a.base, 'liaison');
    const onB = await passwordLogin(b.base, 'hq_office');
    const list = async (url: string) => ((await call(a.base, 'GET', url, hq)).json as { data: { id: string; code: string }[] }).data;
    const [units, programs] = [await list('/api/units'), await list('/api/programs')];
    const plan = (await call(a.base, 'POST', '/api/plans', hq, { programId: programs[0]!.id, kind: 'special', code: 'BENCH-FEED', title: '动态压测方案' })).json.data;
    const task = (
      await call(a.base, 'POST', '/api/tasks', hq, {
        planId: plan.id, code: 'BENCH-FEED-1', title: '动态压测任务', leadUnitId: units.find((u) => u.code === 'jianshe')!.id,
        startDate: '2026-01-05', deadlineKind: 'date', deadline: '2028-12-31', reportPeriod: 'monthly',
      })
    ).json.data;

    const idle = await apiLatency(b.base, onB);
    const arrivals = new Map<string, number[]>();
    const t0 = performance.now();
    for (let i = 0; i < CLIENTS; i++) requests.push(await connect(b.port, onB.cookie, arrivals));
    const connectMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 500));

    const sent = new Map<string, number>();
    // The API is read on B while the events fan out to its clients, not after.
    const duringEvents = apiLatency(b.base, onB);
    for (let i = 0; i < EVENTS; i++) {
      const t = performance.now();
      const r = await call(a.base, 'POST', '/api/blockers', liaison, { itemType: 'task', itemId: task.id, title: `压测堵点${i}` });
      if (r.status !== 200) throw new Error(`blocker: ${r.status} ${JSON.stringify(r.json)}`);
      sent.set(r.json.data.id, t);
      await new Promise((res) => setTimeout(res, 100));
    }
    const loaded = await duringEvents;
    await new Promise((r) => setTimeout(r, 2000));
    const lat: number[] = [];
    let missing = 0;
    for (const [id, t] of sent) {
      const got = arrivals.get(id) ?? [];
      missing += CLIENTS - got.length;
      for (const at of got) lat.push(at - t);
    }
    lat.sort((x, y) => x - y);
    const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
    const line = (xs: number[]) => `p50 ${ms(percentile(sorted(xs), 50))}, p95 ${ms(percentile(sorted(xs), 95))}, max ${ms(Math.max(...xs))}`;
    console.log(`\n## Work feed (${new Date().toISOString().slice(0, 10)})\n`);
    console.log(`Two server processes on one PostgreSQL database; ${CLIENTS} SSE clients on B (one process, connected in ${ms(connectMs)}); ${EVENTS} blockers raised on A, 100 ms apart.\n`);
    console.log(`- step request sent on A → event at a client of B: ${line(lat)} (${lat.length} deliveries, ${missing} missing)`);
    console.log(`- GET /api/tasks?perPage=20 on B, ${API_SAMPLES} in a row: without clients ${line(idle)}; with ${CLIENTS} clients connected, while the events fan out to them: ${line(loaded)}`);
  } finally {
    for (const r of requests) r.destroy();
    await a.stop();
    await b.stop();
    await db.drop();
  }
}

await main();
