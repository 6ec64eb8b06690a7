#!/usr/bin/env node
// The `rightsdesk` command. The code is TypeScript run by Node 24's type stripping; when an
// older Node starts this file, hand over to the Node 24 that the project installs (package `node`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const main = path.join(here, '..', 'src', 'cli', 'main.ts');
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  await import(main);
} else {
  const require = createRequire(import.meta.url);
  let node;
  try {
    node = path.join(path.dirname(require.resolve('node/package.json')), 'bin', 'node');
  } catch {
    console.error(
      `Rightsdesk needs Node.js 24 or newer (this is ${process.version}). Run "npm ci" first, or install Node 24.`,
    );
    process.exit(1);
  }
  const r = spawnSync(node, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
