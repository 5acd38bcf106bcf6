// Runs the real server as a child process and talks to it over HTTP: shared by the process tests
// (scripts/*.test.ts: the crash drill, first start, backups…) and the measurements (bench/run.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { freshTotpCode } from '../server/testing/totpCodes.js';
import { ensureServerBuild, SERVER_BUILD, SERVER_NODE_FLAGS } from './buildServer.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HOST = '127.0.0.1';
export const DEMO_PASSWORD = 'Demo-Pass-2026';
/** Per-address and overall login limits out of the way of runs that log in a lot from one address (README: TUIJIN_AUTH_*). */
export const ROOMY_AUTH_ENV = { TUIJIN_AUTH_PER_ADDRESS: '1000000', TUIJIN_AUTH_OVERALL: '1000000' };
export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A port nobody listens on, from `from` up to `to` (or any the system gives when no range). */
export async function freePort(from?: number, to?: number): Promise<number> {
  const tryPort = (p: number) =>
    new Promise<number | null>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(null));
      s.listen(p, HOST, () => {
        const got = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(got));
      });
    });
  if (from === undefined) return (await tryPort(0))!;
  const start = from + Math.floor(Math.random() * ((to ?? from) - from + 1));
  const span = (to ?? from) - from + 1;
  for (let i = 0; i < span; i++) {
    const p = from + ((start - from + i) % span);
    if ((await tryPort(p)) !== null) return p;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

/** Servers still running: killed when this process exits, so a failed or timed-out test leaves no server behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
  /** Milliseconds from spawn to the first 200 from /api/health. */
  readyMs: number;
  output(): string;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful shutdown), resolved once the process is gone. */
  stop(): Promise<void>;
}

export interface ServerTarget {
  dataDir?: string;
  databaseUrl?: string;
}

/** Spawns the compiled server, `node dist/server/main.js` (what `npm start` runs after its build checks), building it first if its sources changed. */
export async function startServer(target: ServerTarget, opts: { port?: number; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST,
    TUIJIN_DEMO_PASSWORD: DEMO_PASSWORD,
    // These runs log in with the demo's accounts, on a server database too (where it loads only when asked).
    TUIJIN_DEMO: '1',
    LOG_LEVEL: 'warn',
    // No static web app unless asked for: these runs are about the API.
    TUIJIN_WEB_DIR: path.join(ROOT, '.tmp', 'no-web'),
    // The benchmark logs hundreds of clients in from 127.0.0.1 within a minute; production counts them per address.
    ...ROOMY_AUTH_ENV,
    ...opts.env,
  };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  // With a server database, DATA_DIR still holds the audit key and checkpoints: a folder of its own,
  // not the working tree's ./data, where another test's key would be found (auditVerify.test.ts).
  env.DATA_DIR = target.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-server-'));
  // Built before the clock starts: the start-up is the server's, not the build's.
  await ensureServerBuild();
  const t0 = performance.now();
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under a benchmark.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  // With production's flags (SERVER_NODE_FLAGS: its heap sizing too), so that its memory is what is measured.
  const child = spawn(process.execPath, [...nodeArgs, ...SERVER_NODE_FLAGS, path.join(SERVER_BUILD.outDir, 'main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  }).then(() => {
    running.delete(child);
  });
  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let readyMs = -1;
  while (readyMs < 0) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${opts.timeoutMs ?? 30_000} ms:\n${out}`);
    }
    try {
      const r = await fetch(`${base}/api/health`);
      await r.arrayBuffer();
      if (r.status === 200) readyMs = performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    if (readyMs < 0) await new Promise((r) => setTimeout(r, 10));
  }
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return { child, port, base, readyMs, output: () => out, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

/** A fresh, empty database on the PostgreSQL server (the server migrates it); drop() removes it. */
export async function createServerDatabase(prefix = 'tuijin_proc'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(ADMIN_DATABASE_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface HttpSession {
  cookie: string;
  csrf: string;
  stage: string;
}

/** POSTs JSON with the session's cookie and CSRF token (and any `extra` headers); returns status, parsed body and the answer's headers. */
export async function call(
  base: string,
  method: string,
  url: string,
  session?: HttpSession | null,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<{ status: number; json: any; headers: Headers }> {
  const headers: Record<string, string> = { ...extra };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  const r = await fetch(base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: r.status, json, headers: r.headers };
}

/** The password step only: POST /api/auth/login. */
export async function passwordLogin(base: string, account: string, password = DEMO_PASSWORD): Promise<HttpSession> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password }) });
  const body = (await r.json()) as { data?: { csrfToken: string; stage: string } };
  if (r.status !== 200 || !body.data) throw new Error(`login ${account} failed: ${r.status} ${JSON.stringify(body)}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return { cookie, csrf: body.data.csrfToken, stage: body.data.stage };
}

/**
 * A full login of an admin account: the password, then TOTP enrolment on the first login (the
 * secret is kept in `totp`) or TOTP verification on later ones.
 */
export async function adminLogin(base: string, account: string, totp: { secret?: string }): Promise<HttpSession> {
  const s = await passwordLogin(base, account);
  if (s.stage === 'totp_enrol') {
    const setup = await call(base, 'POST', '/api/auth/totp/setup', s);
    if (setup.status !== 200) throw new Error(`totp setup failed: ${setup.status} ${JSON.stringify(setup.json)}`);
    totp.secret = setup.json.data.secret as string;
    const r = await call(base, 'POST', '/api/auth/totp/enrol', s, { code: await freshTotpCode(totp.secret) });
    if (r.status !== 200) throw new Error(`totp enrol failed: ${r.status} ${JSON.stringify(r.json)}`);
    s.stage = r.json.data.stage;
  } else if (s.stage === 'totp_verify') {
    if (!totp.secret) throw new Error(`${account} has TOTP enrolled but the secret is unknown`);
    const r = await call(base, 'POST', '/api/auth/totp/verify', s, { code: await freshTotpCode(totp.secret) });
    if (r.status !== 200) throw new Error(`totp verify failed: ${r.status} ${JSON.stringify(r.json)}`);
    s.stage = r.json.data.stage;
  }
  if (s.stage !== 'ok') throw new Error(`${account} ended at stage ${s.stage}`);
  return s;
}
