import { ensureEmbeddedTemplate } from './embeddedTemplate.js';
import { DATABASE_KINDS, TEST_DATABASE_URL } from './databases.js';
import { ensureServerTemplate } from './serverTemplate.js';
import { ensureServerBuild } from '../../scripts/buildServer.mjs';

/**
 * Once per vitest run, before any test file: the migrated databases every file copies, and the
 * compiled server that the tests running it as a process start (built here, once, so that no two
 * workers build it at the same moment).
 */
export default async function setup(): Promise<void> {
  await Promise.all([ensureEmbeddedTemplate(), DATABASE_KINDS.includes('postgres') ? ensureServerTemplate(TEST_DATABASE_URL) : undefined, ensureServerBuild()]);
}
