// One keep-alive HTTP/1.1 connection over a plain socket, for the submission load: node:http's
// client cost this benchmark 0.5–0.7 ms of CPU a request, a quarter of what the server under test
// spends, on the same two cores. The load generator stands for browsers on other machines, so its
// own cost should be as small as it can be. Handles the replies this server sends (Content-Length
// or chunked bodies), one request at a time.
import net from 'node:net';
import type { Reply } from './http.js';

const CRLF2 = Buffer.from('\r\n\r\n');

interface Pending {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
}

export class RawConnection {
  private readonly socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;
  private readonly ready: Promise<void>;

  constructor(
    private readonly host: string,
    port: number,
  ) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.tryParse();
    });
    this.socket.on('error', (e) => this.fail(e));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  /** Whether the server closed it (an idle keep-alive connection times out) or it failed: a new one is needed. */
  get closed(): boolean {
    return this.socket.destroyed || this.socket.readyState === 'closed' || this.socket.readyState === 'readOnly';
  }

  private fail(e: Error): void {
    const p = this.pending;
    this.pending = null;
    p?.reject(e);
  }

  private tryParse(): void {
    if (!this.pending) return;
    const end = this.buffer.indexOf(CRLF2);
    if (end < 0) return;
    const head = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(head[0]!.split(' ')[1]);
    const headers = new Map<string, string>();
    for (const line of head.slice(1)) {
      const colon = line.indexOf(':');
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    let at = end + 4;
    let body: Buffer;
    const length = headers.get('content-length');
    if (length !== undefined) {
      if (this.buffer.length < at + Number(length)) return;
      body = this.buffer.subarray(at, at + Number(length));
      at += Number(length);
    } else if (headers.get('transfer-encoding') === 'chunked') {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = this.buffer.indexOf('\r\n', at);
        if (lineEnd < 0) return;
        const size = parseInt(this.buffer.subarray(at, lineEnd).toString('latin1'), 16);
        if (this.buffer.length < lineEnd + 2 + size + 2) return;
        parts.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
        if (size === 0) break;
      }
      body = Buffer.concat(parts);
    } else {
      body = Buffer.alloc(0);
    }
    this.buffer = this.buffer.subarray(at);
    const p = this.pending;
    this.pending = null;
    p.resolve({ status, body: body.toString('utf8') });
  }

  async request(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
    await this.ready;
    if (this.pending) throw new Error('one request at a time on a connection');
    // Written to a closed socket, it would wait for an answer for ever.
    if (this.closed) throw new Error('connection closed');
    const payload = body === undefined ? '' : JSON.stringify(body);
    let text = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}\r\nconnection: keep-alive\r\n`;
    for (const [k, v] of Object.entries(headers)) text += `${k}: ${v}\r\n`;
    if (body !== undefined) text += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n`;
    text += `\r\n${payload}`;
    return new Promise<Reply>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(text);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
