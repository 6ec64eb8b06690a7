/**
 * Stores what an importer read, in one transaction: all or nothing. The steps, each in its own
 * module: merging and writing the recommendations (store-upsert.ts), their provenance and tags
 * (store-tags.ts), and the audit trail (store-audit.ts).
 */
import { vacuumAfterImport } from './vacuum.ts';
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { importErrors } from './errors.ts';
import { assertMayChangeExisting } from './policy.ts';
import { createImportRow, finishImport, recordImportChanges, startImportAudit } from './store-audit.ts';
import { KINGDOM_NAMES, linkUprCycles } from './link-cycle.ts';
import { storeTags } from './store-tags.ts';
import { mergeRecords, upsertRecommendations } from './store-upsert.ts';
import type { ImportKind, ImportRecord, ImportSummary, RowError } from './schema.ts';

export interface StoreInput {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  records: ImportRecord[];
  rowErrors: RowError[];
  totalRows: number;
  importValidRows?: boolean | undefined;
  dryRun?: boolean | undefined;
  /**
   * A document's recommendations are linked to the cycle of its symbol once stored: the
   * recommendations of that symbol may change, and the work runs in the same transaction.
   */
  link?:
    | {
        symbol: string | null;
        /** Runs with the ids of every recommendation of the file and those the import created. */
        run: (tx: Queryable, ids: string[], created: Set<string>) => Promise<void>;
      }
    | undefined;
}

/** The refusal of a file with wrong rows: the summary (with the row errors) travels along. */
function rejected(summary: ImportSummary) {
  const first = summary.errors
    .slice(0, 5)
    .map((e) => `row ${e.row}: ${e.message}`)
    .join('; ');
  return importErrors.import_invalid(
    { count: summary.errors.length, first: `${first}${summary.errors.length > 5 ? '; …' : ''}` },
    summary,
  );
}

/**
 * Stores the records of a file. Records whose source key is known update the recommendation they
 * made before, unless they say what they said at their last import (content hash): those write
 * nothing. The same recommendation from several sources is one record with several sources.
 * A file with wrong rows is refused whole (import_invalid) unless importValidRows. Changing
 * existing recommendations is for the coordinating ministry and administrators: for others such
 * an import is refused whole. dryRun runs everything and rolls it back: the counts are exact.
 */
export async function storeRecords(db: Db, actor: Actor, input: StoreInput): Promise<ImportSummary> {
  const summary: ImportSummary = {
    importId: null,
    kind: input.kind,
    fileName: input.fileName,
    totalRows: input.totalRows,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: input.rowErrors.length,
    sources: input.records.length,
    unmappedTerms: [],
    errors: input.rowErrors,
    committed: false,
  };
  if (input.rowErrors.length && !input.importValidRows) {
    if (input.dryRun) return summary;
    throw rejected(summary);
  }
  if (!input.records.length) throw importErrors.import_empty({ fileName: input.fileName }, summary);

  const run = async (tx: Queryable) => {
    const list = await mergeRecords(tx, input.kind, input.records);
    // Recommendations whose sources all say what they said at their last import are left alone.
    const changed = list.filter((m) => !m.unchangedId);
    await startImportAudit(tx, input.link?.symbol ?? null);
    const upserted = await upsertRecommendations(tx, changed);
    const importId = input.dryRun ? null : await createImportRow(tx, actor, input);
    summary.unmappedTerms = await storeTags(tx, list, upserted, {
      kind: input.kind,
      fileName: input.fileName,
      importId,
      importedBy: actor.label,
    });
    const unchanged = list.filter((m) => m.unchangedId);
    await input.link?.run(
      tx,
      [...upserted.ids.values(), ...unchanged.map((m) => m.unchangedId!)],
      upserted.created,
    );
    // Those left alone are still linked to a UPR cycle recorded since (only the Kingdom's are linked).
    const kingdom = new Set(KINGDOM_NAMES);
    const unchangedIds = unchanged
      .filter((m) => kingdom.has(m.first.stateUnderReview))
      .map((m) => m.unchangedId!);
    await linkUprCycles(tx, [...upserted.ids.values(), ...unchangedIds], upserted.created);
    const changes = await recordImportChanges(tx, actor, upserted.created);
    assertMayChangeExisting(actor, changes.updated);
    summary.created = upserted.created.size;
    summary.updated = changes.updated;
    summary.unchanged = list.length - upserted.created.size - changes.updated;
    if (importId) {
      summary.importId = importId;
      summary.committed = true;
      await finishImport(tx, actor, importId, summary, input.sha256);
    }
  };

  if (input.dryRun) {
    await db
      .transaction(async (tx) => {
        await run(tx);
        throw new PreviewDone();
      })
      .catch((err) => {
        if (!(err instanceof PreviewDone)) throw err;
      });
    return summary;
  }
  await db.transaction(run);
  await vacuumAfterImport(db, summary.created + summary.updated);
  return summary;
}

/** Ends a preview's transaction: everything it wrote is rolled back. */
class PreviewDone extends Error {}
