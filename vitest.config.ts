import { defineConfig } from 'vitest/config';
import { longestFirst } from './vitest.sequencer.js';

export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'server/**/*.test.ts', 'demo/**/*.test.ts', 'scripts/**/*.test.ts', 'web/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['server/testing/globalSetup.ts'],
    setupFiles: ['server/testing/clockSetup.ts', 'server/testing/propertySeed.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Files share their worker's modules: importing the server's module graph and compiling
    // PGlite's WebAssembly once per worker instead of once per file takes the run from 316 s to
    // about 200 s. Tests keep no state in modules (each file builds its own app and database);
    // the setup file puts the program clock back before every file.
    isolate: false,
    sequence: {
      sequencer: longestFirst([
        'server/routes/authorization.matrix.test.ts',
        'scripts/crash.test.ts',
        'server/routes/badInput.property.test.ts',
        'server/routes/regionSeal.test.ts',
        'server/routes/routeAuth.test.ts',
        'server/routes/loginStages.test.ts',
        'scripts/auditVerify.test.ts',
        'scripts/firstStart.test.ts',
        'scripts/production.test.ts',
        'server/jobs/recurringDue.test.ts',
        'server/audit.test.ts',
        'server/routes/users.test.ts',
        'server/routes/oversight/oversight.test.ts',
      ]),
    },
  },
});
