import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Stops listening. */
export type Unlisten = () => Promise<void>;

/** Waits before connecting the listener again after its connection broke. */
const RECONNECT_MS = 1000;

/**
 * LISTEN on a PostgreSQL server through a connection of its own (a pooled one is handed to others
 * between queries and would miss notifications). A broken connection is replaced after a second and
 * `onNotify` is called once it listens again, since notifications sent meanwhile were lost: the
 * listener then reads what it missed.
 */
export async function listenOnServer(connectionString: string, channel: string, onNotify: () => void): Promise<Unlisten> {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const connect = async (again: boolean): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => n.channel === channel && onNotify());
    c.on('error', () => retry(c));
    c.on('end', () => retry(c));
    client = c;
    await c.connect();
    await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    if (again) onNotify();
  };
  const retry = (c: pg.Client) => {
    if (stopped || client !== c || timer) return;
    client = null;
    c.end().catch(() => {});
    timer = setTimeout(() => {
      timer = null;
      if (!stopped) connect(true).catch(() => client && retry(client));
    }, RECONNECT_MS);
  };
  await connect(false);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}

/** LISTEN on the embedded database: one process, so PGlite hears its own NOTIFY. */
export async function listenEmbedded(client: PGlite, channel: string, onNotify: () => void): Promise<Unlisten> {
  const stop = await client.listen(channel, () => onNotify());
  return async () => {
    // After close PGlite refuses every call, UNLISTEN included: nothing is left to stop then.
    if (!client.closed) await stop();
  };
}
