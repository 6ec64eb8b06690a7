import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// The browser app lives in web/; its build goes to dist/web (or $RIGHTSDESK_WEB_DIST), which the server serves.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: path.resolve(process.env.RIGHTSDESK_WEB_DIST ?? 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // React, the router, the query client and the NL Design System components in one bundle.
    chunkSizeWarningLimit: 800,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
