import { inject } from 'vitest';

/** This worker's server (e2e/globalSetup.ts starts one per worker). */
export function serverBase(): string {
  const bases = inject('bases');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  return bases[(worker - 1) % bases.length]!;
}
