// Issue 19's "a route that touches no database ≥ 40 % of a bare Fastify route returning the same
// bytes": the web app's page (index.html, what every first visit and reload fetches, no session
// needed) from the app's server, and the same bytes from a bare Fastify process, under wrk.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HOST, ROOT, startServer } from '../scripts/serverProcess.js';
import { processCpuMs } from './procCpu.js';
import type { District } from './scale.js';
import { parseWrk, wrk } from './wrk.js';
import type { WrkFigures } from './throughputTypes.js';

const SECONDS = 10;
const CONNECTIONS = 10;

type Run = WrkFigures & { cpu: number };
/**
 * `bare`: a bare Fastify sending the same answer (body and headers: the security headers and
 * cache-control the page needs, which cost a bare server a quarter of its rate too); `bareBody`: the
 * same body with only a content type, as this bench measured before 2026-12-07.
 */
export type BareHttpFigures = { error: string } | { app: Run; bare: Run; bareBody: Run; bytes: number; headerBytes: number; url: string };

/** The headers a server sends itself on every answer, whichever the route (not the answer's own). */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

async function timedRun(url: string, pid: number) {
  await wrk(url, '', CONNECTIONS, 3);
  const c0 = processCpuMs(pid);
  const f = parseWrk(await wrk(url, '', CONNECTIONS, SECONDS));
  return { ...f, cpu: (processCpuMs(pid) - c0) / Math.max(1, f.requests) };
}

export async function measureBareHttp(d: District, port: () => Promise<number>): Promise<BareHttpFigures> {
  const webDir = path.join(ROOT, 'dist', 'web');
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return { error: 'dist/web is not built (`npm run build`)' };
  const url = '/tasks';
  const s = await startServer(d.target, { port: await port(), timeoutMs: 120_000, env: { TUIJIN_WEB_DIR: webDir } });
  let app;
  let headers: Record<string, string>;
  try {
    const r = await fetch(s.base + url);
    const body = Buffer.from(await r.arrayBuffer());
    if (r.status !== 200 || !body.equals(fs.readFileSync(index))) throw new Error(`GET ${url} did not answer index.html (${r.status})`);
    headers = Object.fromEntries([...r.headers].filter(([name]) => !PER_CONNECTION.has(name)));
    app = await timedRun(s.base + url, s.child.pid!);
  } finally {
    await s.stop();
  }
  const headersFile = path.join(ROOT, '.tmp', 'bench-bare-headers.json');
  fs.mkdirSync(path.dirname(headersFile), { recursive: true });
  fs.writeFileSync(headersFile, JSON.stringify(headers));
  const bare = await bareRun(await port(), index, url, headersFile);
  const bareBody = await bareRun(await port(), index, url);
  const headerBytes = Object.entries(headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
  return { app, bare, bareBody, bytes: fs.statSync(index).size, headerBytes, url };
}

async function bareRun(p: number, index: string, url: string, headersFile?: string): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bareFastifyServer.ts', String(p), index, ...(headersFile ? [headersFile] : [])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (b: Buffer) => b.toString().includes('listening') && resolve());
      child.on('exit', (code) => reject(new Error(`bare Fastify exited (${code})`)));
    });
    return await timedRun(`http://${HOST}:${p}${url}`, child.pid!);
  } finally {
    child.kill();
  }
}
