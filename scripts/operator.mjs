// `npm run audit:verify`, `npm run secadmin:recover`, `npm run demo:load`: runs an operator's command
// as compiled beside the server (scripts/buildServer.mjs), rebuilt first where the build tools are
// installed and its sources changed, so no TypeScript loader is needed on a production machine.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureServerBuild, SERVER_BUILD } from './buildServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
const known = SERVER_BUILD.commands.map((c) => path.basename(c, '.ts'));
if (!name || !known.includes(name)) {
  console.error(`usage: node scripts/operator.mjs <${known.join('|')}> [arguments]`);
  process.exit(2);
}
await ensureServerBuild();
// The command reads its own arguments after its name, as when it was run directly.
process.argv.splice(2, 1);
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(root, SERVER_BUILD.outDir, `${name}.js`)).href);
