import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';

/**
 * How long a client may take to send a request, and how many connections one address may hold.
 * Fastify's own default request timeout is none at all: 1,000 connections sending a body byte every
 * 10 s were held for as long as the attacker liked.
 */
export interface HttpLimits {
  /** From the connection (or the previous request) until the request's headers are in. */
  headersTimeoutMs: number;
  /** From the connection until the whole request, body included, is in: a slow body is cut off here (408). */
  requestTimeoutMs: number;
  /** Silence in either direction in the middle of a request before the connection is closed. */
  idleTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open between requests. */
  keepAliveTimeoutMs: number;
  /** Connections one address may hold open at once; 0 for no limit (behind a reverse proxy every client shares its address). */
  maxConnectionsPerIp: number;
}

/**
 * A 10 MB evidence file takes a minute at 1.4 Mbit/s; the headers of any honest request arrive in
 * well under 15 s. 256 connections per address leave room for an office behind one NAT address
 * (browsers open six each) and for the benchmark's 200.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 60_000,
  idleTimeoutMs: 60_000,
  keepAliveTimeoutMs: 72_000,
  maxConnectionsPerIp: 256,
};

/**
 * The Fastify options that carry the limits to Node's HTTP server. Node checks the header and
 * request deadlines only every `connectionsCheckingInterval` (30 s by default, which would let a
 * slow body live up to half a minute past its deadline), so it checks at least every second here.
 */
export function httpServerOptions(l: HttpLimits): { connectionTimeout: number; keepAliveTimeout: number; requestTimeout: number; http: ServerOptions } {
  return {
    connectionTimeout: l.idleTimeoutMs,
    keepAliveTimeout: l.keepAliveTimeoutMs,
    requestTimeout: l.requestTimeoutMs,
    http: {
      headersTimeout: l.headersTimeoutMs,
      requestTimeout: l.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(l.headersTimeoutMs / 4))),
    },
  };
}

/**
 * Closes at once any connection beyond `max` from one address (the socket's peer: with trustProxy
 * off no header can change it), so that one source cannot hold every file descriptor.
 */
export function limitConnectionsPerIp(server: Server, max: number): void {
  if (!max) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const ip = socket.remoteAddress ?? '';
    const n = (open.get(ip) ?? 0) + 1;
    if (n > max) {
      socket.destroy();
      return;
    }
    open.set(ip, n);
    socket.once('close', () => {
      const left = (open.get(ip) ?? 1) - 1;
      if (left > 0) open.set(ip, left);
      else open.delete(ip);
    });
  });
}
