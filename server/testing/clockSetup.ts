// Vitest setup: TUIJIN_TEST_NOW puts the program clock (server/clock.ts) on a chosen day for the
// whole test file, as the CI's date matrix does (scripts/test.mjs), so a test that only passes on
// some days of the year is caught before it lands.
import { parseTestNow, setClockForTests } from '../clock.js';

// Also when unset: files share a worker (isolate: false), and none may inherit another's clock.
setClockForTests(parseTestNow(process.env.TUIJIN_TEST_NOW));
