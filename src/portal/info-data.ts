/**
 * What the portal's information pages read, always as an anonymous visitor (actor null): an instrument
 * by its code with its cycles and public documents, the published Woo versions (src/woo/public.ts reads
 * only outgoing_publications) with the public documents of src/documents, and the consultation rounds
 * with their published input only (src/consultations/rounds.ts getPublicConsultation).
 */
import { getPublicConsultation, listConsultations } from '../consultations/rounds.ts';
import type { Consultation, ConsultationStatus, PublicConsultation } from '../consultations/schema.ts';
import type { Queryable } from '../core/db.ts';
import { loadCycles } from '../cycles/load.ts';
import { listDocuments } from '../documents/service.ts';
import { getInstrument } from '../instruments/service.ts';
import { Uuid } from '../shared/schema.ts';
import { getPublic, listPublic } from '../woo/public.ts';
import type { PublicDocument } from '../woo/publication-schema.ts';
import type { InstrumentPageData } from './instrument.ts';

/** Published documents per page of the documents page; public reference documents shown at most. */
export const WOO_PAGE_SIZE = 50;
export const REFERENCE_LIMIT = 100;

const isUuid = (id: string) => Uuid.safeParse(id).success;

/** An instrument by its code (as written, or in any case), with its cycles and public documents; null if none. */
export async function instrumentPageData(q: Queryable, code: string): Promise<InstrumentPageData | null> {
  if (code.length === 0 || code.length > 40) return null;
  const r = await q.query<{ id: string }>(
    'select id from instruments where code = $1 or upper(code) = upper($1) order by code = $1 desc limit 1',
    [code],
  );
  const id = r.rows[0]?.id;
  if (!id) return null;
  const [instrument, cycles, documents] = [
    await getInstrument(q, id, null),
    await loadCycles(q, { instrumentId: id }),
    await listDocuments(q, null, { instrumentId: id, page: 1, pageSize: REFERENCE_LIMIT }),
  ];
  return { instrument, cycles, documents: documents.items };
}

/** The published Woo versions (a page of them) and the first public reference documents. */
export async function publicDocuments(q: Queryable, page: number) {
  const woo = await listPublic(q, { page, pageSize: WOO_PAGE_SIZE });
  const reference = await listDocuments(q, null, { page: 1, pageSize: REFERENCE_LIMIT });
  return { woo, reference };
}

/** A published Woo version with its public text (404 when the id is no published document). */
export async function wooDocument(q: Queryable, id: string): Promise<PublicDocument | null> {
  return isUuid(id) ? getPublic(q, id) : null;
}

/** The consultation rounds by their status (open, planned, closed; up to 200 each). */
export async function consultationGroups(q: Queryable): Promise<Record<ConsultationStatus, Consultation[]>> {
  const of = async (status: ConsultationStatus) =>
    (await listConsultations(q, null, { status, page: 1, pageSize: 200 })).items;
  return { open: await of('open'), planned: await of('planned'), closed: await of('closed') };
}

/** A round with only its published input (404 when there is none). */
export async function publicConsultation(q: Queryable, id: string): Promise<PublicConsultation | null> {
  return isUuid(id) ? getPublicConsultation(q, null, id) : null;
}
