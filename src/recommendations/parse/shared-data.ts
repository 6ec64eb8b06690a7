import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';

/** Test helper: files of ../shared (real documents), which a fresh clone does not have. */

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The absolute path of ../shared/<rel>, or null when it is absent. */
export function sharedFile(rel: string): string | null {
  const p = path.resolve(projectRoot, '..', 'shared', rel);
  return fs.existsSync(p) ? p : null;
}

/**
 * When the file is absent: a skipped test that says so, or (CI=true) a failing one, because CI
 * must run the tests on the real documents.
 */
export function reportAbsent(rel: string): void {
  const msg = `../shared/${rel} is absent: the tests on this real document do not run`;
  if (process.env.CI === 'true')
    it(`needs ${rel}`, () => {
      throw new Error(`${msg} (CI=true: they must).`);
    });
  else it.skip(`${msg} (skipped)`, () => {});
}
