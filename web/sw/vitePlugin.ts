import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The pages the installed app must open with no network: the shell, the login, the home page, a
 * unit's workbench and the report pages. Their chunks and what they import are kept at install;
 * everything else is kept when first used (the whole build is 3 MB, most of it pages a phone never opens).
 */
const SHELL_PAGES = [/web\/boot\.tsx$/, /components\/AppShell\.tsx$/, /pages\/home\/AppStart\.tsx$/, /pages\/auth\/LoginPage\.tsx$/, /pages\/home\/HomePage\.tsx$/, /pages\/work\/UnitWorkbenchPage\.tsx$/, /pages\/reports\/NewReportPage\.tsx$/, /pages\/reports\/ReportPage\.tsx$/];
const STATIC_FILES = ['/index.html', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png'];

/** The app itself, which the entry (web/main.tsx) imports when the page is ready for it. */
const BOOT = /[\\/]web[\\/]boot\.tsx$/;

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  isEntry: boolean;
  imports: string[];
  modules: Record<string, { code: string | null }>;
  viteMetadata?: { importedCss: Set<string> };
}

/** The modules that are the service worker's and the offline store's part of a page (web/sw/, web/offline/). */
const OFFLINE_MODULE = /[\\/]web[\\/](sw|offline)[\\/]/;

/** What the service worker and the offline store add to the login page's JS (issue 24: ≤ 30 KB gzip); written to .vite/offline-weight.json. */
export interface OfflineWeight {
  /** sw.js, which the login page registers (gzip level 9). */
  swGzip: number;
  /** The code of web/sw/ and web/offline/ modules inside the chunks the login page loads, gzipped together. */
  inPageGzip: number;
  inPageModules: string[];
  totalGzip: number;
}

/**
 * Hand-written service worker (web/sw/serviceWorker.ts) compiled into the build as /sw.js with the
 * list of files its version keeps; the version is the hash of that list, so a build that changes a
 * file the shell uses installs a new worker, which replaces the old shell. No plugin package: the
 * worker is a hundred lines, and a generated one would weigh more than the whole offline store.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'tuijin-service-worker',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is typeof c & ChunkLike => c.type === 'chunk') as unknown as ChunkLike[];
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const keep = new Set<string>();
      const visit = (file: string) => {
        if (keep.has(file)) return;
        const c = byFile.get(file);
        if (!c) return;
        keep.add(file);
        for (const css of c.viteMetadata?.importedCss ?? []) keep.add(css);
        for (const i of c.imports) visit(i);
      };
      for (const c of chunks) {
        const id = c.facadeModuleId ?? '';
        const isAppEntry = c.isEntry && id.endsWith('/web/main.tsx');
        if (isAppEntry || SHELL_PAGES.some((re) => re.test(id))) visit(c.fileName);
      }
      const precache = [...STATIC_FILES, ...[...keep].sort().map((f) => `/${f}`)];
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const out = await build({
        entryPoints: [path.join(here, 'serviceWorker.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        minify: true,
        target: 'es2022',
        define: { __PRECACHE__: JSON.stringify(precache), __VERSION__: JSON.stringify(version) },
      });
      const sw = out.outputFiles[0]!.text;
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: sw });

      // The login page loads the app entry and the login chunk with their static imports.
      const loginFiles = new Set<string>();
      const follow = (file: string) => {
        if (loginFiles.has(file) || !byFile.has(file)) return;
        loginFiles.add(file);
        for (const i of byFile.get(file)!.imports) follow(i);
      };
      for (const c of chunks) if ((c.isEntry && (c.facadeModuleId ?? '').endsWith('/web/main.tsx')) || BOOT.test(c.facadeModuleId ?? '') || /pages\/auth\/LoginPage\.tsx$/.test(c.facadeModuleId ?? '')) follow(c.fileName);
      const inPage: string[] = [];
      let inPageCode = '';
      for (const f of loginFiles)
        for (const [id, m] of Object.entries(byFile.get(f)!.modules))
          if (OFFLINE_MODULE.test(id) && m.code) {
            inPage.push(path.relative(path.join(here, '..', '..'), id));
            inPageCode += m.code;
          }
      const swGzip = gzipSync(sw, { level: 9 }).length;
      const inPageGzip = inPageCode ? gzipSync(inPageCode, { level: 9 }).length : 0;
      const weight: OfflineWeight = { swGzip, inPageGzip, inPageModules: inPage.sort(), totalGzip: swGzip + inPageGzip };
      // Under .vite/ (not served: the static server ignores dot folders), beside Vite's own manifests; bench/run.ts prints it.
      this.emitFile({ type: 'asset', fileName: '.vite/offline-weight.json', source: JSON.stringify(weight, null, 2) });
    },
  };
}

/**
 * index.html announces the app (web/boot.tsx and its static imports) as modulepreloads: the entry
 * imports it dynamically (after the kept first screen is painted, when there is one), and without
 * the tags its files would be asked for only then, one level of imports after another.
 */
export function bootPreloadPlugin(): Plugin {
  return {
    name: 'tuijin-boot-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('index.html')) return html;
        const chunks = Object.values(ctx.bundle).filter((c): c is typeof c & ChunkLike => c.type === 'chunk') as unknown as ChunkLike[];
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const boot = chunks.find((c) => BOOT.test(c.facadeModuleId ?? ''));
        if (!boot) return html;
        const files: string[] = [];
        const visit = (file: string) => {
          if (files.includes(file) || !byFile.has(file)) return;
          files.push(file);
          for (const i of byFile.get(file)!.imports) visit(i);
        };
        visit(boot.fileName);
        const tags = files.filter((f) => !html.includes(`/${f}"`)).map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` }, injectTo: 'head' as const }));
        return { html, tags };
      },
    },
  };
}
