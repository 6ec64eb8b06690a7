import crypto from 'node:crypto';
import type JSZip from 'jszip';
import { inspectZip } from '../core/zip.ts';
import { zipError } from '../recommendations/parse/extract.ts';
import { consultationErrors } from './errors.ts';
import { SUBMISSION_LIMITS } from './schema.ts';

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain; charset=utf-8',
} as const;
type Ext = keyof typeof MEDIA_TYPES;

export interface CheckedFile {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
}

/** A clean file name: no path, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(-200) || 'attachment';
}

async function isOoxmlWordDocument(zip: JSZip): Promise<boolean> {
  try {
    const types = await zip.file('[Content_Types].xml')?.async('string');
    return (
      Boolean(types?.includes('wordprocessingml.document.main+xml')) &&
      zip.file('word/document.xml') !== null &&
      zip.file('_rels/.rels') !== null
    );
  } catch {
    return false;
  }
}

async function isOpenDocumentText(zip: JSZip): Promise<boolean> {
  try {
    const mime = await zip.file('mimetype')?.async('string');
    return mime?.trim() === MEDIA_TYPES.odt && Boolean(zip.file('content.xml'));
  } catch {
    return false;
  }
}

const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;

function isPlainText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks an uploaded file by its content, not by its name: the extension must be one we accept and
 * the bytes must be that kind of file (magic bytes via file-type; a .docx must be a real OOXML Word
 * package, an .odt a real OpenDocument text; a .txt must be UTF-8 text and nothing file-type knows).
 */
export async function checkFile(rawName: string, content: Buffer): Promise<CheckedFile> {
  const fileName = cleanFileName(rawName);
  if (content.length === 0) throw consultationErrors.file_empty({ fileName });
  if (content.length > SUBMISSION_LIMITS.maxFileBytes)
    throw consultationErrors.file_too_large({ fileName, mb: SUBMISSION_LIMITS.maxFileBytes / 1024 / 1024 });
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!ext || !(ext in MEDIA_TYPES))
    throw consultationErrors.file_type_not_accepted({ fileName, ext: ext ?? '' });
  const e = ext as Ext;
  // A zip package is checked for bombs before anything (file-type included) unpacks a part of it.
  let zip: JSZip | null = null;
  if (isZip(content)) {
    const verdict = await inspectZip(content);
    if (!verdict.ok) throw zipError(verdict, fileName, `.${e}`);
    zip = verdict.zip;
  }
  // file-type is loaded at the first upload, not when the server starts.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(content);
  let ok: boolean;
  if (e === 'txt') ok = detected === undefined && isPlainText(content);
  else if (e === 'pdf') ok = detected?.ext === 'pdf' && content.subarray(0, 5).toString('latin1') === '%PDF-';
  else if (e === 'docx') ok = detected?.ext === 'docx' && zip !== null && (await isOoxmlWordDocument(zip));
  else ok = detected?.ext === 'odt' && zip !== null && (await isOpenDocumentText(zip));
  if (!ok)
    throw consultationErrors.file_content_mismatch({
      fileName,
      ext: e,
      detected: detected?.ext ?? null,
      mime: detected?.mime ?? null,
    });
  return {
    fileName,
    mediaType: MEDIA_TYPES[e],
    sizeBytes: content.length,
    sha256: crypto.createHash('sha256').update(content).digest('hex'),
    content,
  };
}
