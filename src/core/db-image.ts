/**
 * The image of an empty embedded database: a PGlite data directory (pgdata) that holds every migration and
 * the reference data, and nothing of an installation (no users, no secrets). A new data directory starts as
 * a copy of it instead of running initdb, every migration and the seed, which takes seconds.
 *
 * The image is named by a hash of everything that decides its contents (the PGlite version, the migrations,
 * the reference data and the code that migrates and seeds), so a change to any of them makes a new image and
 * an old one is never used. It is made on the first start that needs it, from the database that start
 * creates, and kept in node_modules/.cache/rightsdesk/db-image (RIGHTSDESK_DB_IMAGE_DIR elsewhere); a cache
 * that cannot be read or written only means the slow start.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where images are kept: one folder per hash, each with its pgdata. */
export const imageCacheDir = () =>
  process.env.RIGHTSDESK_DB_IMAGE_DIR ?? path.join(ROOT, 'node_modules', '.cache', 'rightsdesk', 'db-image');

/**
 * What decides an image's contents: the PGlite version, the migrations, and the code that migrates and
 * seeds with everything it imports (the reference data included), found by following the imports, so a
 * file the seed starts to use counts without being listed here.
 */
const INPUTS = ['node_modules/@electric-sql/pglite/package.json', 'src/core/migrations'];
const ENTRIES = ['src/core/migrate.ts', 'src/reference/seed.ts'];

const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

/** A source file and the files it imports by relative path, and theirs, in a fixed order. */
export function sourcesOf(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    if (!file.endsWith('.ts')) return;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT))
      visit(path.resolve(path.dirname(file), m[1]!));
  };
  for (const e of entries) visit(path.resolve(e));
  return [...seen].sort();
}

function filesUnder(p: string): string[] {
  if (!fs.existsSync(p)) return [];
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs
    .readdirSync(p)
    .sort()
    .flatMap((f) => filesUnder(path.join(p, f)));
}

/** The hash that names the image of this code: the path and contents of every file that decides it. */
export function imageKey(root = ROOT, inputs = INPUTS, entries = ENTRIES): string {
  const files = [
    ...inputs.flatMap((i) => filesUnder(path.join(root, i))),
    ...sourcesOf(entries.map((e) => path.join(root, e))),
  ];
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    hash
      .update(`${path.relative(root, file)}\n`)
      .update(fs.readFileSync(file))
      .update('\n');
  }
  return hash.digest('hex').slice(0, 24);
}

export interface ImageOptions {
  /** Where the images are kept (imageCacheDir() unless given). */
  cacheDir?: string;
  /** The hash of the image to use (imageKey() unless given). */
  key?: string;
}

/** The pgdata of the image for this code, when it has been made. */
export function findImage(opts: ImageOptions = {}): string | null {
  const dir = path.join(opts.cacheDir ?? imageCacheDir(), opts.key ?? imageKey(), 'pgdata');
  return fs.existsSync(path.join(dir, 'PG_VERSION')) ? dir : null;
}

/**
 * Images of earlier code are dropped, but for the newest few (switching branches back and forth keeps
 * its images); each holds a whole database (about 40 MB).
 */
const KEEP_IMAGES = 3;
function pruneImages(cacheDir: string, current: string): void {
  const others = fs
    .readdirSync(cacheDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== current)
    .map((e) => ({ dir: path.join(cacheDir, e.name), at: fs.statSync(path.join(cacheDir, e.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of others.slice(KEEP_IMAGES - 1)) fs.rmSync(old.dir, { recursive: true, force: true });
}

/** Whether the data directory has no database yet (a new installation). */
export const isNewDataDir = (dataDir: string) => !fs.existsSync(path.join(dataDir, 'pgdata'));

/**
 * Creates the database of a new data directory as a copy of the image. Returns false, with nothing
 * changed, when there is no image for this code or it cannot be copied: the caller then creates the
 * database the long way. The copy is made beside pgdata and renamed, so a start that is stopped halfway
 * leaves no half-copied database behind.
 */
export async function copyImage(dataDir: string, opts: ImageOptions = {}): Promise<boolean> {
  if (!isNewDataDir(dataDir)) return false;
  const target = path.join(dataDir, 'pgdata');
  let partial: string | undefined;
  try {
    const image = findImage(opts);
    if (!image) return false;
    fs.mkdirSync(dataDir, { recursive: true });
    partial = fs.mkdtempSync(path.join(dataDir, '.pgdata-'));
    // A copy-on-write clone where the file system offers one (btrfs, xfs), else a copy.
    fs.cpSync(image, partial, { recursive: true, mode: fs.constants.COPYFILE_FICLONE });
    fs.renameSync(partial, target);
    return true;
  } catch {
    if (partial) fs.rmSync(partial, { recursive: true, force: true });
    return fs.existsSync(path.join(target, 'PG_VERSION'));
  }
}

/**
 * Keeps the database of a new installation as the image, right after its migrations and reference
 * data and before anything of the installation is written (the first administrator comes after). It is
 * checkpointed, then its files are copied while its one connection sends nothing (the caller sees to
 * that), so the copy holds every change as of the checkpoint. Another process making the same image at
 * the same time is harmless: the first rename wins. Returns whether the image is there now.
 */
export async function saveImage(db: Db, dataDir: string, opts: ImageOptions = {}): Promise<boolean> {
  let partial: string | undefined;
  let image: ImageOptions | undefined;
  try {
    image = { cacheDir: opts.cacheDir ?? imageCacheDir(), key: opts.key ?? imageKey() };
    if (findImage(image)) return true;
    if (db.engine !== 'pglite') return false;
    // Never an installation's database: one with a user account is not the empty one.
    const users = await db.query<{ n: number }>('select count(*)::int as n from users');
    if ((users.rows[0]?.n ?? 0) > 0) return false;
    await db.query('checkpoint');
    const dir = path.join(image.cacheDir!, image.key!);
    fs.mkdirSync(dir, { recursive: true });
    partial = fs.mkdtempSync(path.join(dir, '.pgdata-'));
    fs.cpSync(path.join(dataDir, 'pgdata'), partial, { recursive: true });
    fs.renameSync(partial, path.join(dir, 'pgdata'));
    pruneImages(image.cacheDir!, image.key!);
  } catch {
    /* no image this time: the next new data directory is made the long way too */
  } finally {
    if (partial) fs.rmSync(partial, { recursive: true, force: true });
  }
  return image !== undefined && findImage(image) !== null;
}
