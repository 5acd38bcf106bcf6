import { describe, expect, it } from 'vitest';
import { percentOf, PROGRESS_WRITE_MS, writeDue } from './progress.js';

describe('percentOf', () => {
  it('is whole percent of rows done, floored, and 100 only once finished', () => {
    expect(percentOf({ done: 0, total: 240_000, finished: false })).toBe(0);
    expect(percentOf({ done: 1_199, total: 240_000, finished: false })).toBe(0);
    expect(percentOf({ done: 120_000, total: 240_000, finished: false })).toBe(50);
    // Every row written but the file not yet sent: the bar waits at 99, not at a 100 that then stands still.
    expect(percentOf({ done: 240_000, total: 240_000, finished: false })).toBe(99);
    expect(percentOf({ done: 240_000, total: 240_000, finished: true })).toBe(100);
  });

  it('is unknown (an indeterminate bar) without a total, and never beyond 0–99 while running', () => {
    expect(percentOf({ done: 5_000, total: null, finished: false })).toBeNull();
    expect(percentOf({ done: 0, total: 0, finished: false })).toBeNull();
    expect(percentOf({ done: 0, total: 0, finished: true })).toBe(100);
    // A count taken before rows were added: more written than counted.
    expect(percentOf({ done: 12, total: 10, finished: false })).toBe(99);
    expect(percentOf({ done: -1, total: 10, finished: false })).toBe(0);
  });
});

describe('writeDue', () => {
  const t0 = 1_000_000;
  it('writes the first state, a new phase and the end at once', () => {
    expect(writeDue(null, { phase: 'receiving', finished: false }, t0)).toBe(true);
    expect(writeDue({ at: t0, phase: 'parsing' }, { phase: 'matching', finished: false }, t0 + 1)).toBe(true);
    expect(writeDue({ at: t0, phase: 'writing' }, { phase: 'writing', finished: true }, t0 + 1)).toBe(true);
  });

  it('writes a mere count at most every PROGRESS_WRITE_MS', () => {
    const last = { at: t0, phase: 'writing' as const };
    expect(writeDue(last, { phase: 'writing', finished: false }, t0 + 1)).toBe(false);
    expect(writeDue(last, { phase: 'writing', finished: false }, t0 + PROGRESS_WRITE_MS - 1)).toBe(false);
    expect(writeDue(last, { phase: 'writing', finished: false }, t0 + PROGRESS_WRITE_MS)).toBe(true);
  });

  it('holds 240,000 rows reported a page of 5,000 at a time every 50 ms to one write per 300 ms', () => {
    let last: { at: number; phase: 'writing' } | null = null;
    let writes = 0;
    for (let page = 0; page < 48; page++) {
      const at = t0 + page * 50;
      if (writeDue(last, { phase: 'writing', finished: false }, at)) {
        writes++;
        last = { at, phase: 'writing' };
      }
    }
    expect(writes).toBe(Math.ceil((48 * 50) / PROGRESS_WRITE_MS));
  });
});
