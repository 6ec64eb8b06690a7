/**
 * After a document import: the document is in the register of documents (src/documents/), and its
 * recommendations point to it (recommendations.document_id), so that what is made from one document
 * (the cabinet response to an advisory report, the response to concluding observations) finds its
 * recommendations. The register's row is the one with the document's symbol, else the one its
 * recommendations already point to (the same file imported again), else a new row made from what
 * the parser read (kind, title — for a cabinet response the name of the advice it answers —, date),
 * marked unverified.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { insertRow } from '../core/write.ts';
import { documentTable } from '../documents/service.ts';
import type { ParsedDocument } from './parse/index.ts';
import { keepStateBefore } from './store-audit.ts';

/** The register's kind of each kind of document the parser reads. */
const REGISTER_KIND: Record<
  ParsedDocument['kind'],
  'upr_wg_report' | 'concluding_observations' | 'advisory_report'
> = {
  upr: 'upr_wg_report',
  treaty_body: 'concluding_observations',
  advisory: 'advisory_report',
};

/** The id of the register's row of the document: found, or made. */
async function registerRow(
  tx: Queryable,
  actor: Actor,
  doc: ParsedDocument,
  fileName: string,
  ids: string[],
): Promise<string> {
  if (doc.symbol) {
    const bySymbol = await tx.query<{ id: string }>(
      'select id from documents where upper(symbol) = upper($1)',
      [doc.symbol],
    );
    if (bySymbol.rows[0]) return bySymbol.rows[0].id;
  }
  const linked = await tx.query<{ id: string }>(
    `select d.id from recommendations r join documents d on d.id = r.document_id
      where r.id = any($1::uuid[]) and d.kind = $2 group by d.id order by count(*) desc limit 1`,
    [ids, REGISTER_KIND[doc.kind]],
  );
  if (linked.rows[0]) return linked.rows[0].id;
  // The cycle whose phase records the symbol, as linkToCycle links the recommendations to it.
  const cycle = doc.symbol
    ? (
        await tx.query<{ cycle_id: string; instrument_id: string }>(
          `select p.cycle_id, c.instrument_id from cycle_phases p join cycles c on c.id = p.cycle_id
            where upper(p.symbol) = upper($1) limit 1`,
          [doc.symbol],
        )
      ).rows[0]
    : undefined;
  const row = await insertRow(tx, actor, documentTable, {
    symbol: doc.symbol ?? null,
    title: (doc.adviceTitle ?? doc.title ?? fileName).slice(0, 500),
    kind: REGISTER_KIND[doc.kind],
    date: doc.date ?? null,
    language: doc.kind === 'advisory' ? 'nl' : 'en',
    instrumentId: cycle?.instrument_id ?? null,
    cycleId: cycle?.cycle_id ?? null,
    public: true,
    source: `Geïmporteerd uit ${fileName}`,
    verified: false,
    createdBy: actor.id,
  });
  return row.id;
}

/**
 * Links the recommendations the import stored from the document to its row in the register. A
 * recommendation that already points to a document (another document describes it too) keeps it.
 * The state of each existing recommendation is kept for the import's audit trail first.
 */
export async function linkToDocument(
  tx: Queryable,
  actor: Actor,
  doc: ParsedDocument,
  fileName: string,
  ids: string[],
  created: Set<string>,
): Promise<void> {
  if (!ids.length) return;
  const documentId = await registerRow(tx, actor, doc, fileName, ids);
  const changing = 'select id from recommendations where id = any($1::uuid[]) and document_id is null';
  const existing = ids.filter((id) => !created.has(id));
  if (existing.length) await keepStateBefore(tx, changing, [existing]);
  await tx.query(
    'update recommendations set document_id = $2, updated_at = now() where id = any($1::uuid[]) and document_id is null',
    [ids, documentId],
  );
}
