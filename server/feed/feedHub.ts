import type { Database } from '../db/client.js';
import type { Unlisten } from '../db/listen.js';
import type { FeedRow } from '../models/feed.js';
import { lastAuditId, listFeed } from '../queries/feed.js';
import { FEED_CHANNEL } from './feedNotify.js';
/** Feed rows read per statement while catching up. */
const BATCH = 500;

/** A connected stream: the hub hands it every new feed row; it decides what its reader may see. */
export interface FeedSubscriber {
  deliver(rows: readonly FeedRow[]): void;
  close(): void;
}

/**
 * One per server process (per app): the only listener of the feed channel. After any process on
 * the database links audit records it notifies the channel (feedNotify.ts); each hub then reads the new records
 * once, in id order, and hands them to its own subscribers, which filter them per reader. So the
 * cost of an event is one read per process, not one per connected client.
 */
export class FeedHub {
  private readonly subscribers = new Set<FeedSubscriber>();
  /** Every record up to this id has been handed out. */
  private seen = 0;
  private reading = false;
  private again = false;
  private stopped = false;
  private unlisten: Unlisten | null = null;

  private constructor(
    private readonly database: Database,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Starts after the newest record: what came before, a client asks for by its Last-Event-ID. */
  static async start(database: Database, onError: (e: unknown) => void): Promise<FeedHub> {
    const hub = new FeedHub(database, onError);
    hub.seen = await lastAuditId(database.db);
    hub.unlisten = await database.listen(FEED_CHANNEL, () => hub.poke());
    // A record linked between reading the newest id and listening notified nobody here: look once.
    hub.poke();
    return hub;
  }

  /** The id the live stream continues after: a new subscriber's replay goes up to here. */
  get lastSeen(): number {
    return this.seen;
  }

  get size(): number {
    return this.subscribers.size;
  }

  add(s: FeedSubscriber): () => void {
    this.subscribers.add(s);
    return () => void this.subscribers.delete(s);
  }

  /** A notification: read what is new, unless a read runs, which then goes round once more. */
  poke(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  private async drain(): Promise<void> {
    this.reading = true;
    try {
      do {
        this.again = false;
        // Ids are linked under the chain head's lock and committed in order: everything up to the
        // newest committed id is final, so reading up to it never skips a record committed later.
        const upTo = await lastAuditId(this.database.db);
        for (;;) {
          const rows = await listFeed(this.database.db, 'all', {}, { after: this.seen, upTo, limit: BATCH, order: 'oldest' });
          // Handed out and marked seen with no await between: a subscriber added at any moment
          // gets by replay exactly what it did not get live.
          if (rows.length) for (const s of this.subscribers) s.deliver(rows);
          if (rows.length < BATCH) {
            this.seen = Math.max(this.seen, upTo);
            break;
          }
          this.seen = rows[rows.length - 1]!.id;
        }
      } while (this.again && !this.stopped);
    } catch (e) {
      if (!this.stopped) this.onError(e);
    } finally {
      this.reading = false;
    }
  }

  /** Ends every stream and stops listening (the app closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const s of [...this.subscribers]) s.close();
    this.subscribers.clear();
    await this.unlisten?.();
  }
}
