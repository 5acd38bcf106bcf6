import type { Db, Tx } from './client.js';

/** A transaction opened now and ended later by its holder, from another part of the request's life. */
export interface HeldTransaction {
  tx: Tx;
  /** Commits; rejects (and the work is rolled back) when the commit fails. */
  commit(): Promise<void>;
  rollback(): Promise<void>;
  readonly ended: boolean;
}

class Rollback extends Error {}

/**
 * Opens a transaction that stays open until commit() or rollback() is called: Drizzle's
 * `db.transaction(fn)` ends when `fn` settles, so `fn` waits here on the holder's decision. The
 * holder must end it on every path (the connection, and on the embedded database every other
 * statement, waits for it meanwhile), and must not end it while a statement of its own is running.
 */
export function holdTransaction(db: Db): Promise<HeldTransaction> {
  return new Promise((opened, failedToOpen) => {
    let decide!: (commit: boolean) => void;
    const decision = new Promise<boolean>((resolve) => (decide = resolve));
    let ended = false;
    let isOpen = false;
    const done = db
      .transaction(async (tx) => {
        isOpen = true;
        opened(held(tx));
        if (!(await decision)) throw new Rollback();
      })
      .then(
        () => undefined,
        (e: unknown) => {
          if (!isOpen) failedToOpen(e);
          if (!(e instanceof Rollback)) throw e;
        },
      );
    const end = async (commit: boolean) => {
      if (ended) return;
      ended = true;
      decide(commit);
      await done;
    };
    const held = (tx: Tx): HeldTransaction => ({
      tx,
      commit: () => end(true),
      rollback: () => end(false).catch(() => undefined),
      get ended() {
        return ended;
      },
    });
    // A failure to open was handed to failedToOpen; nobody else awaits `done` before end().
    done.catch(() => undefined);
  });
}
