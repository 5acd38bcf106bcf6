// `npm run bench -- --only=bare`: issue 19's comparisons with the bare parts, on the bench district
// (PostgreSQL): each read's API p50 beside its statements replayed bare through the driver, and a
// route that touches no database beside a bare Fastify returning the same bytes.
import os from 'node:os';
import { measureBare } from './bareReads.js';
import { measureBareHttp } from './bareHttp.js';
import { buildDistrict } from './scale.js';
import type { ThroughputOptions } from './throughput.js';

const f2 = (v: number) => `${v.toFixed(2)} ms`;
const ratio = (a: number, b: number) => (a / b).toFixed(2);

export async function bareSection(o: ThroughputOptions): Promise<void> {
  const l0 = os.loadavg()[0]!.toFixed(2);
  o.progress('bare: generating the district on PostgreSQL…');
  const d = await buildDistrict('PostgreSQL', o.tmp, o.progress);
  try {
    const rows = await measureBare(d, o.port, o.tmp, o.progress);
    const http = await measureBareHttp(d, o.port);
    o.say('### Issue 19: the API beside the bare driver and a bare Fastify (bench district, PostgreSQL)');
    o.say();
    o.say(`Load average ${l0} → ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores.`);
    o.say();
    o.say('| Read | Statements (+ session) | Bare p50 / p99 | API p50, computed | ratio | API p50, kept | ratio | Server CPU/req computed / kept | Target ≤ 2× |');
    o.say('|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const ok = r.computedP50 <= 2 * r.bareP50 ? '✓' : r.keptP50 <= 2 * r.bareP50 ? '✓ kept, ✗ computed' : '✗';
      o.say(
        `| ${r.name} | ${r.statements} (+${r.sessionStatements}) | ${f2(r.bareP50)} / ${f2(r.bareP99)} | ${f2(r.computedP50)} | ${ratio(r.computedP50, r.bareP50)}× | ${f2(r.keptP50)} | ${ratio(r.keptP50, r.bareP50)}× | ${f2(r.computedServerCpu)} / ${f2(r.keptServerCpu)} | ${ok} |`,
      );
    }
    o.say();
    o.say(
      'Method: the server ran with TUIJIN_SQL_LOG and TUIJIN_KEPT_REPLIES=0 and each read was asked once after three warm-ups; the statements it sent for that read, less the session lookups (the API’s price of knowing who asks), were replayed with their parameters one after another on one `pg` connection for 5 s after 20 warm-up rounds (p50 and p99 of a round). The API: `wrk -t1 -c1 -d8s` after a 2 s warm-up, on a server computing every reply (TUIJIN_KEPT_REPLIES=0) and on one keeping them (the default; nothing writes meanwhile, so almost every read is a kept reply). The route runs some statements at once on its pool, the bare replay one after another.',
    );
    o.say();
    if ('error' in http) {
      o.say(`Route without the database: not measured: ${http.error}.`);
    } else {
      const pct = ((100 * http.app.perSecond) / http.bare.perSecond).toFixed(0);
      const pctBody = ((100 * http.app.perSecond) / http.bareBody.perSecond).toFixed(0);
      const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
      o.say(`| GET ${http.url} (index.html, ${http.bytes} bytes), wrk 10 connections, 10 s | Req/s | p50 | p99 | CPU/req |`);
      o.say('|---|---|---|---|---|');
      o.say(`| Tuijin's server (no session) | ${http.app.perSecond.toFixed(0)} | ${f2(http.app.p50)} | ${f2(http.app.p99)} | ${us(http.app.cpu)} |`);
      o.say(`| Bare Fastify, the same answer from memory (body and its ${http.headerBytes} bytes of headers) | ${http.bare.perSecond.toFixed(0)} | ${f2(http.bare.p50)} | ${f2(http.bare.p99)} | ${us(http.bare.cpu)} |`);
      o.say(`| Bare Fastify, the same body with only a content type | ${http.bareBody.perSecond.toFixed(0)} | ${f2(http.bareBody.p50)} | ${f2(http.bareBody.p99)} | ${us(http.bareBody.cpu)} |`);
      o.say();
      o.say(`Tuijin's route carries **${pct} %** of the requests per second of a bare Fastify sending the same bytes (target ≥ 40 %${Number(pct) >= 40 ? ' ✓' : ' ✗'}); ${pctBody} % of one sending the body alone.`);
    }
    o.say();
  } finally {
    await d.drop?.().catch(() => {});
  }
}
