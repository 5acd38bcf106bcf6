import http from 'node:http';
import type { FeedEvent } from '../../domain/schemas/feed.js';

export interface SseConnection {
  status: number;
  events: (FeedEvent & { eventId: string })[];
  /** Comment lines received (heartbeats). */
  comments: number;
  /** Resolves when the server ends the stream (or the connection breaks). */
  ended: Promise<void>;
  /** Resolves once `pred` holds for the events received, or fails after `ms`. */
  waitFor(pred: (events: FeedEvent[]) => boolean, ms?: number): Promise<void>;
  close(): void;
}

/**
 * A real HTTP client of a Server-Sent Events stream (app.inject cannot hold a response open):
 * parses `id:` and `data:` lines into events as they arrive.
 */
export function openSse(port: number, path: string, headers: Record<string, string>): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const conn: SseConnection = {
        status: res.statusCode ?? 0,
        events: [],
        comments: 0,
        ended: new Promise((done) => {
          res.on('end', done);
          res.on('close', done);
          res.on('error', () => done());
        }),
        waitFor(pred, ms = 2000) {
          return new Promise((ok, fail) => {
            const started = Date.now();
            const check = () => {
              if (pred(conn.events)) return ok();
              if (Date.now() - started > ms) return fail(new Error(`SSE: not within ${ms} ms; got ${conn.events.map((e) => e.action).join(', ')}`));
              setTimeout(check, 10);
            };
            check();
          });
        },
        close: () => req.destroy(),
      };
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let id = '';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) conn.comments++;
            else if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) conn.events.push({ ...(JSON.parse(data) as FeedEvent), eventId: id });
        }
      });
      resolve(conn);
    });
    req.on('error', reject);
  });
}
