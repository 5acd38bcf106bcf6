import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootPreloadPlugin, serviceWorkerPlugin } from './web/sw/vitePlugin.js';
import { unusedAntdCssPlugin } from './web/antdCss.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: 'web',
  plugins: [react(), unusedAntdCssPlugin(), serviceWorkerPlugin(), bootPreloadPlugin()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // A lazy page's imports are not announced by <link rel=modulepreload> tags that Vite's helper adds
    // to the head at run time: with Ant Design's static stylesheet on the page, each tag added cost the
    // phone more than the file it announced (~0.9 s of 6 s opening the workbench at 4× CPU, issue 24).
    // The browser follows the imports itself, from the service worker's cache; index.html keeps its own.
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
    // Two pages: the web app, and the public portal's own small bundle (no antd; served at /public).
    rollupOptions: { input: { index: path.resolve(here, 'web/index.html'), public: path.resolve(here, 'web/public.html') } },
  },
  server: {
    // API calls go to the server; web/api/*.ts are source modules served at /api/… by Vite itself.
    proxy: { '^/api/(?![^?]*\\.tsx?(\\?|$))': 'http://localhost:3000' },
  },
});
