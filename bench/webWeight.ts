import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface WebWeight {
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
  /** How the login page's files were found, and what was assumed. */
  method: string;
}

/** Relative static imports in a built chunk: `import{…}from"./x.js"` and `import"./x.js"`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.\.?\/[^"'`]+\.js)["'`]/g)) out.push(m[1]!);
  return out;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * The JavaScript a browser loads to show the login page: what index.html references (entry script
 * and modulepreloads) with their static imports, plus the lazily loaded login page chunk with its
 * static imports. The login chunk comes from the Vite manifest when the build writes one, else from
 * its file name (React.lazy(() => import('./pages/auth/LoginPage')) → assets/LoginPage-<hash>.js).
 */
export function loginPageWeight(webDir: string): WebWeight | { error: string } {
  const indexHtml = path.join(webDir, 'index.html');
  if (!fs.existsSync(indexHtml)) return { error: `${indexHtml} is missing (run npm run build)` };
  const html = fs.readFileSync(indexHtml, 'utf8');
  const roots = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) roots.add(m[1]!.replace(/^\//, ''));
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) roots.add(m[1]!.replace(/^\//, ''));

  let method: string;
  const manifestFile = path.join(webDir, '.vite', 'manifest.json');
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
    const login = Object.entries(manifest).filter(([key, c]) => /LoginPage\.tsx?$/.test(c.src ?? key));
    for (const [, c] of login) roots.add(c.file);
    method = login.length ? 'index.html + Vite manifest entry for LoginPage.tsx, with static imports' : 'index.html only: no LoginPage.tsx in the Vite manifest';
  } else {
    const assets = fs.existsSync(path.join(webDir, 'assets')) ? fs.readdirSync(path.join(webDir, 'assets')) : [];
    const login = assets.filter((f) => /^LoginPage-[\w-]+\.js$/.test(f));
    for (const f of login) roots.add(`assets/${f}`);
    method = login.length
      ? `index.html + ${login.join(', ')} (lazy chunk found by name: no Vite manifest), with static imports`
      : 'index.html and its static imports only (no LoginPage chunk: assumed the login page is in the entry bundle)';
  }

  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    const abs = path.join(webDir, rel);
    if (!fs.existsSync(abs)) return;
    seen.add(rel);
    const code = fs.readFileSync(abs, 'utf8');
    for (const imp of staticImports(code)) visit(path.posix.join(path.posix.dirname(rel), imp));
  };
  for (const r of roots) visit(r);

  const files = [...seen].map((file) => {
    const buf = fs.readFileSync(path.join(webDir, file));
    return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  files.sort((a, b) => b.gzip - a.gzip);
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0), method };
}

/** The stylesheets index.html links (render-blocking: the login page and the installed app's first screen wait for them). */
export function loginPageCss(webDir: string): { file: string; bytes: number; gzip: number }[] {
  const indexHtml = path.join(webDir, 'index.html');
  if (!fs.existsSync(indexHtml)) return [];
  const html = fs.readFileSync(indexHtml, 'utf8');
  return [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => {
    const file = m[1]!.replace(/^\//, '');
    const buf = fs.readFileSync(path.join(webDir, file));
    return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
}
