// The server as `npm start` runs it, with its program clock set from TUIJIN_TEST_NOW: the end-to-end
// run's entry point. server/main.ts itself reads no clock setting, so production cannot move it.
import { parseTestNow, setClockForTests } from '../server/clock.js';

setClockForTests(parseTestNow(process.env.TUIJIN_TEST_NOW));
await import('../server/main.js');
