/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The dashboard is built into dist/web and served by `mothership serve` (src/server/routes/web-app.ts).
// Hashed files go under /static/ so the SPA owns every other path (/assets/<uid> is an asset page).
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'static',
    // The polyfill would be an inline script, which the CSP forbids; every supported browser has modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
  server: { proxy: Object.fromEntries(['/api', '/auth', '/login', '/logout'].map((p) => [p, 'http://127.0.0.1:7420'])) },
});
