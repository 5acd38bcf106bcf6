// Issue 3's figures at district scale: the HQ task list and a unit's workbench (p95 server time)
// on both databases, and report submission under 100 concurrent clients on PostgreSQL.
import path from 'node:path';
import { openDatabase } from '../server/db/client.js';
import { DEMO_PASSWORD, createServerDatabase, startServer, type ServerTarget } from '../scripts/serverProcess.js';
import { benchId, DISTRICT, generateDistrict, HQ_ACCOUNT, liaisonAccount, type GenerateResult } from './generate.js';
import { KeepAliveClient, type Session } from './http.js';
import { ms, percentile, timed } from './stats.js';
import { submitRun, type SubmitFigures, type Submitter } from './submitRun.js';

export type { SubmitFigures } from './submitRun.js';

export interface District {
  label: 'PostgreSQL' | 'embedded';
  target: ServerTarget;
  generated: GenerateResult;
  drop?: () => Promise<void>;
}

/** A fresh database of either kind, migrated and filled with the district; closed again for the server to open. */
export async function buildDistrict(label: District['label'], tmp: string, log: (s: string) => void): Promise<District> {
  if (label === 'PostgreSQL') {
    const db = await createServerDatabase('tuijin_scale');
    try {
      const database = await openDatabase({ databaseUrl: db.url, poolSize: 2 });
      const generated = await generateDistrict(database, DEMO_PASSWORD, DISTRICT, log);
      await database.close();
      return { label, target: { databaseUrl: db.url }, generated, drop: db.drop };
    } catch (e) {
      await db.drop();
      throw e;
    }
  }
  const dataDir = path.join(tmp, 'scale-embedded');
  const database = await openDatabase({ dataDir });
  try {
    return { label, target: { dataDir }, generated: await generateDistrict(database, DEMO_PASSWORD, DISTRICT, log) };
  } finally {
    await database.close();
  }
}

/** Filter combinations of the HQ task list: each a page of 50 with lights, reasons and counts by light. */
const LIST_QUERIES: [string, string][] = [
  ['plan, by deadline', `plan=${benchId('bp', 2)}&sort=deadline`],
  ['unit, by light', `unit=${benchId('bu', 17)}&sort=light&order=desc`],
  ['red, by progress', 'light=red&sort=progress&order=desc'],
  ['area + due before, by deadline', `area=${benchId('ba', 5)}&dueBefore=2026-12-31&sort=deadline`],
  ['text search, page 2', `q=${encodeURIComponent('招商')}&sort=code&page=2`],
  ['no filter, page 10', 'sort=code&page=10'],
  ['plan + yellow, by deadline', `plan=${benchId('bp', 4)}&light=yellow&sort=deadline`],
];
const WORKBENCH_UNITS = [3, 17, 29, 42, 55, 61, 78, 90, 104, 119];
const REPS = 40;
export const WARMUP_ROUNDS = 15;

interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

/** Each read as the client saw it (server + one loopback round trip) and as the server timed itself (Server-Timing). */
export interface ReadFigures {
  list: Latencies & { server: Latencies; perQuery: string[] };
  workbench: Latencies & { server: Latencies };
  /**
   * 领导驾驶舱: every panel for the whole district in one reply (issue 21), computed (each request a
   * period not asked before, so the reply kept until the next write never serves it); `kept` the
   * same period again with no write between; `slice` a liaison's own slice, computed.
   */
  dashboard: Latencies & { server: Latencies; kept: Latencies; slice: Latencies };
  /** Server times of the warm-up requests (the first after the server started). */
  warmup: Latencies;
}

/** The server's own time from its `Server-Timing: app;dur=…` header. */
function serverTime(headers: Record<string, string | string[] | undefined>): number {
  const m = /app;dur=([\d.]+)/.exec(String(headers['server-timing'] ?? ''));
  if (!m) throw new Error('no Server-Timing header in the reply');
  return Number(m[1]);
}

/**
 * Sequential requests (one at a time) over HTTP on 127.0.0.1 with a keep-alive connection, so the
 * figure is the server's time plus one loopback round trip; each query is warmed up first.
 */
export async function measureReads(d: District, port: number, env: NodeJS.ProcessEnv = {}): Promise<ReadFigures> {
  const s = await startServer(d.target, { port, timeoutMs: 120_000, env });
  const c = new KeepAliveClient(s.base, 4);
  try {
    const hq = await c.login(HQ_ACCOUNT);
    let serverTimes: number[] = [];
    const get = async (session: Session, url: string) => {
      const r = await c.request('GET', url, session);
      if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${r.body.slice(0, 300)}`);
      serverTimes.push(serverTime(r.headers));
      return r.body;
    };
    const heads = await Promise.all(WORKBENCH_UNITS.map((u) => c.login(liaisonAccount(u))));
    // Warm-up: the whole read mix, WARMUP_ROUNDS times, before anything is timed. The embedded
    // database is WebAssembly that V8 first runs unoptimised and recompiles as it gets hot, so a
    // fresh process answers its first few hundred requests slower and unevenly; the figures are for
    // a server that has been running, and the warm-up's own server times are reported beside them.
    serverTimes = [];
    for (let round = 0; round < WARMUP_ROUNDS; round++) {
      for (const [, q] of LIST_QUERIES) await get(hq, `/api/tasks?perPage=50&${q}`);
      for (const h of heads) await get(h, '/api/workbench/unit');
    }
    const warmup = serverTimes;
    const all: number[] = [];
    const listServer: number[] = [];
    const perQuery: string[] = [];
    for (const [name, q] of LIST_QUERIES) {
      const url = `/api/tasks?perPage=50&${q}`;
      const first = JSON.parse(await get(hq, url)) as { data: { light: string; lightReasons: unknown[] }[]; page: { total: number } };
      if (first.data.some((t) => !t.light || !Array.isArray(t.lightReasons))) throw new Error(`${url}: an item without its light or reasons`);
      await timed(5, 1, async () => void (await get(hq, url)));
      serverTimes = [];
      const { latencies } = await timed(REPS, 1, async () => void (await get(hq, url)));
      all.push(...latencies);
      listServer.push(...serverTimes);
      perQuery.push(`${name}: ${first.data.length}/${first.page.total} rows, p95 ${ms(percentile(latencies, 95))} (server ${ms(percentile(serverTimes, 95))})`);
    }
    const wb: number[] = [];
    const wbServer: number[] = [];
    for (const h of heads) {
      await timed(3, 1, async () => void (await get(h, '/api/workbench/unit')));
      serverTimes = [];
      wb.push(...(await timed(REPS, 1, async () => void (await get(h, '/api/workbench/unit')))).latencies);
      wbServer.push(...serverTimes);
    }
    // A month-long custom period starting a day later each time: a month's panels, never a kept reply.
    let day = 0;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const fresh = () => {
      const from = Date.UTC(2026, 3, 1) + day++ * 86_400_000;
      return `/api/dashboard?period=custom&from=${iso(from)}&to=${iso(from + 30 * 86_400_000)}`;
    };
    await timed(5, 1, async () => void (await get(hq, fresh())));
    serverTimes = [];
    const dash = (await timed(REPS, 1, async () => void (await get(hq, fresh())))).latencies;
    const dashServer = serverTimes;
    await get(hq, '/api/dashboard?period=month');
    serverTimes = [];
    await timed(REPS, 1, async () => void (await get(hq, '/api/dashboard?period=month')));
    const dashKept = serverTimes;
    serverTimes = [];
    await timed(REPS, 1, async () => void (await get(heads[0]!, fresh())));
    const dashSlice = serverTimes;
    const fig = (l: number[]): Latencies => ({ p50: percentile(l, 50), p95: percentile(l, 95), p99: percentile(l, 99), n: l.length });
    return {
      list: { ...fig(all), server: fig(listServer), perQuery },
      workbench: { ...fig(wb), server: fig(wbServer) },
      dashboard: { ...fig(dash), server: fig(dashServer), kept: fig(dashKept), slice: fig(dashSlice) },
      warmup: fig(warmup),
    };
  } finally {
    c.close();
    await s.stop();
  }
}

/**
 * Submission = POST /api/reports/:id/submit of one of the unit's draft reports by its liaison: a
 * real session (cookie + CSRF), the report read and checked against the workflow and the
 * liaison's units, then moved on only if unchanged since (version check), the step timed, one
 * hash-chained audit record, all in one transaction; the
 * reply is the report's detail. 100 clients, each its own liaison of its own unit, on one
 * keep-alive connection each, one request at a time.
 */
export async function measureSubmissions(d: District, port: number, clients = 100, perClient = 150, env: NodeJS.ProcessEnv = {}, warmupUnits = 20): Promise<SubmitFigures> {
  if (!d.target.databaseUrl) throw new Error('submissions are measured on PostgreSQL');
  const liaison = (u: number): Submitter => ({ account: liaisonAccount(u), unitId: benchId('bu', u) });
  const spare = Array.from({ length: Math.max(0, Math.min(DISTRICT.units, clients + warmupUnits) - clients) }, (_, k) => liaison(clients + 1 + k));
  return submitRun(d.target.databaseUrl, [await startServer(d.target, { port, timeoutMs: 120_000, env })], Array.from({ length: clients }, (_, i) => liaison(i + 1)), spare, perClient);
}
