// Vitest setup: property tests (fast-check) run on a fresh seed each time, so coverage grows run by
// run; a failure prints its seed and path in its message ("seed: -123, path: "4:1""). FC_SEED (and
// FC_PATH) replays exactly that run: `FC_SEED=-123 FC_PATH=4:1 npx vitest run <file>`.
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== '') {
  const n = Number(seed);
  if (!Number.isInteger(n)) throw new Error(`FC_SEED must be an integer, got ${seed}`);
  fc.configureGlobal({ seed: n, ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) });
}
