import crypto from 'node:crypto';
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { errors } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { importErrors, recommendationErrors } from './errors.ts';
import { recommendationPolicy } from './policy.ts';
import { FormatError, readUprInfo } from './import-upr-info.ts';
import { readUhri } from './import-uhri.ts';
import { readSpreadsheet } from './import-spreadsheet.ts';
import { readDocument } from './import-document.ts';
import { storeRecords } from './store.ts';
import { linkToCycle } from './link-cycle.ts';
import { linkToDocument } from './link-document.ts';
import type { ParsedDocument } from './parse/index.ts';
import type { DocumentKindOption, ImportKind, ImportRecord, ImportSummary, RowError } from './schema.ts';

export interface ReadResult {
  records: ImportRecord[];
  errors: RowError[];
  totalRows: number;
  /** A parsed document: its recommendations are then linked to the cycle it belongs to. */
  document?: ParsedDocument;
}

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
  authorize(recommendationPolicy.import(actor), () => errors.role_forbidden({ role: actor.role }));
  const reader = READERS[kind];
  if (!reader) {
    throw recommendationErrors.unknown_import_kind({ kind, kinds: importKinds().join(', ') });
  }
  let read: ReadResult;
  try {
    read = await reader(bytes, fileName, opts.documentKind ?? 'auto');
  } catch (err) {
    if (err instanceof FormatError) {
      throw importErrors.import_format({ fileName, kind, reason: err.message });
    }
    throw err;
  }
  const document = read.document;
  return storeRecords(db, actor, {
    kind,
    fileName,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    records: read.records,
    rowErrors: read.errors,
    totalRows: read.totalRows,
    dryRun: opts.dryRun,
    importValidRows: opts.importValidRows,
    link: document
      ? {
          symbol: document.symbol ?? null,
          run: async (tx, ids, created) => {
            await linkToCycle(tx, actor, document);
            await linkToDocument(tx, actor, document, fileName, ids, created);
          },
        }
      : undefined,
  });
}
