// One migrated embedded database, dumped once per set of migrations and loaded by every test file
// that needs a fresh one: PGlite's initdb and the migrations cost each file about 2 s, the load
// under 1 s. Keyed by a hash of the migration files, so a new migration makes a new template.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../db/client.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const migrations = path.join(root, 'server/db/migrations');

/** The migration files' hash: a template is good for exactly one set of migrations. */
export function migrationsHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(path.relative(migrations, p)).update('\0').update(fs.readFileSync(p)).update('\0');
    }
  };
  walk(migrations);
  return h.digest('hex').slice(0, 16);
}

export function embeddedTemplatePath(): string {
  return path.join(root, '.tmp', `pglite-template-${migrationsHash()}.tar`);
}

/** Builds the template when the migrations changed since the last one (vitest's global setup). */
export async function ensureEmbeddedTemplate(): Promise<void> {
  const file = embeddedTemplatePath();
  if (fs.existsSync(file)) return;
  const database = await openDatabase({});
  try {
    const dump = await ((database.db as unknown as { $client: PGlite }).$client).dumpDataDir('none');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed, so a run that starts meanwhile never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  } finally {
    await database.close();
  }
}

/** The template, when the global setup made one (a test run alone by path may not have it). */
export function readEmbeddedTemplate(): Blob | undefined {
  const file = embeddedTemplatePath();
  return fs.existsSync(file) ? new Blob([fs.readFileSync(file)]) : undefined;
}
