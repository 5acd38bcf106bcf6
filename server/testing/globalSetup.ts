import { ensureEmbeddedTemplate } from './embeddedTemplate.js';

/** Once per vitest run, before any test file: the migrated embedded database every file copies. */
export default async function setup(): Promise<void> {
  await ensureEmbeddedTemplate();
}
