import type { Writable } from 'node:stream';
import type { Lang } from '../../domain/enums.js';
import { inFeedKind } from '../../domain/feed.js';
import { lightsIn } from '../../domain/feedLights.js';
import type { Actor } from '../context.js';
import type { FeedRow } from '../models/feed.js';
import { mayReadFeedEvent } from '../policies/feed.js';
import { presentFeedEvent } from '../presenters/feed.js';
import type { FeedFilter } from '../queries/feed.js';
import type { FeedSubscriber } from './feedHub.js';

export interface StreamLimits {
  /** A comment line this often keeps proxies and the idle timeout from closing a quiet stream, and re-checks the session. */
  heartbeatMs: number;
  /** Bytes a client may leave unread in its socket's buffer before it is dropped. */
  maxBufferedBytes: number;
  /** Missed events sent to a reconnecting client, at most (the newest ones). */
  replayCap: number;
}

export const STREAM_LIMITS: StreamLimits = { heartbeatMs: 15_000, maxBufferedBytes: 256 * 1024, replayCap: 200 };

/** Events held while the replay is read; a client whose replay takes longer than this many events is dropped. */
const MAX_PENDING = 5_000;

const matches = (f: FeedFilter, r: FeedRow): boolean => inFeedKind(f.kind, r) && (!f.area || r.areaId === f.area) && (!f.unit || r.unitId === f.unit);

/**
 * One connected client of `GET /api/feed/stream`. It gets from the hub every new feed row and sends
 * those its reader may read and asked for. A client that does not read is dropped once its unread
 * output passes the bound, never buffered without one: one stalled browser must not hold the
 * server's memory.
 */
export class FeedStream implements FeedSubscriber {
  /** Rows that arrived while the replay was read; null once the stream is live. */
  private pending: FeedRow[] | null = [];
  /** Events up to this id were sent (by the replay): live rows at or below it are not sent again. */
  private sentUpTo = 0;
  private ended = false;

  constructor(
    private readonly out: Writable,
    public actor: Actor,
    private readonly lang: Lang,
    private readonly filter: FeedFilter,
    private readonly maxBufferedBytes: number,
    private readonly onEnd: () => void,
  ) {}

  get closed(): boolean {
    return this.ended;
  }

  deliver(rows: readonly FeedRow[]): void {
    if (this.ended) return;
    if (this.pending) {
      this.pending.push(...rows);
      if (this.pending.length > MAX_PENDING) this.drop();
      return;
    }
    this.send(rows);
  }

  /** Sends the replay (already within the reader's scope), then what arrived meanwhile, and goes live. */
  goLive(replay: readonly FeedRow[]): void {
    this.send(replay);
    const held = this.pending ?? [];
    this.pending = null;
    this.send(held);
  }

  private send(rows: readonly FeedRow[]): void {
    for (const row of rows) {
      if (this.ended) return;
      // The hub's rows carry every region's lights: the reader is shown its own regions' only.
      const r = row.lightParts ? { ...row, lights: lightsIn(row.lightParts, this.actor.regionIds) } : row;
      if (r.id <= this.sentUpTo || !matches(this.filter, r) || !mayReadFeedEvent(this.actor, r)) continue;
      this.sentUpTo = r.id;
      this.write(`id: ${r.id}\ndata: ${JSON.stringify(presentFeedEvent(r, this.lang))}\n\n`);
    }
  }

  /** A comment line: EventSource ignores it; it keeps the connection alive. */
  heartbeat(): void {
    this.write(': ping\n\n');
  }

  write(chunk: string): void {
    if (this.ended) return;
    this.out.write(chunk);
    if (this.out.writableLength > this.maxBufferedBytes) this.drop();
  }

  /** Ends the stream: the session ended, the server closes, or a catch-up-only client got its replay. */
  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.out.end();
    this.onEnd();
  }

  /** Cuts a client that reads nothing: its unread output is thrown away with the connection. */
  drop(): void {
    if (this.ended) return;
    this.ended = true;
    this.out.destroy();
    this.onEnd();
  }
}
