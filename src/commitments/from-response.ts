/**
 * The points of a cabinet response as commitments: a coordinator takes a section of a workspace
 * document of kind advisory_response or concluding_response (or one paragraph, bullet or item of
 * it) and registers it as a commitment of kind cabinet_response_point, linked to the document, to
 * the recommendation the section answers (its key is "recommendation:<id>") and to the report the
 * response answers. Reads the workspace through src/letters' exports only.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { errors } from '../core/errors.ts';
import { loadSections } from '../letters/workspace.ts';
import { workspaceErrors } from '../letters/errors.ts';
import type { OutgoingDocumentRow, OutgoingSectionRow } from '../letters/rows.ts';
import type { Block } from '../letters/schema.ts';
import { commitmentErrors } from './errors.ts';
import { getCommitment } from './load.ts';
import { commitmentPolicy } from './policy.ts';
import { insertCommitment } from './service.ts';
import {
  RESPONSE_KINDS,
  type RegisteredPoint,
  type ResponsePart,
  type ResponsePointCreate,
  type ResponsePoints,
} from './from-response-schema.ts';
import type { Commitment, CommitmentStatus } from './schema.ts';

const isResponse = (kind: string) => (RESPONSE_KINDS as readonly string[]).includes(kind);

function blockParts(blocks: Block[], out: Omit<ResponsePart, 'part'>[]) {
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push({ type: 'paragraph', text: b.text });
    else if (b.type === 'bullets' || b.type === 'numbered')
      for (const item of b.items) out.push({ type: 'item', text: item });
  }
}

/** The paragraphs, bullets and numbered items of a section (and its subsections), numbered from 0. */
export function partsOf(s: Pick<OutgoingSectionRow, 'blocks' | 'subsections'>): ResponsePart[] {
  const out: Omit<ResponsePart, 'part'>[] = [];
  blockParts(s.blocks, out);
  for (const sub of s.subsections) blockParts(sub.blocks, out);
  return out.map((p, part) => ({ ...p, part }));
}

const sectionText = (parts: ResponsePart[]) =>
  parts.map((p) => (p.type === 'item' ? `- ${p.text}` : p.text)).join('\n\n');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The recommendation a section answers, from its key "recommendation:<id>". */
export const recommendationOf = (key: string): string | null => {
  const id = key.startsWith('recommendation:') ? key.slice('recommendation:'.length) : '';
  return UUID.test(id) ? id.toLowerCase() : null;
};

async function loadResponse(q: Queryable, id: string): Promise<OutgoingDocumentRow> {
  const r = await q.query<OutgoingDocumentRow>('select * from outgoing_documents where id = $1', [id]);
  if (!r.rows[0]) throw workspaceErrors.not_found({ id });
  return r.rows[0];
}

type PointRow = {
  id: string;
  source_section_key: string;
  source_part: number | null;
  text: string;
  status: CommitmentStatus;
  due_on: string | null;
  organisation_id: string;
  code: string;
  name_nl: string;
  name_en: string;
};

/** The sections of a cabinet response with their parts and the points already registered. */
export async function responsePoints(q: Queryable, actor: Actor, id: string): Promise<ResponsePoints> {
  const doc = await loadResponse(q, id);
  const base = { documentId: doc.id, title: doc.title, isResponse: isResponse(doc.kind) };
  if (!base.isResponse) return { ...base, sections: [], abilities: { register: false } };
  const sections = await loadSections(q, id);
  const recIds = sections.map((s) => recommendationOf(s.key)).filter((x): x is string => x !== null);
  const [recs, points] = await Promise.all([
    q.query<{ id: string; symbol: string | null; paragraph: string | null }>(
      'select id, symbol, paragraph from recommendations where id = any($1::uuid[])',
      [recIds],
    ),
    q.query<PointRow>(
      `select c.id, c.source_section_key, c.source_part, c.text, c.status, c.due_on, c.organisation_id,
              o.code, o.name_nl, o.name_en
         from commitments c join organisations o on o.id = c.organisation_id
        where c.source_outgoing_id = $1 order by c.source_part nulls first, c.created_at, c.id`,
      [id],
    ),
  ]);
  const present = (p: PointRow): RegisteredPoint => ({
    commitmentId: p.id,
    part: p.source_part,
    text: p.text,
    status: p.status,
    dueOn: p.due_on,
    organisation: { id: p.organisation_id, code: p.code, nameNl: p.name_nl, nameEn: p.name_en },
  });
  return {
    ...base,
    sections: sections
      .filter((s) => !s.gone)
      .map((s) => {
        const parts = partsOf(s);
        const recId = recommendationOf(s.key);
        return {
          key: s.key,
          heading: s.heading,
          recommendation: recs.rows.find((r) => r.id === recId) ?? null,
          text: sectionText(parts),
          parts,
          points: points.rows.filter((p) => p.source_section_key === s.key).map(present),
        };
      }),
    abilities: { register: commitmentPolicy.create(actor) },
  };
}

/** Registers a section of a cabinet response, or one of its parts, as a commitment. */
export async function registerResponsePoint(
  db: Db,
  actor: Actor,
  documentId: string,
  input: ResponsePointCreate,
): Promise<Commitment> {
  const id = await db.transaction(async (tx) => {
    const doc = await loadResponse(tx, documentId);
    if (!isResponse(doc.kind)) throw commitmentErrors.not_a_response({ title: doc.title });
    const section = (await loadSections(tx, documentId)).find((s) => s.key === input.sectionKey && !s.gone);
    if (!section)
      throw commitmentErrors.section_unknown(
        { key: input.sectionKey },
        { fields: [{ path: 'body.sectionKey', message: 'the document has no such section' }] },
      );
    if (input.part !== null && !partsOf(section).some((p) => p.part === input.part))
      throw commitmentErrors.part_unknown(
        { part: input.part + 1, heading: section.heading },
        { fields: [{ path: 'body.part', message: 'the section has no such part' }] },
      );
    const taken = await tx.query(
      `select 1 from commitments where source_outgoing_id = $1 and source_section_key = $2
          and coalesce(source_part, -1) = $3`,
      [documentId, input.sectionKey, input.part ?? -1],
    );
    if (taken.rows.length) throw commitmentErrors.point_registered({ heading: section.heading });
    if (doc.sent_on && input.dueOn && input.dueOn < doc.sent_on)
      throw errors.validation(
        { summary: 'body.dueOn must be on or after the date the response was sent' },
        { fields: [{ path: 'body.dueOn', message: 'must be on or after the date the response was sent' }] },
      );
    const recId = recommendationOf(section.key);
    const known = recId
      ? (await tx.query('select 1 from recommendations where id = $1', [recId])).rows.length > 0
      : false;
    const report = (doc.params as { document?: string }).document;
    const reportKnown = report
      ? (await tx.query('select 1 from documents where id = $1', [report])).rows.length > 0
      : false;
    const commitmentId = await insertCommitment(
      tx,
      actor,
      {
        kind: 'cabinet_response_point',
        text: input.text,
        citation: null,
        organisationId: input.organisationId,
        madeOn: doc.sent_on,
        dueOn: input.dueOn,
        recommendationIds: known && recId ? [recId] : [],
        actionIds: [],
        documentIds: reportKnown && report ? [report] : [],
      },
      { outgoingId: doc.id, sectionKey: section.key, part: input.part },
    );
    return commitmentId;
  });
  return getCommitment(db, actor, id);
}
