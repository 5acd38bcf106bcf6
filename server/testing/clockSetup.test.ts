import { describe, expect, it } from 'vitest';
import { today } from '../clock.js';

// The date matrix (vitest.dates.config.ts) runs files of four days in one run, on shared workers:
// each file must see its own project's day, never the one the worker ran before.
describe('the program clock in tests', () => {
  it('is on TUIJIN_TEST_NOW’s day when it is set, else on the real day', () => {
    const set = process.env.TUIJIN_TEST_NOW;
    if (set) expect(today()).toBe(set);
    else expect(today()).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
  });
});
