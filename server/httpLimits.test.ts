import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from './app.js';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './httpLimits.js';
import { openTestDatabase, type TestDatabase } from './testing/databases.js';

/** Short deadlines, so that the attacks below are over in about a second each. */
const LIMITS: HttpLimits = { headersTimeoutMs: 400, requestTimeoutMs: 1000, idleTimeoutMs: 5000, keepAliveTimeoutMs: 1000, maxConnectionsPerIp: 4 };
/** Node checks the deadlines every 100 ms here (a quarter of the header deadline); the rest is this busy machine. */
const SLACK = 800;
const GIVE_UP = 6000;

interface Outcome {
  closedAfterMs: number;
  reply: string;
}

/**
 * Opens a connection, sends `head`, then one more byte every `everyMs` for as long as the server
 * keeps the connection — as the attacker did, with a byte every 10 s — and reports when it closed.
 */
function drip(port: number, head: string, everyMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    let reply = '';
    let timer: NodeJS.Timeout | undefined;
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(head);
      timer = setInterval(() => socket.write('x'), everyMs);
    });
    const giveUp = setTimeout(() => socket.destroy(), GIVE_UP);
    socket.on('data', (d) => (reply += d.toString()));
    socket.on('error', () => undefined); // a reset is a close too
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ closedAfterMs: performance.now() - started, reply });
    });
  });
}

const open = (port: number) =>
  new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });

describe('slow requests against the listening server', () => {
  let db: TestDatabase;
  let app: App;
  let port: number;
  beforeAll(async () => {
    db = await openTestDatabase('embedded');
    app = await buildApp({ database: db.database, logLevel: 'silent', http: LIMITS });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('cuts off a body that trickles in a byte at a time once the request deadline passes (408)', async () => {
    const head = 'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{';
    const slow = await drip(port, head, 100);
    expect(slow.closedAfterMs).toBeGreaterThanOrEqual(LIMITS.requestTimeoutMs - 50);
    expect(slow.closedAfterMs).toBeLessThan(LIMITS.requestTimeoutMs + SLACK);
    expect(slow.reply).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts off headers that trickle in once the header deadline passes, long before the request deadline', async () => {
    const slow = await drip(port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 50);
    expect(slow.closedAfterMs).toBeLessThan(LIMITS.headersTimeoutMs + SLACK);
    expect(slow.closedAfterMs).toBeLessThan(LIMITS.requestTimeoutMs);
  });

  it('still answers a request sent at an honest pace', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { connection: 'close' } });
    expect(res.status).toBe(200);
  });

  it('closes at once a connection beyond the limit for one address, and takes new ones when others end', async () => {
    const held = await Promise.all(Array.from({ length: LIMITS.maxConnectionsPerIp }, () => open(port)));
    const extra = await drip(port, '', 1000);
    expect(extra.closedAfterMs).toBeLessThan(300);
    expect(extra.reply).toBe('');
    for (const s of held) s.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  });

  it('has deadlines and a per-address limit by default, on the server Node runs', async () => {
    const plain = await buildApp({ database: db.database, logLevel: 'silent' });
    try {
      const s = plain.server;
      expect([s.requestTimeout, s.headersTimeout, s.timeout, s.keepAliveTimeout]).toEqual([
        DEFAULT_HTTP_LIMITS.requestTimeoutMs,
        DEFAULT_HTTP_LIMITS.headersTimeoutMs,
        DEFAULT_HTTP_LIMITS.idleTimeoutMs,
        DEFAULT_HTTP_LIMITS.keepAliveTimeoutMs,
      ]);
      expect(s.listenerCount('connection')).toBeGreaterThan(1);
    } finally {
      await plain.close();
    }
  });
});
