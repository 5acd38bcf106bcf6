import { ensureEmbeddedTemplate } from './embeddedTemplate.js';
import { DATABASE_KINDS, TEST_DATABASE_URL } from './databases.js';
import { ensureServerTemplate } from './serverTemplate.js';

/** Once per vitest run, before any test file: the migrated databases every file copies. */
export default async function setup(): Promise<void> {
  await Promise.all([ensureEmbeddedTemplate(), DATABASE_KINDS.includes('postgres') ? ensureServerTemplate(TEST_DATABASE_URL) : undefined]);
}
