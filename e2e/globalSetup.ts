// One server per test worker for the whole end-to-end run (a first start, with initdb and the demo
// district, is the slowest step, so they start side by side). A file talks to its worker's server
// only (e2e/base.ts): a test that counts what the server holds never sees another file's writes
// land between two of its reads. Each server's output goes to .tmp/e2e-server-N.log, where a
// failed run's slow requests and errors can be read.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { e2eClockOffset } from './clock.js';
import { E2E_WORKERS } from './workers.js';
import { ROOT, startServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One server address per worker (VITEST_POOL_ID 1 takes the first). */
    bases: string[];
  }
}

export default async function setup(project: TestProject) {
  const clockOffsetMs = e2eClockOffset();
  const now = new Date(Date.now() + clockOffsetMs);
  const servers = await Promise.all(Array.from({ length: E2E_WORKERS }, () => startServer({ now })));
  project.provide('bases', servers.map((s) => s.base));
  project.provide('clockOffsetMs', clockOffsetMs);
  return async () => {
    fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
    await Promise.all(
      servers.map(async (s, i) => {
        await s.stop();
        fs.writeFileSync(path.join(ROOT, '.tmp', `e2e-server-${i + 1}.log`), s.output());
      }),
    );
  };
}
