// Issue 25's soak drill: the compiled server (PostgreSQL by default, `--db=embedded` for a DATA_DIR)
// on the demo district, first driven flat out for a short while to measure its peak on the mix below,
// then held at 70 % of that peak (or `--rate=`) for `--minutes=` (10 by default), with `--sse=` feed
// streams open all along. The mix, as people use it: unit workbenches, report lists and drafts of
// the demo's liaisons, the HQ office's task list pages, the leader's dashboard, report drafts and
// submissions on weekly drill tasks of their own (bench/drillSetup.ts) and blockers raised on them,
// which the feed streams carry (every write with an Idempotency-Key).
// Requests are sent on a schedule (the i-th at i / rate s) over keep-alive connections; a request's
// latency runs from when it was due, so a server falling behind shows in it.
// Per minute: requests, errors, p50 and p99, events the streams received, the server's RSS. Verdicts:
// zero errors (any non-2xx, lost connection or stream), p99 of the last minute within 20 % of the
// first's, RSS at the end within 10 % of RSS after the first minute. Exits 1 when a verdict fails.
//
// `npx tsx bench/soak.ts [--minutes=10] [--rate=N] [--share=70] [--peak-seconds=20] [--sse=20] [--connections=48] [--units=10] [--db=pg|embedded]`
// Sends only to 127.0.0.1; every loop is bounded in time.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createServerDatabase, passwordLogin, startServer, type HttpSession, type ServerProcess, type ServerTarget } from '../scripts/serverProcess.js';
import { idempotencyKey, nextSlot, prepareReporters, reportBody, type Reporter } from './drillSetup.js';
import { processCpuMs } from './procCpu.js';
import { RawConnection } from './rawHttp.js';
import { ms, percentile } from './stats.js';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const num = (name: string, d: number) => {
  const v = flag(name);
  const n = v === undefined ? d : Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not ${v}`);
  return n;
};
const MINUTES = num('minutes', 10);
const SHARE = num('share', 70) / 100;
const PEAK_SECONDS = num('peak-seconds', 20);
const SSE_CLIENTS = Math.round(num('sse', 20));
const CONNECTIONS = Math.round(num('connections', 48));
const UNITS = Math.round(num('units', 10));
const DB = flag('db') ?? 'pg';
const GIVEN_RATE = flag('rate') === undefined ? undefined : num('rate', 1);
/** Writes can be at most this many a second (bounds the drill tasks made beforehand). */
const MAX_WRITES_PER_S = 150;
/** A request unanswered this long is an error, and the run goes on: every loop here is bounded in time. */
const ANSWER_TIMEOUT_MS = 60_000;

const progress = (s: string) => process.stderr.write(`· ${s}\n`);
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

interface Request {
  kind: string;
  method: string;
  url: string;
  session: HttpSession;
  body?: unknown;
  key?: boolean;
  /** What its 200 answer means for the mix (a draft to submit later). */
  then?: (json: any) => void;
}

/** The mix, in shares out of 100. */
function mix(reporters: Reporter[], hq: HttpSession, leader: HttpSession) {
  const drafts: { reporter: Reporter; id: string }[] = [];
  let turn = 0;
  const pick = () => reporters[turn++ % reporters.length]!;
  const create = (): Request => {
    const r = pick();
    return { kind: 'report draft', method: 'POST', url: '/api/reports', session: r.session, body: reportBody(nextSlot(r), '浸泡演练'), key: true, then: (j) => drafts.push({ reporter: r, id: j.data.id }) };
  };
  const kinds: [number, () => Request][] = [
    [30, () => ({ kind: 'unit workbench', method: 'GET', url: '/api/workbench/unit', session: pick().session })],
    [14, () => ({ kind: 'report list', method: 'GET', url: '/api/reports?perPage=20', session: pick().session })],
    [
      1,
      () => {
        const r = pick();
        return { kind: 'blocker raised', method: 'POST', url: '/api/blockers', session: r.session, body: { itemType: 'task', itemId: r.taskIds[0], title: `浸泡演练堵点 ${turn}` }, key: true };
      },
    ],
    [20, () => ({ kind: 'HQ task list', method: 'GET', url: `/api/tasks?perPage=20&page=${1 + (turn++ % 5)}`, session: hq })],
    [10, () => ({ kind: 'dashboard', method: 'GET', url: '/api/dashboard', session: leader })],
    [13, create],
    [
      12,
      () => {
        const d = drafts.shift();
        return d ? { kind: 'report submission', method: 'POST', url: `/api/reports/${d.id}/submit`, session: d.reporter.session, body: {}, key: true } : create();
      },
    ],
  ];
  const total = kinds.reduce((a, [w]) => a + w, 0);
  let i = 0;
  // A fixed interleaving (every 100 requests hold each kind its share), not a random draw.
  const order = kinds.flatMap(([w, make]) => Array.from({ length: w }, () => make));
  const shuffled = order.map((m, k) => ({ m, at: (k * 37) % total })).sort((a, b) => a.at - b.at).map((x) => x.m);
  return () => shuffled[i++ % shuffled.length]!();
}

/** Keep-alive connections to the server, one request at a time each; a broken one is replaced. */
class Pool {
  private idle: RawConnection[] = [];
  private waiting: ((c: RawConnection) => void)[] = [];
  constructor(
    private readonly port: number,
    size: number,
  ) {
    for (let k = 0; k < size; k++) this.idle.push(new RawConnection('127.0.0.1', port));
  }
  /** The connection idle longest (so none idles past the server's keep-alive timeout while others work); one the server closed is replaced, as a browser does. */
  private take(): Promise<RawConnection> {
    let c = this.idle.shift();
    if (c?.closed) c = new RawConnection('127.0.0.1', this.port);
    return c ? Promise.resolve(c) : new Promise((r) => this.waiting.push(r));
  }
  private give(c: RawConnection) {
    const w = this.waiting.shift();
    if (w) w(c);
    else this.idle.push(c);
  }
  async send(r: Request): Promise<{ status: number; body: string }> {
    const c = await this.take();
    const headers: Record<string, string> = { cookie: r.session.cookie, 'x-csrf-token': r.session.csrf };
    if (r.key) headers['idempotency-key'] = idempotencyKey();
    let timer: NodeJS.Timeout | undefined;
    try {
      const noAnswer = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`)), ANSWER_TIMEOUT_MS)));
      const reply = await Promise.race([c.request(r.method, r.url, headers, r.body), noAnswer]);
      this.give(c);
      return reply;
    } catch (e) {
      c.close();
      this.give(new RawConnection('127.0.0.1', this.port));
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }
  close() {
    for (const c of this.idle) c.close();
  }
}

interface Outcome {
  at: number;
  ms: number;
  ok: boolean;
  kind: string;
  error?: string;
}

async function sendOne(pool: Pool, r: Request, due: number, out: Outcome[]) {
  try {
    const reply = await pool.send(r);
    const ok = reply.status === 200;
    if (ok && r.then) r.then(JSON.parse(reply.body));
    out.push({ at: due, ms: performance.now() - due, ok, kind: r.kind, ...(ok ? {} : { error: `${r.kind}: ${reply.status} ${reply.body.slice(0, 160)}` }) });
  } catch (e) {
    out.push({ at: due, ms: performance.now() - due, ok: false, kind: r.kind, error: `${r.kind}: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/** Flat out: every connection sends its next request as soon as the last is answered. Requests a second answered 200. */
async function measurePeak(pool: Pool, next: () => Request, seconds: number): Promise<{ rate: number; out: Outcome[] }> {
  const out: Outcome[] = [];
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) await sendOne(pool, next(), performance.now(), out);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return { rate: out.filter((o) => o.ok).length / ((performance.now() - t0) / 1000), out };
}

/** One feed stream for the whole run: counts events; a drop or refusal is an error. */
function openStream(port: number, session: HttpSession, events: { n: number }, errors: string[]) {
  let closing = false;
  const req = http.get({ host: '127.0.0.1', port, path: '/api/feed/stream', agent: false, headers: { cookie: session.cookie, accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) {
      errors.push(`feed stream: ${res.statusCode}`);
      return;
    }
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      events.n += chunk.split('\n\n').filter((b) => b.includes('data: ')).length;
    });
    res.on('close', () => {
      if (!closing) errors.push('feed stream closed by the server');
    });
  });
  req.on('error', (e) => {
    if (!closing) errors.push(`feed stream: ${e.message}`);
  });
  return () => {
    closing = true;
    req.destroy();
  };
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-soak-'));
  let server: ServerProcess | null = null;
  let drop: (() => Promise<void>) | null = null;
  try {
    let target: ServerTarget = { dataDir: path.join(tmp, 'data') };
    if (DB === 'pg') {
      const db = await createServerDatabase('tuijin_soak');
      drop = db.drop;
      target = { databaseUrl: db.url, dataDir: tmp };
    }
    server = await startServer(target, { timeoutMs: 240_000 });
    const pid = server.child.pid!;
    progress(`server ready in ${ms(server.readyMs)} (${DB === 'pg' ? 'PostgreSQL' : 'embedded'}); preparing ${UNITS} liaisons and their drill tasks…`);
    const writesBound = Math.ceil((MINUTES * 60 + PEAK_SECONDS) * MAX_WRITES_PER_S * 0.25);
    const reporters = await prepareReporters(server.base, { units: UNITS, reports: writesBound, tag: `SOAK${Date.now().toString(36)}` });
    const [hq, leader] = await Promise.all([passwordLogin(server.base, 'hq_office'), passwordLogin(server.base, 'leader')]);
    const next = mix(reporters, hq, leader);
    const pool = new Pool(server.port, CONNECTIONS);

    let rate = GIVEN_RATE;
    let peakLine = `rate given: ${GIVEN_RATE}/s`;
    if (rate === undefined) {
      progress(`measuring the peak: ${CONNECTIONS} connections flat out for ${PEAK_SECONDS} s…`);
      const peak = await measurePeak(pool, next, PEAK_SECONDS);
      const failed = peak.out.filter((o) => !o.ok);
      rate = Math.max(1, Math.round(peak.rate * SHARE));
      peakLine = `peak ${peak.rate.toFixed(0)} req/s (${CONNECTIONS} connections flat out for ${PEAK_SECONDS} s; p50 ${ms(percentile(peak.out.map((o) => o.ms), 50))}, p99 ${ms(percentile(peak.out.map((o) => o.ms), 99))}${failed.length ? `; ${failed.length} failed, first: ${failed[0]!.error}` : ''}) → soak at ${SHARE * 100} %: ${rate} req/s`;
      if (rate > MAX_WRITES_PER_S * 4) {
        peakLine += `, held to ${MAX_WRITES_PER_S * 4} (the drill tasks made for writes)`;
        rate = MAX_WRITES_PER_S * 4;
      }
    }
    progress(peakLine);

    const streamErrors: string[] = [];
    const events = { n: 0 };
    const closers = Array.from({ length: SSE_CLIENTS }, (_, k) => openStream(server!.port, k % 2 ? hq : leader, events, streamErrors));
    const out: Outcome[] = [];
    const minutes: { rss: number; events: number; cpuMs: number }[] = [];
    const t0 = performance.now();
    const cpu0 = processCpuMs(pid);
    const durationMs = MINUTES * 60_000;
    const total = Math.floor((durationMs / 1000) * rate);
    const running = new Set<Promise<void>>();
    let minuteEnd = t0 + 60_000;
    let eventsBefore = 0;
    const rssSamples: number[] = [];
    const sampler = setInterval(() => rssSamples.push(rssMb(pid)), 1000);
    // At each minute's end: the server's RSS, CPU and the events so far (the requests are bucketed by when they were due, at the end).
    const closeMinute = () => {
      minutes.push({ rss: rssMb(pid), events: events.n - eventsBefore, cpuMs: processCpuMs(pid) });
      eventsBefore = events.n;
      const m = minutes.length;
      const answered = out.filter((o) => o.at >= t0 + (m - 1) * 60_000 && o.at < t0 + m * 60_000);
      progress(`minute ${m}: ${answered.length} answered so far, ${answered.filter((o) => !o.ok).length} errors, ${running.size} in flight, RSS ${minutes.at(-1)!.rss.toFixed(0)} MB`);
    };
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      while (performance.now() >= minuteEnd) {
        closeMinute();
        minuteEnd += 60_000;
      }
      const p: Promise<void> = sendOne(pool, next(), due, out).then(() => void running.delete(p));
      running.add(p);
    }
    await Promise.all(running);
    while (minutes.length < Math.ceil(MINUTES)) closeMinute();
    clearInterval(sampler);
    for (const c of closers) c();
    pool.close();
    const elapsed = performance.now() - t0;
    const cpuTotal = processCpuMs(pid) - cpu0;

    // The report.
    console.log(`### Soak drill (issue 25): ${MINUTES} min at ${rate} req/s, mixed reads and writes, ${SSE_CLIENTS} feed streams (bench/soak.ts)`);
    console.log();
    console.log(`${new Date().toISOString()}; ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end. \`npx tsx bench/soak.ts ${argv.join(' ')}\`.`);
    console.log(`${DB === 'pg' ? 'PostgreSQL' : 'Embedded database'}; ${peakLine}.`);
    console.log(`Mix: 30 % unit workbench, 14 % report list (liaisons of ${UNITS} units), 20 % HQ task list pages, 10 % leader's dashboard, 25 % report drafts and submissions and 1 % blockers raised (the feed's events), writes with Idempotency-Keys.`);
    console.log();
    console.log('| Minute | Requests | Rate | Errors | p50 | p99 | Feed events | Server RSS | Server CPU |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    const p99s: number[] = [];
    let lastCpu = cpu0;
    minutes.forEach((m, k) => {
      const span = Math.min(60_000, durationMs - k * 60_000);
      const inMinute = out.filter((o) => o.at >= t0 + k * 60_000 && o.at < t0 + (k + 1) * 60_000);
      const lat = inMinute.map((o) => o.ms);
      p99s.push(percentile(lat, 99));
      console.log(
        `| ${k + 1} | ${inMinute.length} | ${(inMinute.length / (span / 1000)).toFixed(0)}/s | ${inMinute.filter((o) => !o.ok).length} | ${ms(percentile(lat, 50))} | ${ms(p99s.at(-1)!)} | ${m.events} | ${m.rss.toFixed(0)} MB | ${(((m.cpuMs - lastCpu) / span) * 100).toFixed(0)} % |`,
      );
      lastCpu = m.cpuMs;
    });
    console.log();
    const byKind = new Map<string, number[]>();
    for (const o of out) {
      const l = byKind.get(o.kind) ?? [];
      l.push(o.ms);
      byKind.set(o.kind, l);
    }
    console.log(`Per kind over the run: ${[...byKind].map(([k, l]) => `${k} ${l.length} (p50 ${ms(percentile(l, 50))}, p99 ${ms(percentile(l, 99))})`).join('; ')}.`);
    console.log(`Server CPU ${((cpuTotal / elapsed) * 100).toFixed(0)} % of one core over the run (${(cpuTotal / out.length).toFixed(2)} ms a request); RSS min ${Math.min(...rssSamples).toFixed(0)} MB, max ${Math.max(...rssSamples).toFixed(0)} MB.`);
    console.log();
    const errors = [...out.filter((o) => !o.ok).map((o) => o.error!), ...streamErrors];
    const first = p99s[0]!;
    const last = p99s.at(-1)!;
    const rssFirst = minutes[0]!.rss;
    const rssLast = minutes.at(-1)!.rss;
    const growth = rssLast / rssFirst - 1;
    const verdicts: [boolean, string][] = [
      [errors.length === 0, `errors: ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ''} — target 0`],
      [last <= first * 1.2, `p99 of the last minute ${ms(last)} vs the first's ${ms(first)}: ${((last / first - 1) * 100).toFixed(0)} % — target ≤ +20 %${minutes.length < 2 ? ' (one minute only: the same minute)' : ''}`],
      [growth <= 0.1, `server RSS ${rssFirst.toFixed(0)} MB after the first minute → ${rssLast.toFixed(0)} MB at the end: ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % — target ≤ +10 %`],
      [events.n > 0 || SSE_CLIENTS === 0, `feed streams: ${SSE_CLIENTS} open throughout, ${events.n} events received`],
    ];
    for (const [ok, text] of verdicts) console.log(`- ${ok ? '✓' : '✗'} ${text}`);
    console.log();
    if (verdicts.some(([ok]) => !ok)) process.exitCode = 1;
  } finally {
    await server?.stop();
    await drop?.().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
