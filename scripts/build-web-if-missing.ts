/**
 * Before `npm start`: builds the browser app when it has not been built yet (no index.html in dist/web, or in
 * $RIGHTSDESK_WEB_DIST). Only an existence check on every start; after changing web/, run `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';

const index = path.join(process.env.RIGHTSDESK_WEB_DIST ?? path.join('dist', 'web'), 'index.html');

if (!fs.existsSync(index)) {
  console.log('Building the browser app (vite build)…');
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(path.join('node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
