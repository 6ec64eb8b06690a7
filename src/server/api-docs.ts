import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { docsContentSecurityPolicy } from './security.ts';
import { docsPage, docsLang } from './api-docs/page.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
/** Scalar's standalone browser bundle (MIT): the maintained renderer of the OpenAPI document. */
const SCALAR_DIR = path.join(ROOT, 'node_modules', '@scalar', 'api-reference');
const SCALAR_BUNDLE = path.join(SCALAR_DIR, 'dist', 'browser', 'standalone.js');

const gzip = promisify(zlib.gzip);

interface Asset {
  body: Buffer;
  gzipped: Buffer;
  type: string;
}

/**
 * A file read (and gzipped) on its first request and kept in memory: the renderer's bundle is
 * about 5 MB, so nothing of it is read while the server starts.
 */
function lazyAsset(file: string, type: string): () => Promise<Asset> {
  let loading: Promise<Asset> | undefined;
  return () => {
    loading ??= (async () => {
      const body = await fs.readFile(file);
      return { body, gzipped: await gzip(body), type };
    })();
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
}

let scalarVersion: Promise<string> | undefined;
/** The renderer's version, in the bundle's address so that browsers may keep it. */
function rendererVersion(): Promise<string> {
  scalarVersion ??= fs
    .readFile(path.join(SCALAR_DIR, 'package.json'), 'utf8')
    .then((text) => String((JSON.parse(text) as { version?: unknown }).version ?? '0'));
  return scalarVersion;
}

const assets: Record<string, { load: () => Promise<Asset>; immutable: boolean }> = {
  'scalar.js': { load: lazyAsset(SCALAR_BUNDLE, 'text/javascript; charset=utf-8'), immutable: true },
  'docs.js': {
    load: lazyAsset(path.join(HERE, 'api-docs', 'docs.js'), 'text/javascript; charset=utf-8'),
    immutable: false,
  },
  'docs.css': {
    load: lazyAsset(path.join(HERE, 'api-docs', 'docs.css'), 'text/css; charset=utf-8'),
    immutable: false,
  },
};

/** The docs' own policy: the renderer sets inline styles (see docsContentSecurityPolicy). */
function useDocsPolicy(reply: FastifyReply) {
  const header = reply.getHeader('content-security-policy');
  if (typeof header === 'string') reply.header('content-security-policy', docsContentSecurityPolicy(header));
}

async function sendPage(req: FastifyRequest<{ Querystring: { lang?: string } }>, reply: FastifyReply) {
  useDocsPolicy(reply);
  const lang = docsLang(req.query.lang);
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('vary', 'accept-encoding')
    .send(docsPage(lang, await rendererVersion()));
}

/**
 * The API documentation at /api/docs: a page of its own (title, how to sign in, the link to
 * /api/openapi.json; Dutch, or English with ?lang=en as the app's choice sets it) around Scalar's
 * API reference of /api/openapi.json. Everything is served from this server (no CDN).
 */
export async function registerApiDocs(app: FastifyInstance) {
  app.get('/api/docs', { schema: { hide: true } }, sendPage);
  app.get('/api/docs/', { schema: { hide: true } }, sendPage);
  app.get<{ Params: { name: string } }>(
    '/api/docs/assets/:name',
    { schema: { hide: true } },
    async (req, reply) => {
      const entry = Object.hasOwn(assets, req.params.name) ? assets[req.params.name] : undefined;
      if (!entry) return reply.callNotFound();
      const asset = await entry.load();
      useDocsPolicy(reply);
      const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      reply
        .type(asset.type)
        .header('vary', 'accept-encoding')
        .header('cache-control', entry.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (accepts) reply.header('content-encoding', 'gzip');
      return reply.send(accepts ? asset.gzipped : asset.body);
    },
  );
}
