import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const outDir = path.resolve(process.env.RIGHTSDESK_WEB_DIST ?? 'dist/web');

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, which the server
 * sends to browsers that accept them (src/server/static.ts); a copy that is not smaller is left out.
 */
function precompress(): Plugin {
  const TEXT = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return {
    name: 'rightsdesk-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir).filter((f) => TEXT.test(f))) {
        const raw = fs.readFileSync(file);
        const copies: [string, Buffer][] = [
          [
            '.br',
            zlib.brotliCompressSync(raw, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            }),
          ],
          ['.gz', zlib.gzipSync(raw, { level: zlib.constants.Z_BEST_COMPRESSION })],
        ];
        for (const [ext, bytes] of copies) {
          if (bytes.length < raw.length) fs.writeFileSync(file + ext, bytes);
        }
      }
    },
  };
}

/**
 * The component library's packages assign `X.displayName = 'X'` after every component: a statement that
 * keeps each component (and its icons) in the bundle, used or not. Without them (they only name components in
 * React's developer tools) the unused components are left out.
 */
function dropDisplayNames(): Plugin {
  return {
    name: 'rightsdesk-utrecht-tree-shaking',
    apply: 'build',
    transform: {
      filter: { id: /@utrecht[\\/][a-z-]+-react[\\/]dist[\\/]index\.mjs$/ },
      handler(code) {
        return { code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = '[^']*';$/gm, ''), map: null };
      },
    },
  };
}

// The browser app lives in web/; its build goes to dist/web (or $RIGHTSDESK_WEB_DIST), which the server serves.
export default defineConfig({
  root: 'web',
  plugins: [react(), dropDisplayNames(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // No source maps: the server would otherwise publish the app's sources.
    sourcemap: false,
    rolldownOptions: {
      treeshake: {
        // The component library's index wraps every component in forwardRef without a pure annotation:
        // without this, all of them (and their icons) end up in the bundle, used or not.
        manualPureFunctions: ['forwardRef', 'createContext'],
      },
    },
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
