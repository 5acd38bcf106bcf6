// A keep-alive HTTP client for the measurements: node:http with a pooled Agent, so a request's time
// is the server's work plus one loopback round trip, never a TCP handshake.
import http from 'node:http';
import { DEMO_PASSWORD } from '../scripts/serverProcess.js';

export interface Session {
  account: string;
  cookie: string;
  csrf: string;
}

export interface Reply {
  status: number;
  body: string;
}

export class KeepAliveClient {
  readonly agent: http.Agent;
  constructor(
    readonly base: string,
    sockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  request(method: string, path: string, session?: Session | null, body?: unknown): Promise<Reply & { headers: http.IncomingHttpHeaders }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: http.OutgoingHttpHeaders = {};
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (session) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] = session.csrf;
    }
    return new Promise((resolve, reject) => {
      const req = http.request(this.base + path, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        res.on('error', reject);
      });
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** Password login (argon2id on the server) of a non-admin account: one session for the whole run. */
  async login(account: string, password = DEMO_PASSWORD): Promise<Session> {
    const r = await this.request('POST', '/api/auth/login', null, { account, password });
    if (r.status !== 200) throw new Error(`login ${account}: ${r.status} ${r.body.slice(0, 300)}`);
    const data = (JSON.parse(r.body) as { data: { csrfToken: string; stage: string } }).data;
    if (data.stage !== 'ok') throw new Error(`login ${account} ended at stage ${data.stage}`);
    const cookie = ([] as string[])
      .concat(r.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0]!)
      .join('; ');
    return { account, cookie, csrf: data.csrfToken };
  }

  close(): void {
    this.agent.destroy();
  }
}
