import pg from 'pg';

/**
 * Work that only one app instance may do at a time on a server database: applying migrations and a
 * blank database's first start. Two instances started together on an empty database both ran the
 * migrations and one crashed on a duplicate type; both could have found no accounts and made two
 * sets of administrators. Each takes this session-level advisory lock on a connection of its own
 * (the work itself runs on the pool), so the second waits, then finds the work done. The lock goes
 * with its connection if the process dies half-way.
 */
export async function exclusivelyOnServer<T>(connectionString: string, lockKey: bigint, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => {
    /* the connection dropped: the lock went with it, and the work's own statements report their errors */
  });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1::bigint)', [lockKey.toString()]);
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1::bigint)', [lockKey.toString()]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** The start lock's key: "tuijin:s" in ASCII, beside the midnight job's "tuijin:m". */
export const START_LOCK = 0x7475696a696e3a73n;
