// Two app instances on one PostgreSQL database behind nginx, configured by deploy/nginx.conf itself
// (issue 25 item 2): a login on one instance is a session on the other, a write on one reaches the
// feed streams of both (and through nginx), nginx terminates TLS, compresses and caches the hashed
// assets, lets uploads through to the app's own limits, and the app sees the client's address.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createServerDatabase, freePort, passwordLogin, ROOT, startServer, type HttpSession, type ServerProcess } from './serverProcess.js';

const NGINX = '/usr/sbin/nginx';
/** The client's own address, other than nginx's (127.0.0.1): Linux answers all of 127/8 on lo. */
const CLIENT_ADDRESS = '127.0.0.2';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function fetchRaw(url: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string; ca?: Buffer } = {}): Promise<Answer> {
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(u, { method: opts.method ?? 'GET', headers: opts.headers, ca: opts.ca, localAddress: CLIENT_ADDRESS, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** One feed stream: the entity ids of the events that arrive on it. */
function openFeed(url: string, cookie: string, ca?: Buffer): Promise<{ ids: string[]; close(): void }> {
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const ids: string[] = [];
    const req = lib.get(u, { headers: { cookie, accept: 'text/event-stream' }, ca, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`feed ${url}: ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const data = buffer.slice(0, end).split('\n').find((l) => l.startsWith('data: '));
          buffer = buffer.slice(end + 2);
          if (data) ids.push((JSON.parse(data.slice(6)) as { entityId: string }).entityId);
        }
      });
      resolve({ ids, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

async function until<T>(what: string | (() => string), probe: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const v = await probe();
    if (v !== undefined) return v;
  }
  throw new Error(`${typeof what === 'string' ? what : what()}: not within ${ms} ms`);
}

describe('two instances behind nginx (deploy/nginx.conf)', { timeout: 240_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-instances-'));
  const servers: ServerProcess[] = [];
  let nginx: ChildProcess | undefined;
  let nginxLog = '';
  let db: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  let ca: Buffer;
  let front = '';
  let plain = '';
  const asset = `app-${Date.now().toString(36)}.js`;

  beforeAll(async () => {
    // `npm test` installs it (scripts/test.mjs); run alone, the test says what is missing.
    if (!fs.existsSync(NGINX)) throw new Error('nginx is missing: apt-get install -y --no-install-recommends nginx-light');
    // A certificate for 127.0.0.1, trusted by this test alone.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    ca = fs.readFileSync(path.join(dir, 'cert.pem'));
    // A web app of two files: the page and one hashed asset large enough to be worth compressing.
    const web = path.join(dir, 'web');
    fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(web, 'index.html'), `<!doctype html><html lang="zh-CN"><script type="module" src="/assets/${asset}"></script></html>`);
    fs.writeFileSync(path.join(web, 'assets', asset), `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ i, 名称: '推进任务' })))};\n`);

    db = await createServerDatabase('tuijin_instances');
    const env = { TUIJIN_TRUST_PROXY: '127.0.0.1', TUIJIN_WEB_DIR: web };
    // The first loads the demo; the second starts on the database the first made.
    servers.push(await startServer({ databaseUrl: db.url }, { env, timeoutMs: 180_000 }));
    servers.push(await startServer({ databaseUrl: db.url }, { env, timeoutMs: 120_000 }));

    const [httpsPort, httpPort] = [await freePort(), await freePort()];
    const prefix = path.join(dir, 'nginx');
    fs.mkdirSync(prefix);
    const conf = fs
      .readFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8')
      .replaceAll('@@PREFIX@@', prefix)
      .replaceAll('@@HTTPS_PORT@@', String(httpsPort))
      .replaceAll('@@HTTP_PORT@@', String(httpPort))
      .replaceAll('@@SERVER_NAME@@', '127.0.0.1')
      .replaceAll('@@CERT@@', path.join(dir, 'cert.pem'))
      .replaceAll('@@KEY@@', path.join(dir, 'key.pem'))
      .replaceAll('@@WEB_DIR@@', web)
      .replaceAll('@@UPSTREAMS@@', servers.map((s) => `server 127.0.0.1:${s.port};`).join(' '));
    expect(conf.split('\n').filter((l) => !l.trimStart().startsWith('#') && l.includes('@@'))).toEqual([]);
    fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
    // As root nginx's workers would switch to www-data, who may not read a test's temporary folder.
    const user = process.getuid?.() === 0 ? ['-g', 'daemon off; user root;'] : ['-g', 'daemon off;'];
    nginx = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), ...user], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stderr!.on('data', (d: Buffer) => (nginxLog += d.toString()));
    front = `https://127.0.0.1:${httpsPort}`;
    plain = `http://127.0.0.1:${httpPort}`;
    await until(() => `nginx on ${front} (${nginxLog}${fs.existsSync(path.join(prefix, 'error.log')) ? fs.readFileSync(path.join(prefix, 'error.log'), 'utf8') : ''})`, async () => ((await fetchRaw(`${front}/api/health`, { ca }).catch(() => undefined))?.status === 200 ? true : undefined));
  });

  afterAll(async () => {
    nginx?.kill('SIGQUIT');
    await Promise.all(servers.map((s) => s.kill()));
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a login on one instance is a session on the other, and a write on either reaches the feed of both and through nginx', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const hqOnA = await passwordLogin(a.base, 'hq_office');
    const liaisonOnA = await passwordLogin(a.base, 'liaison');
    expect((await call(b.base, 'GET', '/api/me', hqOnA)).status).toBe(200);

    const feeds = await Promise.all([openFeed(`${a.base}/api/feed/stream?kind=blocker`, hqOnA.cookie), openFeed(`${b.base}/api/feed/stream?kind=blocker`, hqOnA.cookie), openFeed(`${front}/api/feed/stream?kind=blocker`, hqOnA.cookie, ca)]);
    try {
      // A task of the liaison's unit, made by the HQ office on A.
      const list = async (url: string) => ((await call(a.base, 'GET', url, hqOnA)).json as { data: { id: string; code: string }[] }).data;
      const [units, programs] = [await list('/api/units'), await list('/api/programs')];
      const plan = (await call(a.base, 'POST', '/api/plans', hqOnA, { programId: programs[0]!.id, kind: 'special', code: 'TWO-INST', title: '两实例方案' })).json.data;
      const task = await call(a.base, 'POST', '/api/tasks', hqOnA, {
        planId: plan.id, code: 'TWO-INST-1', title: '两实例任务', leadUnitId: units.find((u) => u.code === 'jianshe')!.id,
        startDate: '2026-01-05', deadlineKind: 'date', deadline: '2028-12-31', reportPeriod: 'monthly',
      });
      expect(task.status, JSON.stringify(task.json)).toBe(200);
      const taskId = (task.json as { data: { id: string } }).data.id;
      // Written on B with the session made on A.
      const raised = await call(b.base, 'POST', '/api/blockers', liaisonOnA, { itemType: 'task', itemId: taskId, title: '两实例联调堵点' });
      expect(raised.status, JSON.stringify(raised.json)).toBe(200);
      const id = (raised.json as { data: { id: string } }).data.id;
      for (const [i, feed] of feeds.entries()) await until(`the event on feed ${['A', 'B', 'nginx'][i]}`, () => (feed.ids.includes(id) ? true : undefined));
      // And the other way round: written on A, read on B.
      const onB = (await call(b.base, 'GET', `/api/blockers/${id}`, hqOnA)).json as { data: { title: string } };
      expect(onB.data.title).toBe('两实例联调堵点');
    } finally {
      for (const f of feeds) f.close();
    }
  });

  it('nginx terminates TLS, redirects plain HTTP, and the app records the client’s address, not nginx’s', async () => {
    const redirect = await fetchRaw(`${plain}/tasks`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(`${front}/tasks`);

    const login = await fetchRaw(`${front}/api/auth/login`, { method: 'POST', ca, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: 'leader', password: 'Demo-Pass-2026' }) });
    expect(login.status, login.body.toString()).toBe(200);
    expect(login.headers['strict-transport-security']).toContain('max-age=');
    const client = new pg.Client({ connectionString: db!.url });
    await client.connect();
    try {
      const ip = await until('the login’s audit record', async () => (await client.query<{ ip: string | null }>(`SELECT ip FROM audit_log WHERE action LIKE '%login%' AND ip IS NOT NULL AND ip <> '127.0.0.1' ORDER BY id DESC LIMIT 1`)).rows[0]?.ip ?? undefined);
      expect(ip).toBe(CLIENT_ADDRESS);
    } finally {
      await client.end();
    }
  });

  it('serves the hashed assets itself, compressed and cached for a year, and the page from the app with its headers', async () => {
    const js = await fetchRaw(`${front}/assets/${asset}`, { ca, headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await fetchRaw(`${front}/tasks`, { ca });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain(`/assets/${asset}`);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('lets an upload past the app’s limit through, so the app refuses it in the user’s language', async () => {
    const s: HttpSession = await passwordLogin(servers[0]!.base, 'liaison');
    const boundary = 'tuijinboundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      Buffer.alloc(11 * 1024 * 1024, 0xff),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const r = await fetchRaw(`${front}/api/evidence`, { method: 'POST', ca, body, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(r.headers['content-type']).toContain('application/json');
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body.toString()).error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
