import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    // API calls go to the server; web/api/*.ts are source modules served at /api/… by Vite itself.
    proxy: { '^/api/(?![^?]*\\.tsx?(\\?|$))': 'http://localhost:3000' },
  },
});
