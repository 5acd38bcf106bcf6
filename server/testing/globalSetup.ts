import { ensureEmbeddedTemplate } from './embeddedTemplate.js';
import { DATABASE_KINDS, TEST_DATABASE_URL } from './databases.js';
import { ensureServerTemplate } from './serverTemplate.js';
import { ensureServerBuild } from '../../scripts/buildServer.mjs';
import { dropPooledServerDatabases } from './databasePool.js';

/**
 * Once per vitest run, before any test file: the migrated databases every file copies, and the
 * compiled server that the tests running it as a process start (built here, once, so that no two
 * workers build it at the same moment). At the end, the server databases the workers kept.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const onServer = DATABASE_KINDS.includes('postgres');
  await Promise.all([ensureEmbeddedTemplate(), onServer ? ensureServerTemplate(TEST_DATABASE_URL) : undefined, ensureServerBuild()]);
  // The databases the workers kept for their next file (server/testing/databasePool.ts), named by this process.
  return async () => {
    if (onServer) await dropPooledServerDatabases(TEST_DATABASE_URL, process.pid);
  };
}
