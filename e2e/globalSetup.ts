// One server for the whole end-to-end run (its first start, with initdb and the demo district,
// is the slowest step): every test file reaches it through inject('base').
import type { TestProject } from 'vitest/node';
import { startServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    base: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startServer();
  project.provide('base', server.base);
  return async () => {
    await server.stop();
  };
}
