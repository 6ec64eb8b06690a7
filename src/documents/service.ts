import type { Db, Queryable } from '../core/db.ts';
import type { Actor } from '../core/actor.ts';
import { notFound } from '../core/errors.ts';
import { insertRow, updateRow, type TableSpec } from '../core/write.ts';
import { Where, pageOf } from '../core/sql.ts';
import type { InstrumentOwners } from '../instruments/policy.ts';
import type { Page } from '../shared/schema.ts';
import { documentErrors } from './errors.ts';
import { assertMayCreateDocument, assertMayUpdateDocument } from './policy.ts';
import { documentFacts, presentDocument } from './presenter.ts';
import type { DocumentOwnedRow, DocumentRow } from './rows.ts';
import type { Document, DocumentCreate, DocumentQuery, DocumentUpdate } from './schema.ts';

/** What is written to a document row: the API's fields and, on creation, its author. */
type DocumentWrite = DocumentCreate & { createdBy?: string | null };

export const documentTable: TableSpec<DocumentRow, DocumentWrite> = {
  table: 'documents',
  entity: 'document',
  writable: [
    'symbol',
    'title',
    'kind',
    'date',
    'language',
    'instrumentId',
    'cycleId',
    'url',
    'public',
    'source',
    'verified',
    'createdBy',
  ],
};

const FROM = 'documents d left join instruments i on i.id = d.instrument_id';
const SELECT = `d.*, i.code as instrument_code, i.lead_organisation_id, i.coordinating_organisation_id`;

async function getOwnedRow(q: Queryable, id: string, forUpdate = false): Promise<DocumentOwnedRow> {
  const r = await q.query<DocumentOwnedRow>(
    `select ${SELECT} from ${FROM} where d.id = $1${forUpdate ? ' for update of d' : ''}`,
    [id],
  );
  if (!r.rows[0]) throw notFound('document', id);
  return r.rows[0];
}

export async function listDocuments(
  q: Queryable,
  viewer: Actor | null,
  f: DocumentQuery,
): Promise<Page<Document>> {
  const where = new Where()
    .addIf(f.instrumentId, 'd.instrument_id = ?', f.instrumentId)
    .addIf(f.cycleId, 'd.cycle_id = ?', f.cycleId)
    .addIf(f.kind, 'd.kind = ?', f.kind)
    .addIf(f.q, '(d.symbol ilike ? or d.title ilike ?)', `%${f.q}%`, `%${f.q}%`);
  if (!viewer) where.add('d.public');
  return pageOf(q, {
    select: SELECT,
    from: FROM,
    where,
    orderBy: 'd.date desc nulls last, d.symbol',
    page: f.page,
    pageSize: f.pageSize,
    map: (r: DocumentOwnedRow) => presentDocument(r, viewer),
  });
}

export async function getDocument(q: Queryable, viewer: Actor | null, id: string): Promise<Document> {
  const row = await getOwnedRow(q, id);
  if (!viewer && !row.public) throw notFound('document', id); // internal documents do not exist for the public
  return presentDocument(row, viewer);
}

/** Where a document is filed: its instrument (the cycle's, when a cycle is given) and that instrument's owners. */
interface Placement {
  instrumentId: string | null;
  instrument: InstrumentOwners | null;
}

async function placementOf(
  q: Queryable,
  instrumentId: string | null | undefined,
  cycleId: string | null | undefined,
): Promise<Placement> {
  let id = instrumentId ?? null;
  if (cycleId) {
    const c = await q.query<{ instrument_id: string }>('select instrument_id from cycles where id = $1', [
      cycleId,
    ]);
    if (!c.rows[0]) throw documentErrors.cycle_unknown({ id: cycleId });
    if (id && id !== c.rows[0].instrument_id) throw documentErrors.cycle_mismatch();
    id = c.rows[0].instrument_id;
  }
  if (!id) return { instrumentId: null, instrument: null };
  const r = await q.query<{
    code: string;
    lead_organisation_id: string | null;
    coordinating_organisation_id: string | null;
  }>('select code, lead_organisation_id, coordinating_organisation_id from instruments where id = $1', [id]);
  const i = r.rows[0];
  if (!i) throw documentErrors.instrument_unknown({ id });
  return {
    instrumentId: id,
    instrument: {
      code: i.code,
      leadOrganisationId: i.lead_organisation_id,
      coordinatingOrganisationId: i.coordinating_organisation_id,
    },
  };
}

export async function createDocument(db: Db, actor: Actor, input: DocumentCreate): Promise<Document> {
  return db.transaction(async (tx) => {
    const place = await placementOf(tx, input.instrumentId, input.cycleId);
    assertMayCreateDocument(actor, {
      public: input.public ?? true,
      createdBy: actor.id,
      instrument: place.instrument,
    });
    const row = await insertRow(tx, actor, documentTable, {
      ...input,
      instrumentId: place.instrumentId,
      createdBy: actor.id,
    });
    return presentDocument(await getOwnedRow(tx, row.id), actor);
  });
}

/**
 * Changes a document. The actor needs the right on the instrument it belongs to now and on the one
 * it moves to (a contributor: their own draft, which stays internal).
 */
export async function updateDocument(
  db: Db,
  actor: Actor,
  id: string,
  input: DocumentUpdate,
): Promise<Document> {
  return db.transaction(async (tx) => {
    const before = await getOwnedRow(tx, id, true);
    const moves = input.instrumentId !== undefined || input.cycleId !== undefined;
    const place = await placementOf(
      tx,
      input.instrumentId === undefined ? before.instrument_id : input.instrumentId,
      input.cycleId === undefined ? before.cycle_id : input.cycleId,
    );
    assertMayUpdateDocument(actor, documentFacts(before), {
      public: input.public ?? before.public,
      createdBy: before.created_by,
      instrument: place.instrument,
    });
    await updateRow(
      tx,
      actor,
      documentTable,
      id,
      moves ? { ...input, instrumentId: place.instrumentId } : input,
    );
    return presentDocument(await getOwnedRow(tx, id), actor);
  });
}
