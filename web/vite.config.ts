import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cataloguePlugin } from './build/catalogue-plugin.ts';
import { compressPlugin } from './build/compress-plugin.ts';
import { docsPlugin } from './build/docs-plugin.ts';
import { pwaPlugin } from './build/pwa-plugin.ts';

const apiTarget = process.env.API_URL ?? 'http://localhost:3000';
const proxied = { target: apiTarget, changeOrigin: false, ws: true };

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: 'public',
  plugins: [cataloguePlugin(), react(), pwaPlugin(), docsPlugin(), compressPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The manifest lets scripts/check-budget.mjs find the first route's JavaScript.
    manifest: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': proxied, '/healthz': proxied, '/readyz': proxied },
  },
});
