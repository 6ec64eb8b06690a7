import fs from 'node:fs/promises';
import path from 'node:path';
import type JSZip from 'jszip';
import { inspectZip, ZIP_LIMITS, type ZipLimits, type ZipRefusal } from '../../core/zip.ts';
import { documentFileErrors } from '../errors.ts';

/**
 * The text of a document file: .txt (UTF-8, or Windows-1252 / Mac-Roman when the bytes are not
 * valid UTF-8), .docx (raw text by mammoth, after a zip-bomb check with jszip) or .pdf (unpdf, the
 * pages separated by a form feed so that the clean-up can find the running headers and footers).
 * Every failure is an AppError (400) with a message that says what is wrong with the file. mammoth
 * and unpdf are loaded at their first use, not when the server starts.
 */

export const MAX_UNCOMPRESSED_BYTES = ZIP_LIMITS.maxBytes;
export const MAX_COMPRESSION_RATIO = ZIP_LIMITS.maxRatio;

export type FileFormat = 'txt' | 'docx' | 'pdf';

export interface ExtractedText {
  text: string;
  format: FileFormat;
  /** txt: the encoding it was read in */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'macintosh';
  /** pdf: the number of pages */
  pages?: number;
}

const LETTER_LOWER = /[a-z]/;

/** Scores how plausible the non-ASCII characters of a decoding are, by their neighbours. */
function plausibility(s: string): number {
  let score = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 128) continue;
    const c = s[i]!;
    const prev = s[i - 1] ?? ' ';
    const next = s[i + 1] ?? ' ';
    const lowerNear = LETTER_LOWER.test(prev) || LETTER_LOWER.test(next);
    if (/[\u2019\u2018]/.test(c)) score += /\p{L}/u.test(prev) && /\p{L}/u.test(next) ? 3 : 1;
    else if (/[\u201c\u201d\u201e\u00ab\u00bb]/.test(c))
      score += /[\s(]/.test(prev) || /[\s.,;:)]/.test(next) ? 2 : 0;
    else if (/[\u2013\u2014\u2026\u20ac\u2022\u00b0\u00a7]/.test(c))
      score += /\s/.test(prev) || /\s/.test(next) ? 1 : -1;
    else if (/\p{Ll}/u.test(c)) score += lowerNear ? 2 : -1;
    else if (/\p{Lu}/u.test(c)) score += LETTER_LOWER.test(prev) ? -2 : 0;
    else score -= 2;
  }
  return score;
}

/** Decodes the bytes of a text file. */
export function decodeText(buf: Uint8Array): {
  text: string;
  encoding: NonNullable<ExtractedText['encoding']>;
} {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    const win = new TextDecoder('windows-1252').decode(buf);
    const mac = new TextDecoder('macintosh').decode(buf);
    return plausibility(mac) > plausibility(win)
      ? { text: mac, encoding: 'macintosh' }
      : { text: win, encoding: 'windows-1252' };
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** An Office package (a zip) and the part it cannot be without. */
export interface ZipPackage {
  ext: string;
  requiredEntry: string;
  kindName: string;
}
export const DOCX: ZipPackage = {
  ext: '.docx',
  requiredEntry: 'word/document.xml',
  kindName: 'a Word document',
};
export const XLSX: ZipPackage = {
  ext: '.xlsx',
  requiredEntry: 'xl/workbook.xml',
  kindName: 'an Excel workbook',
};

/**
 * Refuses zip bombs (src/core/zip.ts: too much data once unpacked, declared or actual; parts that
 * expand more than 100 times or more than they declare) and a package without its main part.
 */
export async function checkZip(
  buf: Uint8Array,
  what: string,
  limits: Partial<ZipLimits> = {},
  pkg: ZipPackage = DOCX,
): Promise<JSZip> {
  const verdict = await inspectZip(buf, { ...ZIP_LIMITS, ...limits });
  if (!verdict.ok) throw zipError(verdict, what, pkg.ext);
  if (!verdict.zip.file(pkg.requiredEntry))
    throw documentFileErrors.damaged({
      file: what,
      ext: pkg.ext,
      reason: `it has no ${pkg.requiredEntry} (is it ${pkg.kindName}?).`,
    });
  return verdict.zip;
}

/** The error of a refused zip package, in the words of a document file. */
export function zipError(r: ZipRefusal, file: string, ext: string) {
  switch (r.problem) {
    case 'damaged':
      return documentFileErrors.damaged({ file, ext, reason: r.reason });
    case 'too_large':
      return documentFileErrors.unpacks_too_large({ file, ext, mb: Math.round(r.maxBytes / 1024 / 1024) });
    case 'too_many_entries':
      return documentFileErrors.damaged({ file, ext, reason: `it has more than ${r.maxEntries} parts.` });
    case 'expands_too_much':
      return documentFileErrors.part_expands_too_much({ file, ext, part: r.part, ratio: r.ratio });
    case 'larger_than_declared':
      return documentFileErrors.part_larger_than_declared({ file, ext, part: r.part });
  }
}

export async function docxText(buf: Uint8Array, what = 'the file'): Promise<string> {
  await checkZip(buf, what);
  const { default: mammoth } = await import('mammoth');
  try {
    const r = await mammoth.extractRawText({ buffer: Buffer.from(buf) });
    return r.value;
  } catch (e) {
    throw documentFileErrors.damaged({ file: what, ext: '.docx', reason: message(e) });
  }
}

export async function pdfText(buf: Uint8Array, what = 'the file'): Promise<{ text: string; pages: number }> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(buf), { verbosity: 0 });
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (e) {
    throw documentFileErrors.damaged({ file: what, ext: '.pdf', reason: message(e) });
  }
  const text = pages.map((p) => p.replace(/\n+$/, '')).join('\n\f');
  if (!text.replace(/\s/g, '')) throw documentFileErrors.pdf_without_text({ file: what });
  return { text, pages: pages.length };
}

const startsWith = (buf: Uint8Array, s: string) => [...s].every((ch, i) => buf[i] === ch.charCodeAt(0));

/** The format of a file, from its first bytes, else from its extension. */
export function formatOf(buf: Uint8Array, name: string): FileFormat {
  if (startsWith(buf, '%PDF-')) return 'pdf';
  if (startsWith(buf, 'PK\x03\x04')) return 'docx';
  const ext = path.extname(name).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  return 'txt';
}

export async function extractFromBuffer(buf: Uint8Array, name: string): Promise<ExtractedText> {
  const format = formatOf(buf, name);
  if (format === 'pdf') {
    if (!startsWith(buf, '%PDF-'))
      throw documentFileErrors.damaged({ file: name, ext: '.pdf', reason: 'it does not start with %PDF-.' });
    const r = await pdfText(buf, name);
    return { text: r.text, format, pages: r.pages };
  }
  if (format === 'docx') {
    if (!startsWith(buf, 'PK'))
      throw documentFileErrors.damaged({ file: name, ext: '.docx', reason: 'it is not a zip package.' });
    return { text: await docxText(buf, name), format };
  }
  const { text, encoding } = decodeText(buf);
  return { text, format, encoding };
}

/** Reads a document file; a missing or unreadable file is a clear error. */
export async function extractFile(file: string): Promise<ExtractedText> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw documentFileErrors.absent({ file });
    if (code === 'EISDIR') throw documentFileErrors.is_directory({ file });
    if (code === 'EACCES') throw documentFileErrors.permission_denied({ file });
    throw documentFileErrors.unreadable({ file, reason: message(e) });
  }
  return extractFromBuffer(buf, file);
}
