import type { Db, Queryable } from '../core/db.ts';
import type { Actor } from '../core/audit.ts';
import { getRow, insertRow, updateRow, type TableSpec } from '../core/crud.ts';
import { badRequest, forbidden, notFound } from '../core/errors.ts';
import { Where, camelize, pageOf } from '../core/sql.ts';
import { assertMayEditInstrument, ownersOfRow } from '../instruments/policy.ts';
import { isAdmin } from '../core/policy.ts';
import type { Document } from './schema.ts';

export const documentTable: TableSpec = {
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
  ],
};

const toDocument = (r: Record<string, unknown>) => camelize<Document>(r);

export async function listDocuments(
  q: Queryable,
  viewer: Actor | null,
  f: {
    page: number;
    pageSize: number;
    instrumentId?: string | undefined;
    cycleId?: string | undefined;
    kind?: string | undefined;
    q?: string | undefined;
  },
) {
  const where = new Where()
    .addIf(f.instrumentId, 'instrument_id = ?', f.instrumentId)
    .addIf(f.cycleId, 'cycle_id = ?', f.cycleId)
    .addIf(f.kind, 'kind = ?', f.kind)
    .addIf(f.q, '(symbol ilike ? or title ilike ?)', `%${f.q}%`, `%${f.q}%`);
  if (!viewer) where.add('public');
  return pageOf(q, {
    select: '*',
    from: 'documents',
    where,
    orderBy: 'date desc nulls last, symbol',
    page: f.page,
    pageSize: f.pageSize,
    map: toDocument,
  });
}

export async function getDocument(q: Queryable, viewer: Actor | null, id: string) {
  const row = await getRow(q, documentTable, id);
  if (!viewer && !row.public) throw notFound('document', id); // internal documents do not exist for the public
  return toDocument(row);
}

/** Checks that the instrument and cycle fit together and that the actor may file documents there. */
async function authorise(
  q: Queryable,
  actor: Actor,
  doc: { instrumentId?: unknown; cycleId?: unknown; public?: unknown },
) {
  let instrumentId = doc.instrumentId as string | null | undefined;
  if (doc.cycleId) {
    const c = await q.query<{ instrument_id: string }>('select instrument_id from cycles where id = $1', [
      doc.cycleId,
    ]);
    if (!c.rows[0]) throw badRequest(`No cycle with id "${String(doc.cycleId)}" exists.`);
    if (instrumentId && instrumentId !== c.rows[0].instrument_id) {
      throw badRequest('The cycle belongs to another instrument than the one given: pick a matching pair.');
    }
    instrumentId = c.rows[0].instrument_id;
  }
  if (isAdmin(actor)) return instrumentId;
  if (actor.role === 'contributor') {
    if (doc.public !== false)
      throw forbidden('Contributors add documents as internal drafts: set "public" to false.');
    return instrumentId;
  }
  if (!instrumentId)
    throw forbidden('Only an administrator may file a document that belongs to no instrument.');
  const inst = await q.query<Record<string, unknown>>('select * from instruments where id = $1', [
    instrumentId,
  ]);
  if (!inst.rows[0]) throw badRequest(`No instrument with id "${instrumentId}" exists.`);
  assertMayEditInstrument(actor, ownersOfRow(inst.rows[0]));
  return instrumentId;
}

export async function createDocument(db: Db, actor: Actor, input: Record<string, unknown>) {
  return toDocument(
    await db.transaction(async (tx) => {
      const instrumentId = await authorise(tx, actor, input);
      return insertRow(tx, actor, documentTable, { ...input, instrumentId: instrumentId ?? null });
    }),
  );
}

export async function updateDocument(
  db: Db,
  actor: Actor,
  id: string,
  input: Record<string, unknown> & { version: number },
) {
  return toDocument(
    await db.transaction(async (tx) => {
      const before = await getRow(tx, documentTable, id, true);
      if (actor.role === 'contributor' && before.public)
        throw forbidden('Contributors may only edit internal drafts.');
      await authorise(tx, actor, { ...camelize(before), ...input });
      return updateRow(tx, actor, documentTable, id, input);
    }),
  );
}
