import fs from 'node:fs';
import path from 'node:path';
import { importFile } from '../../recommendations/importers.ts';
import { ImportKind } from '../../recommendations/schema.ts';
import { cliActor, withDb } from '../context.ts';
import { cliErrors } from '../errors.ts';

/** `rightsdesk import KIND FILE`: recommendations from a file, or a preview of what would be stored. */
export const importCommand = (
  kind: string,
  file: string,
  opts: { preview?: boolean; validRowsOnly?: boolean },
) =>
  withDb(async (db) => {
    const parsed = ImportKind.safeParse(kind);
    if (!parsed.success) throw cliErrors.unknown_import_kind({ kind });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(file));
    } catch {
      throw cliErrors.unreadable_file({ file });
    }
    const started = Date.now();
    const s = await importFile(db, cliActor(), parsed.data, path.basename(file), bytes, {
      dryRun: opts.preview,
      importValidRows: opts.validRowsOnly,
    });
    console.log(
      `${opts.preview ? 'Preview (nothing stored)' : 'Imported'} ${s.fileName}: ${s.totalRows} rows, ` +
        `${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.skipped} skipped ` +
        `(${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
    for (const e of s.errors.slice(0, 20)) console.log(`  row ${e.row}: ${e.message}`);
    if (s.unmappedTerms.length) {
      console.log(
        `  ${s.unmappedTerms.length} taxonomy spelling(s) not yet mapped, e.g. ${s.unmappedTerms
          .slice(0, 5)
          .map((u) => `"${u.spelling}"`)
          .join(', ')}`,
      );
    }
  });
