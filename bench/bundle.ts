/**
 * Bundle figures of the browser app: builds it (vite build with a manifest) into a temporary folder and
 * reports, gzip-compressed as served:
 * - the JavaScript of the first page (the entry, what it imports, and the page's own chunks), for the
 *   overview at / and for the login page;
 * - all JavaScript of the app together;
 * - the CSS (of the first page, and all of it);
 * - that no source map is emitted.
 * Goal: first page < 150 kB of JavaScript (gzip).
 * Run alone: `node bench/bundle.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';

export const FIRST_PAGE_GOAL_KB = 150;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleFigures {
  firstPage: { page: string; jsGzip: number; cssGzip: number }[];
  totalJs: number;
  totalJsGzip: number;
  totalCssGzip: number;
  sourceMaps: number;
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** The files a page loads before it shows: the entry and the page's chunk, each with its static imports. */
function closure(manifest: Manifest, keys: string[]): { js: Set<string>; css: Set<string> } {
  const js = new Set<string>();
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    if (chunk.file.endsWith('.js')) js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return { js, css };
}

export function buildForBench(): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bundle-'));
  const r = spawnSync(
    process.execPath,
    [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--manifest', '--logLevel', 'error'],
    { stdio: 'inherit', env: { ...process.env, RIGHTSDESK_WEB_DIST: out } },
  );
  if (r.status !== 0) throw new Error('vite build failed');
  return out;
}

export function measureBundle(dir: string): BundleFigures {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const size = (files: Iterable<string>) => [...files].reduce((n, f) => n + gzipSize(path.join(dir, f)), 0);
  const pages: [string, string][] = [
    ['overview (/)', 'instruments/OverviewPage.tsx'],
    ['login (/login)', 'auth/LoginPage.tsx'],
  ];
  const firstPage = pages.map(([page, src]) => {
    const { js, css } = closure(manifest, ['index.html', src]);
    return { page, jsGzip: size(js), cssGzip: size(css) };
  });
  const assets = fs.readdirSync(path.join(dir, 'assets')).map((f) => path.join('assets', f));
  const js = assets.filter((f) => f.endsWith('.js'));
  const css = assets.filter((f) => f.endsWith('.css'));
  return {
    firstPage,
    totalJs: js.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0),
    totalJsGzip: size(js),
    totalCssGzip: size(css),
    sourceMaps: assets.filter((f) => f.endsWith('.map')).length,
  };
}

export function bundleFigures(): BundleFigures {
  const dir = buildForBench();
  try {
    const f = measureBundle(dir);
    console.log('\n[browser app] bundle (gzip, as served to a browser without brotli):');
    for (const p of f.firstPage) {
      console.log(
        `  first page ${p.page}: JavaScript ${kB(p.jsGzip)} (goal < ${FIRST_PAGE_GOAL_KB} kB), CSS ${kB(p.cssGzip)}`,
      );
    }
    console.log(
      `  all JavaScript: ${kB(f.totalJsGzip)} gzip (${kB(f.totalJs)} unpacked); all CSS: ${kB(f.totalCssGzip)} gzip; ` +
        `source maps emitted: ${f.sourceMaps} (goal 0)`,
    );
    console.log(
      '  before: one bundle of 249 kB JavaScript and 49.6 kB CSS (gzip), all of it on the first page, with a public source map',
    );
    return f;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) bundleFigures();
