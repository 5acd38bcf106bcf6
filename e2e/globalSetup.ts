// One server for the whole end-to-end run (its first start, with initdb and the demo district,
// is the slowest step): every test file reaches it through inject('base').
import type { TestProject } from 'vitest/node';
import { e2eClockOffset } from './clock.js';
import { startServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    base: string;
  }
}

export default async function setup(project: TestProject) {
  const clockOffsetMs = e2eClockOffset();
  const server = await startServer({ now: new Date(Date.now() + clockOffsetMs) });
  project.provide('base', server.base);
  project.provide('clockOffsetMs', clockOffsetMs);
  return async () => {
    await server.stop();
  };
}
