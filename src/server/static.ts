/**
 * The built browser app (dist/web): the precompressed copy (.br, .gz, made by the build) that the browser
 * accepts, hashed assets cached for a year, index.html revalidated on every load, and no source maps.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Files under assets/ carry a content hash in their name: a new build gives them a new name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the unhashed files: always asked again (cheap with the ETag), so a new build shows at once. */
export const REVALIDATE = 'no-cache';

/** Paths that name a file (an extension in the last segment): never answered with the app's index.html. */
export function isFilePath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  return /\.[a-z0-9]+$/i.test(pathname.slice(pathname.lastIndexOf('/') + 1));
}

/** Serves the browser app in `root` when it has been built; returns whether it has. */
export async function registerStatic(app: FastifyInstance, root: string): Promise<boolean> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return false;
  const hashed = path.join(root, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // Files are looked up per request, so a rebuilt browser app is served without a restart.
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    // Source maps stay private; the compressed copies are served only through negotiation.
    allowedPath: (pathname) => !/\.(map|br|gz)$/i.test(pathname),
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', filePath.startsWith(hashed) ? IMMUTABLE : REVALIDATE);
    },
  });
  return true;
}

/** The app's page for a route the browser app knows (any path that is not a file or the API). */
export function sendAppShell(reply: FastifyReply) {
  return reply.type('text/html').sendFile('index.html');
}
