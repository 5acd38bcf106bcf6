// Issue 19's "API p50 ≤ 2× the same data read bare through the driver": the statements one request
// runs, caught as the server sends them (TUIJIN_SQL_LOG), replayed one after another on one pg
// connection; beside the API's p50 at one connection computing every reply (TUIJIN_KEPT_REPLIES=0)
// and keeping them (the default). The session's own lookups are left out of the bare read: they are
// the API's price of knowing who asks, not the data.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startServer, type ServerProcess } from '../scripts/serverProcess.js';
import { processCpuMs } from './procCpu.js';
import type { District } from './scale.js';
import { percentile } from './stats.js';
import { prepareKinds } from './throughput.js';
import { getAsWrk, parseWrk, wrk } from './wrk.js';

const API_SECONDS = 8;
const BARE_SECONDS = 5;

export interface BareRow {
  name: string;
  url: string;
  /** Statements the request ran for its data (session lookups left out), and those left out. */
  statements: number;
  sessionStatements: number;
  bareP50: number;
  bareP99: number;
  bareRounds: number;
  computedP50: number;
  computedServerCpu: number;
  keptP50: number;
  keptServerCpu: number;
}

export interface Read {
  name: string;
  url: string;
  cookie: string;
}

interface Statement {
  query: string;
  params: unknown[];
}

/** The unit workbench, the unit's task list, the HQ task list (page 11) and the HQ dashboard. */
async function reads(s: ServerProcess): Promise<Read[]> {
  const { kinds, cookieOf } = await prepareKinds(s);
  const hq = cookieOf(kinds.find((k) => k.key === 'hqPage')!);
  const dashboard = (await getAsWrk(s.base, '/api/dashboard', hq)) as { data?: { lights?: unknown } };
  if (!dashboard.data) throw new Error(`not a dashboard: ${JSON.stringify(dashboard).slice(0, 200)}`);
  return [...kinds.filter((k) => k.key !== 'hqDeep').map((k) => ({ name: k.name, url: k.url, cookie: cookieOf(k) })), { name: 'HQ dashboard', url: '/api/dashboard', cookie: hq }];
}

/** What the server sent while one GET of `r` ran, read off its SQL log. */
async function caughtDuring(s: ServerProcess, log: string, r: Read): Promise<Statement[]> {
  const from = fs.statSync(log).size;
  await getAsWrk(s.base, r.url, r.cookie);
  const fd = fs.openSync(log, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(size - from);
    fs.readSync(fd, buf, 0, buf.length, from);
    return buf
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Statement);
  } finally {
    fs.closeSync(fd);
  }
}

const isWrite = (q: string) => /^\s*(insert|update|delete|begin|commit|rollback|savepoint|release|select pg_advisory|select pg_notify)\b/i.test(q);

/**
 * The statements one GET runs. The log holds every statement of the server, the scheduled jobs'
 * too (a reminder run once landed in a capture and its insert failed in the replay), so the GET is
 * caught twice and only statements sent in both, and no write, count as the read's.
 */
async function statementsOf(s: ServerProcess, log: string, r: Read): Promise<Statement[]> {
  for (let i = 0; i < 3; i++) await getAsWrk(s.base, r.url, r.cookie);
  const first = new Set((await caughtDuring(s, log, r)).map((st) => st.query));
  return (await caughtDuring(s, log, r)).filter((st) => first.has(st.query) && !isWrite(st.query));
}

const isSession = (q: string) => /"?sessions"?\b/.test(q) && !/\b(tasks|reports|targets|projects)\b/.test(q);

/** One replay after another for `seconds` (after a short warm-up): each round's time in ms. */
async function replay(url: string, statements: Statement[], seconds: number): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const round = async () => {
      for (const st of statements) await c.query(st.query, st.params as unknown[]);
    };
    for (let i = 0; i < 20; i++) await round();
    const times: number[] = [];
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      const t = performance.now();
      await round();
      times.push(performance.now() - t);
    }
    return times;
  } finally {
    await c.end();
  }
}

/** wrk at one connection: p50 and the server's CPU per request. */
async function apiAtOne(s: ServerProcess, r: Read) {
  const url = s.base + r.url;
  await wrk(url, r.cookie, 1, 2);
  const c0 = processCpuMs(s.child.pid!);
  const f = parseWrk(await wrk(url, r.cookie, 1, API_SECONDS));
  const cpu = (processCpuMs(s.child.pid!) - c0) / Math.max(1, f.requests);
  if (f.non2xx) throw new Error(`${r.url}: ${f.non2xx} non-2xx replies under wrk`);
  return { p50: f.p50, cpu };
}

/** `readsOf`: the requests to measure, signed in on the server given (the district's four by default). */
export async function measureBare(
  d: Pick<District, 'target'>,
  port: () => Promise<number>,
  tmp: string,
  progress: (s: string) => void = () => {},
  readsOf: (s: ServerProcess) => Promise<Read[]> = reads,
): Promise<BareRow[]> {
  const dbUrl = d.target.databaseUrl;
  if (!dbUrl) throw new Error('bare reads are measured on PostgreSQL');
  const log = path.join(fs.mkdtempSync(path.join(tmp, 'sql-')), 'statements.jsonl');
  // 1. What each request sends, every reply computed.
  const caught = new Map<string, Statement[]>();
  let s = await startServer(d.target, { port: await port(), timeoutMs: 120_000, env: { TUIJIN_SQL_LOG: log, TUIJIN_KEPT_REPLIES: '0' } });
  let list: Read[];
  try {
    list = await readsOf(s);
    for (const r of list) caught.set(r.url, await statementsOf(s, log, r));
  } finally {
    await s.stop();
  }
  // 2. The API computing every reply, then keeping them; new sessions each time (a server's are its database's, so they would carry over, but a fresh login costs nothing here).
  const computed = new Map<string, { p50: number; cpu: number }>();
  const kept = new Map<string, { p50: number; cpu: number }>();
  for (const [keep, into] of [
    ['0', computed],
    ['1', kept],
  ] as const) {
    s = await startServer(d.target, { port: await port(), timeoutMs: 120_000, env: { TUIJIN_KEPT_REPLIES: keep } });
    try {
      for (const r of await readsOf(s)) {
        into.set(r.url, await apiAtOne(s, r));
        progress(`bare: ${r.name}, API ${keep === '1' ? 'kept' : 'computed'} at 1 connection: p50 ${into.get(r.url)!.p50.toFixed(2)} ms`);
      }
    } finally {
      await s.stop();
    }
  }
  // 3. The same statements bare, one connection, one after another.
  const rows: BareRow[] = [];
  for (const r of list) {
    const all = caught.get(r.url)!;
    const data = all.filter((st) => !isSession(st.query));
    const times = await replay(dbUrl, data, BARE_SECONDS);
    const row: BareRow = {
      name: r.name,
      url: r.url,
      statements: data.length,
      sessionStatements: all.length - data.length,
      bareP50: percentile(times, 50),
      bareP99: percentile(times, 99),
      bareRounds: times.length,
      computedP50: computed.get(r.url)!.p50,
      computedServerCpu: computed.get(r.url)!.cpu,
      keptP50: kept.get(r.url)!.p50,
      keptServerCpu: kept.get(r.url)!.cpu,
    };
    rows.push(row);
    progress(`bare: ${r.name}: ${row.statements} statements bare p50 ${row.bareP50.toFixed(2)} ms; API computed ${row.computedP50.toFixed(2)} ms, kept ${row.keptP50.toFixed(2)} ms`);
  }
  fs.rmSync(path.dirname(log), { recursive: true, force: true });
  return rows;
}
