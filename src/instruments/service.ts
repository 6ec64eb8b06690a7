import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { Where, pageOf, snake } from '../core/sql.ts';
import { getRow, insertRow, updateRow, type TableSpec } from '../core/write.ts';
import type { Page } from '../shared/schema.ts';
import {
  assertMayCreateInstruments,
  assertMayEditInstrument,
  instrumentPolicy,
  ownersOfRow,
} from './policy.ts';
import { INSTRUMENT_FROM, INSTRUMENT_SELECT, presentInstrument } from './presenter.ts';
import type { InstrumentDetailRow, InstrumentRow } from './rows.ts';
import type { Instrument, InstrumentCreate, InstrumentQuery, InstrumentUpdate } from './schema.ts';

export const instrumentTable: TableSpec<InstrumentRow, InstrumentCreate> = {
  table: 'instruments',
  entity: 'instrument',
  writable: [
    'code',
    'shortName',
    'nameEn',
    'nameNl',
    'system',
    'kind',
    'parentId',
    'monitoringBodyId',
    'ratificationStatus',
    'ratificationYear',
    'periodicityYears',
    'procedure',
    'leadOrganisationId',
    'coordinatingOrganisationId',
    'leadSource',
    'leadVerified',
    'appliesTo',
    'unverifiedFields',
    'sortOrder',
    'source',
    'verified',
  ],
};

export async function listInstruments(
  q: Queryable,
  f: InstrumentQuery,
  actor: Actor | null,
): Promise<Page<Instrument>> {
  const where = new Where()
    .addIf(f.system, 'i.system = ?', f.system)
    .addIf(f.kind, 'i.kind = ?', f.kind)
    .addIf(
      f.q,
      '(i.code ilike ? or i.short_name ilike ? or i.name_en ilike ? or i.name_nl ilike ?)',
      ...Array(4).fill(`%${f.q}%`),
    );
  return pageOf(q, {
    select: INSTRUMENT_SELECT,
    from: INSTRUMENT_FROM,
    where,
    orderBy: 'i.sort_order, i.code',
    page: f.page,
    pageSize: f.pageSize,
    map: (r: InstrumentDetailRow) => presentInstrument(r, actor),
  });
}

export async function getInstrument(q: Queryable, id: string, actor: Actor | null): Promise<Instrument> {
  await getRow(q, instrumentTable, id);
  const r = await q.query<InstrumentDetailRow>(
    `select ${INSTRUMENT_SELECT} from ${INSTRUMENT_FROM} where i.id = $1`,
    [id],
  );
  return presentInstrument(r.rows[0]!, actor);
}

/** unverifiedFields name API fields (camelCase); the database keeps column names. */
function columnNames<T extends { unverifiedFields?: string[] | undefined }>(input: T): T {
  const fields = input.unverifiedFields;
  return fields ? { ...input, unverifiedFields: fields.map(snake) } : input;
}

export async function createInstrument(db: Db, actor: Actor, input: InstrumentCreate): Promise<Instrument> {
  assertMayCreateInstruments(actor);
  const row = await db.transaction((tx) => insertRow(tx, actor, instrumentTable, columnNames(input)));
  return getInstrument(db, row.id, actor);
}

export async function updateInstrument(
  db: Db,
  actor: Actor,
  id: string,
  input: InstrumentUpdate,
): Promise<Instrument> {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, instrumentTable, id, true);
    assertMayEditInstrument(actor, ownersOfRow(before));
    // Only an administrator may hand an instrument to another organisation; others' changes of
    // the lead or coordinating organisation are left out.
    const { leadOrganisationId: _lead, coordinatingOrganisationId: _coordinating, ...rest } = input;
    const changes = instrumentPolicy.reassign(actor) ? input : rest;
    await updateRow(tx, actor, instrumentTable, id, columnNames(changes));
  });
  return getInstrument(db, id, actor);
}
