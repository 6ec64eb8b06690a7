import crypto from 'node:crypto';
import type { Db } from '../core/db.ts';
import type { Actor } from '../core/audit.ts';
import { AppError } from '../core/errors.ts';
import { FormatError, readUprInfo } from './import-upr-info.ts';
import { readUhri } from './import-uhri.ts';
import { readSpreadsheet } from './import-spreadsheet.ts';
import { readDocument } from './import-document.ts';
import { storeRecords } from './store.ts';
import { linkToCycle } from './link-cycle.ts';
import type { ParsedDocument } from './parse/index.ts';
import type { ImportKind, ImportRecord, ImportSummary, RowError } from './schema.ts';

export interface ReadResult {
  records: ImportRecord[];
  errors: RowError[];
  totalRows: number;
  /** A parsed document: its recommendations are then linked to the cycle it belongs to. */
  document?: ParsedDocument;
}

export type DocumentKindOption = 'auto' | 'upr' | 'treaty-body' | 'advisory';

/** The importers by kind: each reads a file's bytes into records and row errors. */
const READERS: Partial<
  Record<
    ImportKind,
    (
      bytes: Uint8Array,
      fileName: string,
      documentKind: DocumentKindOption,
    ) => ReadResult | Promise<ReadResult>
  >
> = {
  'upr-info': (bytes) => readUprInfo(bytes),
  uhri: (bytes, fileName) => readUhri(bytes, fileName),
  spreadsheet: (bytes, fileName) => readSpreadsheet(bytes, fileName),
  document: (bytes, fileName, documentKind) => readDocument(bytes, fileName, documentKind),
};

export const importKinds = () => Object.keys(READERS) as ImportKind[];

/**
 * Reads and stores a file of the given kind. dryRun gives the exact outcome without storing;
 * importValidRows stores the valid rows when some are wrong (otherwise nothing is stored).
 */
export async function importFile(
  db: Db,
  actor: Actor,
  kind: ImportKind,
  fileName: string,
  bytes: Uint8Array,
  opts: { dryRun?: boolean; importValidRows?: boolean; documentKind?: DocumentKindOption } = {},
): Promise<ImportSummary> {
  const reader = READERS[kind];
  if (!reader) {
    throw new AppError(
      400,
      'bad_request',
      `Unknown import kind "${kind}": use one of ${importKinds().join(', ')}.`,
    );
  }
  let read: ReadResult;
  try {
    read = await reader(bytes, fileName, opts.documentKind ?? 'auto');
  } catch (err) {
    if (err instanceof FormatError) {
      throw new AppError(400, 'import_format', `${fileName} cannot be imported as ${kind}: ${err.message}`);
    }
    throw err;
  }
  return storeRecords(db, actor, {
    kind,
    fileName,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    records: read.records,
    rowErrors: read.errors,
    totalRows: read.totalRows,
    dryRun: opts.dryRun,
    importValidRows: opts.importValidRows,
    afterStore: read.document ? (tx) => linkToCycle(tx, actor, read.document!) : undefined,
  });
}
