import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';

/** The channel every server process on one database notifies after it linked audit records. */
export const FEED_CHANNEL = 'tuijin_feed';
/**
 * The entities whose records can be feed events: a link of other records (sign-ins, users) notifies
 * nobody. `system`: the midnight run's 灯色变化.
 */
const FEED_ENTITIES = new Set(['report', 'blocker', 'task', 'plan', 'dispatch', 'system']);

const notifying = new WeakSet<Database>();

/**
 * After each link of records that may be feed events, tells every process on the database (this one
 * too) through NOTIFY. Every app does it from its start, whether or not it has feed clients itself:
 * the clients of another process must hear of steps taken here. Once per database.
 * One NOTIFY at a time: links that finish while one is on its way are told by one more after it
 * (a hub reads everything up to the newest record whatever woke it), so under a burst of writes the
 * notifications cost two statements, not one per link, and each NOTIFY's commit, which PostgreSQL
 * serialises, stays off the writers' path.
 */
export function notifyFeedOnLink(database: Database, onError: (e: unknown) => void): void {
  if (notifying.has(database)) return;
  notifying.add(database);
  let sending = false;
  let again = false;
  const send = (): void => {
    sending = true;
    again = false;
    database.db
      .execute(sql`select pg_notify(${FEED_CHANNEL}, '')`)
      .catch(onError)
      .finally(() => {
        if (again) send();
        else sending = false;
      });
  };
  database.onAuditLinked((entities) => {
    if (![...entities].some((e) => FEED_ENTITIES.has(e))) return;
    if (sending) again = true;
    else send();
  });
}
