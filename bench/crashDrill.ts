// Issue 25's crash drill: the compiled server as a process, liaisons of the demo's units sending a
// burst of reports (an evidence file now and then, the draft, its submission; every request with an
// Idempotency-Key, as the web app's offline queue sends them), SIGKILLed at a random moment of the
// burst, again and again on the same data (embedded: the same DATA_DIR; PostgreSQL: the same
// database). After each kill the database is opened directly and checked:
// - every write answered 2xx is there (the file and its upload, the draft with its figure and
//   evidence, the submission with its step);
// - nothing is orphaned (steps, evidence links or uploads without their report or file, a file
//   whose bytes are not its hash, a drill report or step without its audit record, a kept
//   idempotent answer naming a report that is not there, an audit record of a report that is not);
// - the audit chain is intact and passes through its keyed checkpoints (`npm run audit:verify`'s
//   own check, scripts/auditVerifyRun.ts).
// At the next start the requests the kill left unanswered are sent again with their keys: each must
// succeed, replayed when it had committed (a create run twice would be 409 report_exists). After the
// last round the server is started once more (linking what the kill left staged), stopped, and
// everything checked again, with no audit record left staged.
//
// `npx tsx bench/crashDrill.ts [--rounds=10] [--burst=2000] [--concurrency=16] [--units=20]
// [--evidence-every=10] [--db=pg|embedded]`, or `npm run bench -- --only=crash` (bench/run.ts).
// Exits 1 when a check fails. The CI-sized run is scripts/crash.test.ts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { multipartForm } from '../server/testing/multipartForm.js';
import { call, createServerDatabase, startServer, type ServerProcess, type ServerTarget } from '../scripts/serverProcess.js';
import { checkDatabase, orphanText, orphanTotal, type CheckResult, type Ledger } from './crashChecks.js';
import { idempotencyKey, nextSlot, prepareReporters, reportBody, type Reporter } from './drillSetup.js';
import { ms } from './stats.js';

export interface CrashOptions {
  rounds: number;
  /** Reports per round (each: its draft and its submission, and every `evidenceEvery`-th an evidence file first). */
  burst: number;
  /** Reports on their way at once. */
  concurrency: number;
  /** Liaisons (one per demo unit) sending them. */
  units: number;
  evidenceEvery: number;
}

export const CRASH_DEFAULTS: CrashOptions = { rounds: 10, burst: 2000, concurrency: 16, units: 20, evidenceEvery: 10 };

type Kind = 'upload' | 'create' | 'submit';

/** One request of the burst, kept so that it can be sent again with its key and checked after. */
interface Sent {
  kind: Kind;
  key: string;
  reporter: Reporter;
  url: string;
  /** JSON body, or the evidence file's name and bytes. */
  body: unknown;
  file?: { name: string; bytes: Buffer };
  /** The report it is about (submit), or the next request of the chain it starts. */
  reportId?: string;
  evidence?: { sha256: string; name: string };
}

export interface RoundRow {
  round: number;
  startMs: number;
  retried: { replayed: number; ran: number };
  answered: Record<Kind, number>;
  unanswered: number;
  killAtMs: number;
  killAfterAnswers: number;
  check: CheckResult;
}

export interface CrashResult {
  db: string;
  rows: RoundRow[];
  final: CheckResult & { startMs: number; retried: { replayed: number; ran: number } };
  acked: { uploads: number; creates: number; submits: number };
  failures: string[];
  ms: number;
  /** Where the time went: server starts, the drill's set-up (tasks, claims, logins), bursts, checks on the database. */
  phases: { starts: number; setup: number; bursts: number; checks: number };
}

const pdf = (tag: string) => Buffer.from(`%PDF-1.4\n% 断电演练佐证 ${tag}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/** Sends one request of the burst (again, on a retry: same key, same body); status and parsed answer. */
async function send(base: string, s: Sent): Promise<{ status: number; json: any; replayed: boolean }> {
  const headers = { 'idempotency-key': s.key };
  if (s.file) {
    const form = multipartForm({}, [{ filename: s.file.name, contentType: 'application/pdf', bytes: s.file.bytes }], 'file');
    const r = await fetch(base + s.url, { method: 'POST', body: form.payload, headers: { ...headers, ...form.headers, cookie: s.reporter.session.cookie, 'x-csrf-token': s.reporter.session.csrf } });
    const text = await r.text();
    return { status: r.status, json: text ? JSON.parse(text) : null, replayed: r.headers.get('idempotent-replayed') === 'true' };
  }
  const r = await call(base, 'POST', s.url, s.reporter.session, s.body, headers);
  return { status: r.status, json: r.json, replayed: r.headers.get('idempotent-replayed') === 'true' };
}

/** Notes an answered request in the ledger; the next request of its chain, if any. */
function acknowledge(s: Sent, json: any, ledger: Ledger): Sent | undefined {
  if (s.kind === 'upload') {
    const sha256 = json.data.sha256 as string;
    ledger.uploads.set(sha256, { account: s.reporter.account, name: s.file!.name });
    return undefined;
  }
  if (s.kind === 'create') {
    const id = json.data.id as string;
    const body = s.body as { percent: string };
    ledger.creates.set(id, { percent: body.percent, ...(s.evidence ? { evidence: s.evidence.sha256 } : {}) });
    return { kind: 'submit', key: idempotencyKey(), reporter: s.reporter, url: `/api/reports/${id}/submit`, body: {}, reportId: id };
  }
  ledger.submits.add(s.reportId!);
  return undefined;
}

/**
 * One burst: `burst` report chains on `concurrency` workers, the server SIGKILLed once a random
 * share (5–95 %) of the expected answers has come, plus up to 25 ms. Returns what was answered and
 * the requests in flight at the kill.
 */
async function burstAndKill(server: ServerProcess, reporters: Reporter[], opts: CrashOptions, ledger: Ledger, round: number, failures: string[]) {
  const answered: Record<Kind, number> = { upload: 0, create: 0, submit: 0 };
  const expected = opts.burst * (2 + 1 / opts.evidenceEvery);
  const killAfterAnswers = Math.max(1, Math.floor(expected * (0.05 + Math.random() * 0.9)));
  const inFlight = new Set<Sent>();
  let killing = false;
  let next = 0;
  let total = 0;
  let killed!: () => void;
  const killNow = new Promise<void>((r) => (killed = r));
  const t0 = performance.now();
  const run = async (s: Sent): Promise<Sent | undefined | 'stop'> => {
    inFlight.add(s);
    try {
      const r = await send(server.base, s);
      if (killing) return 'stop'; // answered as the kill came: counted as unanswered, sent again at the start
      inFlight.delete(s);
      if (r.status !== 200) {
        failures.push(`round ${round}: ${s.kind} answered ${r.status} while the server ran: ${JSON.stringify(r.json).slice(0, 200)}`);
        return undefined;
      }
      answered[s.kind]++;
      if (++total >= killAfterAnswers) killed();
      return acknowledge(s, r.json, ledger);
    } catch (e) {
      if (killing) return 'stop';
      inFlight.delete(s);
      failures.push(`round ${round}: ${s.kind} failed while the server ran: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
  const worker = async () => {
    while (!killing && next < opts.burst) {
      const j = next++;
      const reporter = reporters[j % reporters.length]!;
      const slot = nextSlot(reporter);
      let evidence: Sent['evidence'];
      if (j % opts.evidenceEvery === 0) {
        const name = `佐证-${round}-${j}.pdf`;
        const bytes = pdf(`${reporter.account} ${slot.period} ${round}-${j}`);
        const upload: Sent = { kind: 'upload', key: idempotencyKey(), reporter, url: '/api/evidence', body: null, file: { name, bytes } };
        if ((await run(upload)) === 'stop' || killing) return;
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        if (!ledger.uploads.has(sha256)) continue;
        evidence = { sha256, name };
      }
      const create: Sent = { kind: 'create', key: idempotencyKey(), reporter, url: '/api/reports', body: { ...reportBody(slot, `第${round}轮断电演练`), evidence: evidence ? [evidence] : [] }, evidence };
      let s: Sent | undefined | 'stop' = create;
      while (s && s !== 'stop' && !killing) s = await run(s);
      if (s === 'stop') return;
    }
  };
  // The burst ended before the kill point: kill now.
  const workers = Promise.all(Array.from({ length: opts.concurrency }, worker)).then(() => killed());
  await killNow;
  await new Promise((r) => setTimeout(r, Math.random() * 25));
  killing = true;
  const killAtMs = performance.now() - t0;
  await server.kill();
  await workers;
  return { answered, unanswered: [...inFlight], killAtMs, killAfterAnswers };
}

/**
 * Sends the requests a kill left unanswered again, with their keys, as a client that never heard
 * back does; each must now succeed. A draft that goes through is then submitted (its chain goes on);
 * a file is not attached to anything more.
 */
async function retry(base: string, unanswered: Sent[], ledger: Ledger, failures: string[], when: string) {
  const counts = { replayed: 0, ran: 0 };
  await Promise.all(
    unanswered.map(async (first) => {
      for (let s: Sent | undefined = first; s; ) {
        const r = await send(base, s);
        if (r.status !== 200) {
          failures.push(`${when}: ${s.kind} ${s === first ? 'sent again with its key' : 'after it'} answered ${r.status}: ${JSON.stringify(r.json).slice(0, 200)}`);
          return;
        }
        if (s === first) counts[r.replayed ? 'replayed' : 'ran']++;
        s = acknowledge(s, r.json, ledger);
      }
    }),
  );
  return counts;
}

/** The drill on one database (a fresh one: an empty DATA_DIR, or a new PostgreSQL database). */
export async function crashDrill(label: string, target: ServerTarget, opts: CrashOptions, progress: (s: string) => void = () => {}): Promise<CrashResult> {
  const t0 = performance.now();
  const failures: string[] = [];
  const ledger: Ledger = { uploads: new Map(), creates: new Map(), submits: new Set(), taskIds: [] };
  const rowsOut: RoundRow[] = [];
  let reporters: Reporter[] = [];
  let unanswered: Sent[] = [];
  let server: ServerProcess | null = null;
  const phases = { starts: 0, setup: 0, bursts: 0, checks: 0 };
  const timedPhase = async <T>(phase: keyof typeof phases, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      phases[phase] += performance.now() - t;
    }
  };
  const check = (c: CheckResult, when: string) => {
    for (const m of c.missing.slice(0, 20)) failures.push(`${when}: acknowledged but not there: ${m}`);
    if (c.missing.length > 20) failures.push(`${when}: … ${c.missing.length - 20} more acknowledged writes not there`);
    if (orphanTotal(c)) failures.push(`${when}: orphans: ${orphanText(c)}`);
    if (!c.chainOk) failures.push(`${when}: ${c.chain}`);
  };
  try {
    for (let round = 1; round <= opts.rounds; round++) {
      const s = (server = await timedPhase('starts', () => startServer(target, { timeoutMs: 240_000 })));
      const startMs = s.readyMs;
      if (round === 1) {
        reporters = await timedPhase('setup', () => prepareReporters(s.base, { units: opts.units, reports: opts.rounds * opts.burst + 1000, tag: `${Date.now().toString(36)}` }));
        ledger.taskIds = reporters.flatMap((r) => r.taskIds);
      }
      const b = await timedPhase('bursts', async () => {
        const retried = await retry(s.base, unanswered, ledger, failures, `round ${round}'s start`);
        return { retried, ...(await burstAndKill(s, reporters, opts, ledger, round, failures)) };
      });
      const retried = b.retried;
      server = null;
      unanswered = b.unanswered;
      const c = await timedPhase('checks', () => checkDatabase(target, ledger, false));
      check(c, `after round ${round}'s kill`);
      rowsOut.push({ round, startMs, retried, answered: b.answered, unanswered: b.unanswered.length, killAtMs: b.killAtMs, killAfterAnswers: b.killAfterAnswers, check: c });
      progress(`${label} round ${round}: killed at ${ms(b.killAtMs)} after ${b.killAfterAnswers} answers, ${b.unanswered.length} in flight; ${c.missing.length} missing, orphans ${orphanText(c)}, ${c.chain}`);
    }
    // The last start: links what the last kill left staged, answers the last unanswered requests, and stops cleanly.
    const s = (server = await timedPhase('starts', () => startServer(target, { timeoutMs: 240_000 })));
    const startMs = s.readyMs;
    const retried = await timedPhase('bursts', () => retry(s.base, unanswered, ledger, failures, 'the last start'));
    await s.stop();
    server = null;
    const final = { ...(await timedPhase('checks', () => checkDatabase(target, ledger, true))), startMs, retried };
    check(final, 'after the last restart');
    return { db: label, rows: rowsOut, final, acked: { uploads: ledger.uploads.size, creates: ledger.creates.size, submits: ledger.submits.size }, failures, ms: performance.now() - t0, phases };
  } finally {
    await server?.kill();
  }
}

/** The per-round table and the summary, as markdown lines. */
export function crashReport(r: CrashResult, opts: CrashOptions): string[] {
  const out = [
    `**${r.db}**: ${opts.rounds} rounds of ${opts.burst} reports (draft + submission, evidence with every ${opts.evidenceEvery}th), ${opts.concurrency} at once from ${opts.units} liaisons.`,
    '',
    '| Round | Start to first 200 | Sent again at start: replayed / ran | Answered 200 (files / drafts / submissions) | SIGKILL at | In flight at the kill | Acknowledged missing | Orphans | Staged audit records after the kill | Audit chain (audit:verify) |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const x of r.rows) {
    out.push(
      `| ${x.round} | ${ms(x.startMs)} | ${x.retried.replayed} / ${x.retried.ran} | ${x.answered.upload} / ${x.answered.create} / ${x.answered.submit} | ${ms(x.killAtMs)} (after ${x.killAfterAnswers} answers) | ${x.unanswered} | ${x.check.missing.length} | ${orphanText(x.check)} | ${x.check.staged} | ${x.check.chainOk ? '✓' : '✗'} ${x.check.chain} |`,
    );
  }
  const f = r.final;
  out.push(`| restart | ${ms(f.startMs)} | ${f.retried.replayed} / ${f.retried.ran} | — | — | — | ${f.missing.length} | ${orphanText(f)} | ${f.staged} | ${f.chainOk ? '✓' : '✗'} ${f.chain} |`);
  out.push('');
  out.push(
    `Time: ${(r.ms / 1000).toFixed(0)} s — server starts ${(r.phases.starts / 1000).toFixed(0)} s (the first loads the demo district), set-up ${(r.phases.setup / 1000).toFixed(0)} s, bursts and resends ${(r.phases.bursts / 1000).toFixed(0)} s, checks ${(r.phases.checks / 1000).toFixed(0)} s; load average ${os.loadavg()[0]!.toFixed(1)} at the end on ${os.cpus().length} cores.`,
    '',
    `Summary: ${r.acked.uploads} files, ${r.acked.creates} drafts and ${r.acked.submits} submissions acknowledged over ${opts.rounds} kills; ${f.missing.length ? `**${f.missing.length} missing**` : 'all present'} after the last restart; ${orphanTotal(f) ? `**orphans: ${orphanText(f)}**` : 'no orphans'}; audit chain ${f.chainOk ? 'intact' : '**BROKEN**'}. ${r.failures.length ? `**${r.failures.length} failure(s)**` : 'PASS'}.`,
  );
  for (const x of r.failures.slice(0, 30)) out.push(`- ✗ ${x}`);
  out.push('');
  return out;
}

/** `--name=value` flags over the defaults. */
export function crashOptions(argv: string[]): CrashOptions {
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const num = (name: string, d: number) => {
    const v = flag(name);
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1, not ${v}`);
    return n;
  };
  return {
    rounds: num('rounds', CRASH_DEFAULTS.rounds),
    burst: num('burst', CRASH_DEFAULTS.burst),
    concurrency: num('concurrency', CRASH_DEFAULTS.concurrency),
    units: num('units', CRASH_DEFAULTS.units),
    evidenceEvery: num('evidence-every', CRASH_DEFAULTS.evidenceEvery),
  };
}

/** Both databases (or the one `--db=` names), each fresh; the printed lines and whether every check passed. */
export async function crashSection(argv: string[], say: (s?: string) => void, progress: (s: string) => void): Promise<boolean> {
  const opts = crashOptions(argv);
  const only = argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-crash-'));
  let ok = true;
  say(`### Crash drill (issue 25): SIGKILL at a random moment of each burst, restart on the same data (bench/crashDrill.ts)`);
  say();
  try {
    if (only !== 'pg') {
      const r = await crashDrill('embedded', { dataDir: path.join(tmp, 'embedded') }, opts, progress);
      for (const l of crashReport(r, opts)) say(l);
      ok &&= r.failures.length === 0;
    }
    if (only !== 'embedded') {
      const db = await createServerDatabase('tuijin_crash');
      try {
        const r = await crashDrill('PostgreSQL', { databaseUrl: db.url, dataDir: path.join(tmp, 'pg') }, opts, progress);
        for (const l of crashReport(r, opts)) say(l);
        ok &&= r.failures.length === 0;
      } finally {
        await db.drop();
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return ok;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  crashSection(process.argv.slice(2), (s = '') => console.log(s), (s) => process.stderr.write(`· ${s}\n`)).then(
    (ok) => process.exit(ok ? 0 : 1),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
