import { rateLimited } from '../errors.js';

/**
 * A bounded pool for credential checks: at most `concurrency` run at once (each hashes a password
 * with argon2, tens of milliseconds of a core), at most `queue` wait for a turn, and any more are
 * refused at once with 429 — before they cost a database query — so that a flood of logins leaves
 * the database and the event loop to everyone else. In memory: it bounds this process's CPU.
 */
export class AttemptGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length >= this.queue) throw rateLimited(1);
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      // The slot passes straight to the next in line, so a newcomer cannot overtake those waiting.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
