import { describe, expect, it } from 'vitest';
import { AttemptGate } from './attemptGate.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('the bounded pool of credential checks', () => {
  it('runs `concurrency` at once, queues `queue` in order, refuses the rest with 429 and Retry-After, and frees slots on failure too', async () => {
    const gate = new AttemptGate(2, 3);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (i: number, fail = false) => async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
      order.push(i);
      if (fail) throw new Error(`job ${i}`);
      return i;
    };
    const settled = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => gate.run(job(i, i === 0))));
    expect(most).toBe(2);
    const refused = settled.filter((s) => s.status === 'rejected' && (s.reason as { status?: number }).status === 429);
    expect(refused).toHaveLength(3);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'rate_limited', headers: { 'retry-after': '1' } });
    expect(order.slice(2)).toEqual([2, 3, 4]);
    // Everything released: a full round fits again.
    expect(await Promise.all(Array.from({ length: 5 }, (_, i) => gate.run(job(10 + i))))).toEqual([10, 11, 12, 13, 14]);
  });
});
