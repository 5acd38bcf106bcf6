import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceWorkerPlugin } from './web/sw/vitePlugin.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: 'web',
  plugins: [react(), serviceWorkerPlugin()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // Two pages: the web app, and the public portal's own small bundle (no antd; served at /public).
    rollupOptions: { input: { index: path.resolve(here, 'web/index.html'), public: path.resolve(here, 'web/public.html') } },
  },
  server: {
    // API calls go to the server; web/api/*.ts are source modules served at /api/… by Vite itself.
    proxy: { '^/api/(?![^?]*\\.tsx?(\\?|$))': 'http://localhost:3000' },
  },
});
