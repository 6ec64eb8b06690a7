/**
 * The browser app for `npm start` (which is `rightsdesk serve`, and `npm run build:web:if-missing`): built
 * with vite when it has not been built yet (no index.html in dist/web, or in $RIGHTSDESK_WEB_DIST). Only an
 * existence check on a start where it is built, in the serving process itself rather than a process of its
 * own before it; after changing web/, run `npm run build`. Without vite (no dev dependencies) the server
 * runs without the browser app, as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the built browser app is read from, as the server resolves it. */
export const webDist = () => path.resolve(ROOT, process.env.RIGHTSDESK_WEB_DIST ?? path.join('dist', 'web'));

/** Builds the browser app when its index.html is missing; resolves when it is there (or cannot be built). */
export async function buildWebIfMissing(dist = webDist()): Promise<void> {
  if (fs.existsSync(path.join(dist, 'index.html'))) return;
  const vite = path.join(ROOT, 'node_modules', '.bin', 'vite');
  if (!fs.existsSync(vite)) return;
  console.log('Building the browser app (vite build)…');
  const { spawn } = await import('node:child_process');
  const child = spawn(vite, ['build', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, RIGHTSDESK_WEB_DIST: dist },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`Building the browser app failed (vite build ended with ${code}).`);
}
