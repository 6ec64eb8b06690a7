/**
 * The document workspace: its tables, reading a document with its sections and consultations as
 * the API shows it (with the user's abilities), and the list of documents. The use cases are in
 * create.ts, regenerate.ts, sections.ts, states.ts and versions.ts.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { updateRow, type TableSpec } from '../core/write.ts';
import { Where, pageOf } from '../core/sql.ts';
import type { Page } from '../shared/schema.ts';
import { workspaceErrors } from './errors.ts';
import { contentEditable, letterPolicy, movesAllowed, type LetterFacts } from './policy.ts';
import type {
  OutgoingConsultationRow,
  OutgoingDocumentRow,
  OutgoingSectionRow,
  OutgoingVersionRow,
  SectionContent,
} from './rows.ts';
import type { WorkspaceDocument, WorkspaceQuery, WorkspaceSummary } from './workspace-schema.ts';

/** The columns written, camelCase; jsonb columns are written as JSON text. */
interface DocumentWrite {
  kind: string;
  title: string;
  params: string;
  frame: string;
  frameEdited: boolean;
  state: string;
  language: string;
  ownerOrganisationId: string;
  sentOn: string | null;
  kamerstuk: string | null;
  generatedAt: string;
  createdBy: string | null;
}
interface SectionWrite {
  documentId: string;
  key: string;
  position: number;
  level: number;
  heading: string;
  blocks: string;
  subsections: string;
  origin: string;
  generated: string | null;
  gone: boolean;
  editedBy: string | null;
  editedAt: string | null;
}
interface VersionWrite {
  documentId: string;
  number: number;
  snapshot: string;
  savedBy: string | null;
  note: string;
}
interface ConsultationWrite {
  documentId: string;
  organisationId: string;
  requestedBy: string | null;
  note: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

export const documentTable: TableSpec<OutgoingDocumentRow, DocumentWrite> = {
  table: 'outgoing_documents',
  entity: 'outgoing_document',
  writable: [
    'kind',
    'title',
    'params',
    'frame',
    'frameEdited',
    'state',
    'language',
    'ownerOrganisationId',
    'sentOn',
    'kamerstuk',
    'generatedAt',
    'createdBy',
  ],
};
export const sectionTable: TableSpec<OutgoingSectionRow, SectionWrite> = {
  table: 'outgoing_sections',
  entity: 'outgoing_section',
  writable: [
    'documentId',
    'key',
    'position',
    'level',
    'heading',
    'blocks',
    'subsections',
    'origin',
    'generated',
    'gone',
    'editedBy',
    'editedAt',
  ],
};
export const versionTable: TableSpec<OutgoingVersionRow, VersionWrite> = {
  table: 'outgoing_versions',
  entity: 'outgoing_version',
  writable: ['documentId', 'number', 'snapshot', 'savedBy', 'note'],
};
export const consultationTable: TableSpec<OutgoingConsultationRow, ConsultationWrite> = {
  table: 'outgoing_consultations',
  entity: 'outgoing_consultation',
  writable: ['documentId', 'organisationId', 'requestedBy', 'note', 'confirmedBy', 'confirmedAt'],
};

/** A value as JSON with the keys of every object sorted: jsonb does not keep the order of keys. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The content of a section, as a generator or an edit gives it. */
export const contentOf = (s: SectionContent): SectionContent => ({
  heading: s.heading,
  blocks: s.blocks,
  subsections: s.subsections.map((sub) => ({ heading: sub.heading, blocks: sub.blocks })),
});

export const sameContent = (a: SectionContent | null, b: SectionContent | null): boolean =>
  a !== null && b !== null && canonical(contentOf(a)) === canonical(contentOf(b));

/** The columns of a section's content, for insertRow and updateRow. */
export const contentColumns = (c: SectionContent) => ({
  heading: c.heading,
  blocks: JSON.stringify(c.blocks),
  subsections: JSON.stringify(contentOf(c).subsections),
});

export const factsOf = (d: OutgoingDocumentRow): LetterFacts => ({
  ownerOrganisationId: d.owner_organisation_id,
  state: d.state,
});

/** The document, locked for the change that reads it. */
export async function lockDocument(q: Queryable, id: string): Promise<OutgoingDocumentRow> {
  const r = await q.query<OutgoingDocumentRow>('select * from outgoing_documents where id = $1 for update', [
    id,
  ]);
  if (!r.rows[0]) throw workspaceErrors.not_found({ id });
  return r.rows[0];
}

export async function loadSections(q: Queryable, documentId: string): Promise<OutgoingSectionRow[]> {
  const r = await q.query<OutgoingSectionRow>(
    'select * from outgoing_sections where document_id = $1 order by position, key',
    [documentId],
  );
  return r.rows;
}

export async function loadSection(
  q: Queryable,
  documentId: string,
  key: string,
): Promise<OutgoingSectionRow> {
  const r = await q.query<OutgoingSectionRow>(
    'select * from outgoing_sections where document_id = $1 and key = $2',
    [documentId, key],
  );
  if (!r.rows[0]) throw workspaceErrors.section_not_found({ key });
  return r.rows[0];
}

/** Refuses a change of the content of a document that is ready or sent. */
export function assertContentEditable(d: OutgoingDocumentRow): void {
  if (!contentEditable(d.state)) throw workspaceErrors.not_editable({ state: d.state });
}

/**
 * A change of the content of a consulted document makes it a draft again: the ministries confirmed
 * another text. Their confirmations are kept. Returns whether it did.
 */
export async function backToDraft(tx: Queryable, actor: Actor, d: OutgoingDocumentRow): Promise<boolean> {
  if (d.state !== 'consulted') return false;
  await updateRow(tx, actor, documentTable, d.id, { state: 'draft', version: d.version });
  return true;
}

/** The names of users, by id, for the people a document shows. */
async function userNames(q: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const r = await q.query<{ id: string; name: string }>(
    'select id, name from users where id = any($1::uuid[])',
    [wanted],
  );
  return new Map(r.rows.map((u) => [u.id, u.name]));
}

type SummaryRow = OutgoingDocumentRow & { owner_code: string; owner_name: string };

const SUMMARY_SELECT = 'd.*, o.code as owner_code, o.name_nl as owner_name';
const SUMMARY_FROM = 'outgoing_documents d join organisations o on o.id = d.owner_organisation_id';

const presentSummary = (r: SummaryRow): WorkspaceSummary => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  state: r.state,
  language: r.language,
  ownerOrganisation: { id: r.owner_organisation_id, code: r.owner_code, name: r.owner_name },
  sentOn: r.sent_on,
  kamerstuk: r.kamerstuk,
  generatedAt: r.generated_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export async function listDocuments(q: Queryable, f: WorkspaceQuery): Promise<Page<WorkspaceSummary>> {
  const where = new Where().addIf(f.state, 'd.state = ?', f.state).addIf(f.kind, 'd.kind = ?', f.kind);
  return pageOf(q, {
    select: SUMMARY_SELECT,
    from: SUMMARY_FROM,
    where,
    orderBy: 'd.updated_at desc, d.id',
    page: f.page,
    pageSize: f.pageSize,
    map: presentSummary,
  });
}

type ConsultationJoined = OutgoingConsultationRow & { code: string; name: string };

/** A document as the API shows it, with the user's abilities. */
export async function getDocument(q: Queryable, actor: Actor, id: string): Promise<WorkspaceDocument> {
  const d = await q.query<SummaryRow>(`select ${SUMMARY_SELECT} from ${SUMMARY_FROM} where d.id = $1`, [id]);
  const row = d.rows[0];
  if (!row) throw workspaceErrors.not_found({ id });
  const sections = await loadSections(q, id);
  const consultations = (
    await q.query<ConsultationJoined>(
      `select c.*, o.code, o.name_nl as name from outgoing_consultations c
         join organisations o on o.id = c.organisation_id
        where c.document_id = $1 order by o.code`,
      [id],
    )
  ).rows;
  const names = await userNames(q, [
    row.created_by,
    ...sections.map((s) => s.edited_by),
    ...consultations.flatMap((c) => [c.requested_by, c.confirmed_by]),
  ]);
  const person = (uid: string | null) => (uid ? { id: uid, name: names.get(uid) ?? '' } : null);
  const facts = factsOf(row);
  const edit = letterPolicy.edit(actor, facts);
  const consulted = consultations.map((c) => ({
    organisationCode: c.code,
    confirmed: c.confirmed_at !== null,
  }));
  return {
    ...presentSummary(row),
    params: row.params,
    frame: row.frame,
    frameEdited: row.frame_edited,
    public: row.public,
    createdBy: person(row.created_by),
    createdAt: row.created_at,
    sections: sections.map((s) => ({
      id: s.id,
      key: s.key,
      level: s.level,
      heading: s.heading,
      blocks: s.blocks,
      subsections: s.subsections,
      origin: s.origin,
      generated: s.generated,
      gone: s.gone,
      editedBy: person(s.edited_by),
      editedAt: s.edited_at,
      version: s.version,
    })),
    consultations: consultations.map((c) => ({
      id: c.id,
      organisation: { id: c.organisation_id, code: c.code, name: c.name },
      requestedBy: person(c.requested_by),
      requestedAt: c.requested_at,
      confirmedBy: person(c.confirmed_by),
      confirmedAt: c.confirmed_at,
      note: c.note,
      version: c.version,
      abilities: {
        confirm:
          row.state === 'draft' && c.confirmed_at === null && letterPolicy.confirm(actor, c.organisation_id),
        withdraw: edit && contentEditable(row.state),
      },
    })),
    abilities: {
      edit: edit && contentEditable(row.state),
      editSections: letterPolicy.editSections(actor, facts) && contentEditable(row.state),
      moveTo: movesAllowed(actor, facts, consulted),
      setKamerstuk: row.state === 'sent' && letterPolicy.transition(actor, facts),
    },
  };
}
