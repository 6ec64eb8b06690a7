/**
 * The one zip-bomb check for every zip package the application accepts (.docx and .xlsx imports,
 * .docx and .odt attachments of the public consultation form). Each entry's declared size is
 * checked against the limits before anything is unpacked; then every compressed entry is inflated
 * as a stream whose output is counted and thrown away, and stopped as soon as it passes what the
 * entry declares or what is left of the total: memory stays at the size of one chunk, whatever
 * the package claims. The caller turns a refusal into its own error.
 */
import zlib from 'node:zlib';
import type JSZip from 'jszip';

export const ZIP_LIMITS = {
  /** All entries together, unpacked. */
  maxBytes: 100 * 1024 * 1024,
  /** An entry may expand at most this many times ... */
  maxRatio: 100,
  /** ... once it is larger than this (small parts compress well and are harmless). */
  ratioFromBytes: 1024 * 1024,
  /** A package of more entries than this is refused (a flood of tiny parts). */
  maxEntries: 5000,
};
export type ZipLimits = typeof ZIP_LIMITS;

export type ZipRefusal =
  | { problem: 'damaged'; reason: string }
  | { problem: 'too_large'; maxBytes: number }
  | { problem: 'too_many_entries'; maxEntries: number }
  | { problem: 'expands_too_much'; part: string; ratio: number }
  | { problem: 'larger_than_declared'; part: string };

export type ZipVerdict = { ok: true; zip: JSZip } | ({ ok: false } & ZipRefusal);

interface EntryData {
  compressedSize: number;
  uncompressedSize: number;
  compressedContent?: Uint8Array;
  compression?: { magic: string };
}

const STORED = '\x00\x00';
const DEFLATE = '\x08\x00';
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Inflates raw deflate data, counting the output and stopping past `limit` bytes. */
function inflatedSize(data: Uint8Array, limit: number): Promise<{ size: number; over: boolean }> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    let done = false;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit && !done) {
        done = true;
        inflate.destroy();
        resolve({ size, over: true });
      }
    });
    inflate.on('end', () => {
      if (!done) resolve({ size, over: false });
      done = true;
    });
    inflate.on('error', (e) => {
      if (!done) reject(e);
      done = true;
    });
    inflate.end(data);
  });
}

/** Checks a zip package against the limits; opens it when it passes. */
export async function inspectZip(buf: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipVerdict> {
  // Loaded at the first package checked, not when the server starts.
  const { default: JSZipLoader } = await import('jszip');
  let zip: JSZip;
  try {
    zip = await JSZipLoader.loadAsync(buf, { checkCRC32: false });
  } catch (e) {
    return { ok: false, problem: 'damaged', reason: message(e) };
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > limits.maxEntries)
    return { ok: false, problem: 'too_many_entries', maxEntries: limits.maxEntries };
  // The declared sizes first: a package that admits to being a bomb is refused without unpacking.
  let declared = 0;
  for (const f of entries) {
    const data = (f as unknown as { _data?: EntryData })._data;
    if (!data) continue;
    declared += data.uncompressedSize;
    if (declared > limits.maxBytes) return { ok: false, problem: 'too_large', maxBytes: limits.maxBytes };
    if (
      data.uncompressedSize > limits.ratioFromBytes &&
      data.uncompressedSize / Math.max(1, data.compressedSize) > limits.maxRatio
    )
      return { ok: false, problem: 'expands_too_much', part: f.name, ratio: limits.maxRatio };
  }
  // Then the actual sizes, which the zip directory may lie about.
  let actual = 0;
  for (const f of entries) {
    const data = (f as unknown as { _data?: EntryData })._data;
    if (!data?.compressedContent) continue;
    const magic = data.compression?.magic;
    let size: number;
    if (magic === STORED) {
      size = data.compressedContent.length;
      if (size > data.uncompressedSize) return { ok: false, problem: 'larger_than_declared', part: f.name };
    } else if (magic === DEFLATE) {
      let r: { size: number; over: boolean };
      try {
        r = await inflatedSize(data.compressedContent, data.uncompressedSize);
      } catch (e) {
        return { ok: false, problem: 'damaged', reason: message(e) };
      }
      if (r.over) return { ok: false, problem: 'larger_than_declared', part: f.name };
      size = r.size;
    } else {
      return {
        ok: false,
        problem: 'damaged',
        reason: `${f.name} uses a compression method that is not supported`,
      };
    }
    if (size !== data.uncompressedSize)
      return { ok: false, problem: 'damaged', reason: `${f.name} has not the size it declares` };
    actual += size;
    if (actual > limits.maxBytes) return { ok: false, problem: 'too_large', maxBytes: limits.maxBytes };
  }
  return { ok: true, zip };
}
