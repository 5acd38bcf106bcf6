// Starts the real server (compiled: dist/server/main.js, or e2e/clockedServer.ts's build on a set clock) on a fresh embedded database and the
// built web app, for the Chromium end-to-end tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServerBuild, SERVER_BUILD } from '../scripts/buildServer.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = 'Demo-Pass-2026';
/** The end-to-end run's server: server/main.ts on the run's clock, compiled apart from the product's build. */
export const CLOCKED_SERVER_BUILD = { entry: 'e2e/clockedServer.ts', outDir: '.tmp/e2e-server' };
const HOST = '127.0.0.1';

export interface TestServer {
  base: string;
  output(): string;
  stop(): Promise<void>;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, HOST, () => s.close(() => resolve(true)));
  });
}

/** A free port: from E2E_PORTS ("3102-3109") when given, else one the system picks. */
async function freePort(): Promise<number> {
  const range = process.env.E2E_PORTS?.match(/^(\d+)-(\d+)$/);
  if (range) {
    for (let p = Number(range[1]); p <= Number(range[2]); p++) if (await canListen(p)) return p;
    throw new Error(`no free port in ${process.env.E2E_PORTS}`);
  }
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Spawns the server, waits until it says it listens and GET /api/health answers, and gives back its address and a stop function. */
export async function startServer(opts: { now?: Date; timeoutMs?: number } = {}): Promise<TestServer> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const webDir = path.join(ROOT, 'dist', 'web');
  if (!fs.existsSync(path.join(webDir, 'index.html'))) throw new Error('dist/web is missing: run `npx vite build` before the end-to-end tests');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST,
    TUIJIN_DEMO_PASSWORD: DEMO_PASSWORD,
    TUIJIN_DEMO: '1',
    TUIJIN_WEB_DIR: webDir,
    LOG_LEVEL: 'warn',
    // The address line the start waits for below, printed as text (else only logged, at info).
    TUIJIN_CONSOLE: 'text',
    ...(opts.now ? { TUIJIN_TEST_NOW: opts.now.toISOString() } : {}),
    // The flows log in over and over from 127.0.0.1; production counts logins per address.
    TUIJIN_AUTH_PER_ADDRESS: '1000000',
    TUIJIN_AUTH_OVERALL: '1000000',
  };
  delete env.DATABASE_URL;
  const entry = opts.now ? CLOCKED_SERVER_BUILD : SERVER_BUILD;
  await ensureServerBuild(entry);
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(entry.outDir, `${path.basename(entry.entry, '.ts')}.js`)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://${HOST}:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  // The server prints its address once it listens (after the demo is loaded): wait for that line,
  // or for it to exit, instead of polling; then one health check confirms it answers.
  const listening = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const check = () => {
      if (out.includes('is running on http://')) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      resolve(false);
    });
    check();
  });
  if (listening && (await fetch(`${base}/api/health`).then((r) => r.ok, () => false))) return { base, output: () => out, stop };
  await stop();
  throw new Error(`the server did not become healthy on ${base}:\n${out}`);
}
