import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'web/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['server/testing/globalSetup.ts'],
    setupFiles: ['server/testing/clockSetup.ts'],
    pool: 'forks',
    maxWorkers: 2,
  },
});
