// `npm run bench`: start-up time, login latency on both databases, the login page's JavaScript
// weight, and issue 3's figures on a district at scale (HQ task list, unit workbench, report
// submissions under 100 clients), issue 19's throughput under wrk (bench/throughput.ts, about five
// minutes: reads, reads while writing, reads on the embedded database) and its comparisons with the
// bare driver and a bare Fastify (bench/bareSection.ts, about three minutes) and issue 22's bulletin,
// ledger export and public complaint figures (bench/inspectionSection.ts, about three minutes). Prints a markdown
// report and appends it to bench/RESULTS.md (`--no-append` to skip). About a quarter of an hour in
// all on this 2-core machine; uses ports 3200–3299 (or --ports=FROM-TO) on 127.0.0.1 only.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword, verifyPassword } from '../server/security/passwords.js';
import { createServerDatabase, DEMO_PASSWORD, freePort, passwordLogin, ROOT, startServer, type ServerProcess, type ServerTarget } from '../scripts/serverProcess.js';
import { kib, median, ms, percentile, timed } from './stats.js';
import { loginPageCss, loginPageWeight } from './webWeight.js';
import type { OfflineWeight } from '../web/sw/vitePlugin.js';
import { scaleSection } from './scaleSection.js';
import { throughputSection } from './throughput.js';
import { bareSection } from './bareSection.js';
import { inspectionSection, runScript } from './inspectionSection.js';
import { importSection } from './importSection.js';
import { crashSection } from './crashDrill.js';
import { provinceSection } from './province.js';
import { instancesSection } from './instances.js';

const STARTS = 3;
const STARTS_BUDGET_MS = 25_000;
const LOGINS = 200;
const LOGIN_ACCOUNT = 'liaison';
const append = !process.argv.includes('--no-append');
/**
 * `--only=startup,login,web,scale,submit,throughput,bare,inspection,imports,assessment,publicPortal` runs some sections (e.g. while tuning); all by default.
 * `scale` is the task list and workbench on both databases, `submit` the submissions on PostgreSQL,
 * `throughput` issue 19's requests per second under wrk on PostgreSQL (bench/throughput.ts),
 * `bare` its comparisons with the bare driver and a bare Fastify (bench/bareSection.ts),
 * `inspection` issue 22's bulletin, ledger export and public complaint figures (bench/inspectionSection.ts);
 * `imports` issue 20's reminder run, report export and 10,000-row import (bench/importExport.ts);
 * `assessment` issue 23's year of scoring for all units with explanations (bench/assessment.ts);
 * `publicPortal` issue 23's public portal, kept, one at a time and under load (bench/publicPortal.ts);
 * `crash` issue 25's crash drill (bench/crashDrill.ts; not in the default run: 10 kills of a 2,000-report
 * burst on both databases take a long while), with its own flags passed through: `--rounds=`, `--burst=`,
 * `--concurrency=`, `--units=`, `--evidence-every=`, and `--db=` for one database;
 * `province` issue 25's province of 20 districts on PostgreSQL (bench/province.ts; not in the default run:
 * ~5 million reports take minutes to generate), `--districts=N` for fewer, `--keep-db=NAME` to generate once and keep;
 * `instances` issue 25's submissions on two app instances against one, and their memory (bench/instances.ts;
 * not in the default run), `--keep-db=NAME` on a kept province;
 * `--db=pg` or `--db=embedded` limits `scale` to one database; `--ports=FROM-TO` the servers' ports.
 */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
type Section = 'startup' | 'login' | 'web' | 'scale' | 'submit' | 'throughput' | 'bare' | 'inspection' | 'imports' | 'assessment' | 'publicPortal' | 'crash' | 'province' | 'instances';
/** Sections a plain `npm run bench` leaves out: run only when named in --only. */
const NAMED_ONLY: Section[] = ['crash', 'province', 'instances'];
const section = (name: Section) => (only ? only.includes(name) : !NAMED_ONLY.includes(name));
const dbOnly = process.argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);

const lines: string[] = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};
const progress = (s: string) => process.stderr.write(`· ${s}\n`);
/** `--ports=FROM-TO`: the ports the servers started here may take (default 3200–3299), for a run beside others on one machine. */
const ports = /^--ports=(\d+)-(\d+)$/.exec(process.argv.find((a) => a.startsWith('--ports=')) ?? '') ?? ['', '3200', '3299'];
const port = () => freePort(Number(ports[1]), Number(ports[2]));

/** CPU time (user + system, all threads) a process has used, in ms: from /proc on Linux. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** Milliseconds main() reports between reading the config and listening (excludes loading Node modules). */
const inMain = (s: ServerProcess) => Number(/ready in (\d+) ms/.exec(s.output())?.[1] ?? NaN);

/** Up to `n` starts (fewer once a row has taken STARTS_BUDGET_MS: a busy machine must not stretch the bench). */
async function starts(label: string, targets: () => Promise<ServerTarget>, n: number) {
  const total: number[] = [];
  const main: number[] = [];
  const t0 = Date.now();
  while (total.length < n && (total.length === 0 || Date.now() - t0 < STARTS_BUDGET_MS)) {
    // Served like `npm start` serves it: with the built web app.
    const s = await startServer(await targets(), { port: await port(), timeoutMs: 120_000, env: { TUIJIN_WEB_DIR: path.join(ROOT, 'dist', 'web') } });
    total.push(s.readyMs);
    main.push(inMain(s));
    await s.stop();
  }
  progress(`${label}: ${total.map((t) => t.toFixed(0)).join(', ')} ms`);
  const runs = total.length < n ? ` (${total.length} of ${n} runs: time budget)` : '';
  return `| ${label}${runs} | ${ms(median(total))} | ${ms(Math.min(...total))} – ${ms(Math.max(...total))} | ${ms(median(main))} |`;
}

async function loginRows(label: string, target: ServerTarget) {
  const s = await startServer(target, { port: await port(), timeoutMs: 60_000 });
  const rows: string[] = [];
  try {
    const login = async () => {
      await passwordLogin(s.base, LOGIN_ACCOUNT, DEMO_PASSWORD);
    };
    await timed(10, 1, login); // warm-up: JIT, connection pool, argon2 threads
    // 8 clients on 2 cores queue behind each other whatever the hash costs: fewer of those.
    for (const [concurrency, logins] of [
      [1, LOGINS],
      [4, LOGINS],
      [8, LOGINS / 2],
    ] as const) {
      const cpu0 = cpuMs(s.child.pid);
      const { latencies, wallMs } = await timed(logins, concurrency, login);
      const cpu = (cpuMs(s.child.pid) - cpu0) / logins;
      const p95 = percentile(latencies, 95);
      rows.push(
        `| ${label} | ${concurrency === 1 ? 'sequential' : `${concurrency} concurrent`} | ${logins} | ${ms(percentile(latencies, 50))} | ${ms(p95)}${p95 >= 150 ? ' ⚠' : ''} | ${ms(percentile(latencies, 99))} | ${((logins / wallMs) * 1000).toFixed(0)}/s | ${ms(cpu)} |`,
      );
      progress(`${label} logins, concurrency ${concurrency}: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(p95)}`);
    }
  } finally {
    await s.stop();
  }
  return rows;
}

async function argon2Alone() {
  const stored = await hashPassword(DEMO_PASSWORD);
  const cpu0 = process.cpuUsage();
  const { latencies } = await timed(30, 1, async () => {
    await verifyPassword(stored, DEMO_PASSWORD);
  });
  const cpu = process.cpuUsage(cpu0);
  return { wall: median(latencies), cpu: (cpu.user + cpu.system) / 1000 / 30 };
}

function gitRev() {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() ? ' (with uncommitted changes)' : '';
    return rev + dirty;
  } catch {
    return 'unknown';
  }
}

interface Workspace {
  tmp: string;
  /** The embedded folder and the PostgreSQL database that the warm starts and the logins reuse. */
  warmDir: string;
  warmDb: { url: string };
  dropLater: (() => Promise<void>)[];
}

async function startupSection(w: Workspace) {
  say('### Start-up: spawn the compiled server `node dist/server/main.js` (scripts/buildServer.mjs; built beforehand, not timed) → first 200 from /api/health');
  say();
  say(`Median of ${STARTS}. "In main()" is the server's own "ready in" figure (config → database → demo → listen), without loading Node modules. \`npm start\` adds its web-build check and npm itself.`);
  say();
  say('| Start | Median | Range | In main() |');
  say('|---|---|---|---|');
  let n = 0;
  say(await starts('Cold, embedded (empty DATA_DIR: initdb, migrations, demo district)', async () => ({ dataDir: n++ === 0 ? w.warmDir : path.join(w.tmp, `cold${n}`) }), STARTS));
  say(await starts('Warm, embedded (same DATA_DIR again)', async () => ({ dataDir: w.warmDir }), STARTS));
  let m = 0;
  const fresh = async () => {
    if (m++ === 0) return { databaseUrl: w.warmDb.url };
    const db = await createServerDatabase('tuijin_bench');
    w.dropLater.push(db.drop);
    return { databaseUrl: db.url };
  };
  say(await starts('Cold, PostgreSQL (empty database: migrations, demo district)', fresh, STARTS));
  say(await starts('Warm, PostgreSQL (same database again)', async () => ({ databaseUrl: w.warmDb.url }), STARTS));
  say();
}

async function loginSection(w: Workspace) {
  say(`### Login latency: POST /api/auth/login as \`${LOGIN_ACCOUNT}\` (correct password; argon2id verify + session + audit record)`);
  say();
  say('"Server CPU" is the server process\'s CPU time per login (all threads): unlike latency it does not grow when other work shares the machine.');
  say();
  say('| Database | Clients | Logins | p50 | p95 | p99 | Throughput | Server CPU |');
  say('|---|---|---|---|---|---|---|---|');
  for (const r of await loginRows('embedded', { dataDir: w.warmDir })) say(r);
  for (const r of await loginRows('PostgreSQL', { databaseUrl: w.warmDb.url })) say(r);
  say();
  const a = await argon2Alone();
  say(`argon2id verify alone (in-process, sequential): median ${ms(a.wall)}, ${ms(a.cpu)} CPU. Target: login p95 < 150 ms (⚠ marks a miss).`);
  say();
}

function webSection() {
  say('### JavaScript the login page loads (dist/web as built; gzip level 9)');
  say();
  const webDir = path.join(ROOT, 'dist', 'web');
  const w = loginPageWeight(webDir);
  if ('error' in w) {
    say(`Not measured: ${w.error}.`);
    say();
    return;
  }
  const built = fs.statSync(path.join(webDir, 'index.html')).mtime.toISOString();
  say(`${w.files.length} files, **${kib(w.gzip)} gzip** (${kib(w.bytes)} raw). Build of ${built}. Found by: ${w.method}.`);
  say();
  say('| File | Raw | gzip |');
  say('|---|---|---|');
  for (const f of w.files.slice(0, 8)) say(`| ${f.file} | ${kib(f.bytes)} | ${kib(f.gzip)} |`);
  const rest = w.files.slice(8);
  if (rest.length) say(`| ${rest.length} smaller files | ${kib(rest.reduce((s, f) => s + f.bytes, 0))} | ${kib(rest.reduce((s, f) => s + f.gzip, 0))} |`);
  say();
  const css = loginPageCss(webDir);
  say(`CSS (index.html's stylesheets, render-blocking): ${css.map((f) => `${f.file} ${kib(f.bytes)} raw, **${kib(f.gzip)} gzip**`).join('; ') || 'none'}.`);
  say();
  // Issue 24: the service worker and the offline store add ≤ 30 KB gzip to the login page's JS (web/sw/vitePlugin.ts writes the figure at build).
  const offlineFile = path.join(webDir, '.vite', 'offline-weight.json');
  if (!fs.existsSync(offlineFile)) {
    say(`Service worker and offline store: not measured (${offlineFile} is missing: rebuild with npm run build).`);
  } else {
    const o = JSON.parse(fs.readFileSync(offlineFile, 'utf8')) as OfflineWeight;
    const mark = o.totalGzip <= 30 * 1024 ? '✓' : '⚠';
    say(`Service worker and offline store on the login page: **${kib(o.totalGzip)} gzip** ${mark} (target ≤ 30 KB): sw.js ${kib(o.swGzip)}, and ${kib(o.inPageGzip)} of the page's own chunks (${o.inPageModules.join(', ') || 'none'}).`);
  }
  say();
}

async function main() {
  const t0 = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-bench-'));
  const dropLater: (() => Promise<void>)[] = [];
  const load0 = os.loadavg()[0]!;
  try {
    const args = process.argv.slice(2);
    say(`## ${new Date().toISOString()} — \`npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}\``);
    say();
    say(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; commit ${gitRev()}.`);
    say(`Load average at start: ${load0.toFixed(2)}${load0 > os.cpus().length / 2 ? ' — the machine was busy: latencies are pessimistic' : ''}.`);
    say();
    const warmDb = await createServerDatabase('tuijin_bench');
    dropLater.push(warmDb.drop);
    const w: Workspace = { tmp, warmDir: path.join(tmp, 'warm'), warmDb, dropLater };
    if (section('startup')) await startupSection(w);
    if (section('login')) await loginSection(w);
    if (section('web')) webSection();
    if (section('scale') || section('submit')) {
      await scaleSection({ say, progress, port, tmp, reads: section('scale'), submit: section('submit'), databases: dbOnly === 'pg' ? ['PostgreSQL'] : dbOnly === 'embedded' ? ['embedded'] : ['PostgreSQL', 'embedded'] });
    }
    if (section('throughput')) await throughputSection({ say, progress, port, tmp });
    if (section('bare')) await bareSection({ say, progress, port, tmp });
    if (section('inspection')) await inspectionSection({ say, progress });
    if (section('assessment')) {
      progress('a year of assessment scoring (bench/assessment.ts)…');
      say('### Assessment (issue 23): a full year scored for all units with explanations, PostgreSQL, budget ≤ 2 s');
      say();
      say('```');
      for (const l of await runScript('bench/assessment.ts')) say(l);
      say('```');
      say();
    }
    if (section('publicPortal')) {
      progress('the public portal, kept, one at a time and under load (bench/publicPortal.ts)…');
      say('### Public portal (issue 23): GET /api/public/portal on the demo district, PostgreSQL, a real server, budget p95 ≤ 10 ms kept');
      say();
      say('```');
      for (const l of await runScript('bench/publicPortal.ts')) say(l);
      say('```');
      say();
    }
    if (section('imports')) await importSection({ say, progress });
    if (section('crash') && !(await crashSection(process.argv.slice(2), say, progress))) process.exitCode = 1;
    if (section('province')) await provinceSection({ say, progress, port, tmp, argv: process.argv.slice(2) });
    if (section('instances')) await instancesSection({ say, progress, port, tmp, argv: process.argv.slice(2) });
    say(`Load average at end: ${os.loadavg()[0]!.toFixed(2)}. Bench took ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
    say();
  } finally {
    for (const d of dropLater) await d().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (append) {
    const file = path.join(ROOT, 'bench', 'RESULTS.md');
    if (!fs.existsSync(file)) fs.writeFileSync(file, '# Bench results\n\nAppended by `npm run bench` (bench/run.ts), newest last.\n\n');
    fs.appendFileSync(file, lines.join('\n') + '\n');
    console.error(`Appended to ${path.relative(process.cwd(), file)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
