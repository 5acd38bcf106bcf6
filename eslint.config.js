import tseslint from 'typescript-eslint';

/** Test hooks the server's own code must not call: the program clock and the session cache's age. */
const TEST_ONLY = [
  { group: ['**/clock.js'], importNames: ['setClockForTests'], message: 'Only tests set the program clock.' },
  { group: ['**/sessions.js'], importNames: ['ageCachedSessionsForTests'], message: 'Only tests age the session cache.' },
];
/** The server does not import the demo. */
const NOT_DEMO = { group: ['**/demo/**', '../demo/*', '../../demo/*', '../../../demo/*'], message: 'The server does not import the demo (server/firstStart.ts loads it when wanted).' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'server/db/migrations/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The program clock moves only in tests (server/clock.ts): the server's own code cannot set it.
    files: ['server/**/*.ts', 'demo/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bench/**/*.ts'],
    ignores: ['server/testing/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: TEST_ONLY }],
    },
  },
  {
    // The demo is not the server: server code reaches it only through firstStart.ts's dynamic
    // import, when an empty database is to get it. Repeats the test-only rules (a later block's options replace an earlier one's).
    files: ['server/**/*.ts'],
    ignores: ['server/testing/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...TEST_ONLY,
            NOT_DEMO,
          ],
        },
      ],
    },
  },
  {
    // Presenters take read models (server/models/), not the queries that build them; queries never present.
    files: ['server/presenters/**/*.ts'],
    // Repeats the server's rules: a later block's options replace an earlier one's.
    rules: { 'no-restricted-imports': ['error', { patterns: [...TEST_ONLY, NOT_DEMO, { group: ['**/queries/**'], message: 'Presenters take read models from server/models/, not queries.' }] }] },
  },
  {
    files: ['server/queries/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...TEST_ONLY, NOT_DEMO, { group: ['**/presenters/**'], message: 'Queries return read models (server/models/); presenting is the route\'s next step.' }] }] },
  },
  {
    // The domain and the web app share code with the server but must never reach into it.
    files: ['domain/**/*.{ts,tsx}', 'web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '../server', '../../server'], message: 'domain/ and web/ must not import server/.' },
            { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'domain/ and web/ must not import drizzle-orm.' },
          ],
        },
      ],
    },
  },
  {
    // Domain rules are told what day it is (a `today` argument), never read a clock: the same inputs
    // give the same answer on any day, which is why the date matrix (scripts/dateMatrixFiles.mjs)
    // need not run domain/ on each of its days.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'domain/ takes today as an argument: no new Date() without one.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'domain/ takes the time as an argument: no Date.now().' },
      ],
    },
  },
);
