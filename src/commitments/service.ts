/** Creating and changing commitments: the text and source, the status with its evidence, the links. */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { errors, staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { getRow, insertRow, replaceChildren, updateRow, type ChildSpec } from '../core/write.ts';
import { assertOwnerExists } from '../organisations/assignable.ts';
import { formatCitation, parseCitation } from './citation.ts';
import { CITATION_REASONS, commitmentErrors } from './errors.ts';
import { getCommitment } from './load.ts';
import { commitmentPolicy } from './policy.ts';
import { commitmentTable, type CitationColumns, type CommitmentRow, type CommitmentWrite } from './rows.ts';
import {
  CITATION_REQUIRED,
  type Commitment,
  type CommitmentCreate,
  type CommitmentKind,
  type CommitmentUpdate,
  type LinkChange,
  type LinkKind,
  type StatusChange,
} from './schema.ts';

const NO_CITATION: CitationColumns = {
  citation: null,
  citationType: null,
  dossier: null,
  toevoeging: null,
  ondernummer: null,
  kamer: null,
  vergaderjaar: null,
  handelingenNr: null,
  handelingenItem: null,
};

/** The citation's columns; a citation that does not parse is refused at its field, with the reason. */
export function citationColumns(text: string | null, field = 'body.citation'): CitationColumns {
  if (text === null || text.trim() === '') return NO_CITATION;
  const parsed = parseCitation(text);
  if (!parsed.ok)
    throw commitmentErrors.citation_invalid(
      { citation: text, problem: parsed.problem },
      { fields: [{ path: field, message: CITATION_REASONS[parsed.problem].en }] },
    );
  const c = parsed.value;
  if (c.type === 'handelingen')
    return {
      ...NO_CITATION,
      citation: formatCitation(c),
      citationType: 'handelingen',
      kamer: c.kamer,
      vergaderjaar: c.vergaderjaar,
      handelingenNr: c.nr,
      handelingenItem: c.item,
    };
  return {
    ...NO_CITATION,
    citation: formatCitation(c),
    citationType: 'kamerstuk',
    dossier: c.dossier,
    toevoeging: c.toevoeging,
    ondernummer: c.nr,
    kamer: c.kamer ?? null,
    vergaderjaar: c.vergaderjaar ?? null,
  };
}

function requireCitation(kind: CommitmentKind, cols: CitationColumns, tkNumber: string | null) {
  if (CITATION_REQUIRED.includes(kind) && cols.citation === null && tkNumber === null)
    throw commitmentErrors.citation_required(
      { kind },
      { fields: [{ path: 'body.citation', message: 'give the Kamerstuk or Handelingen citation' }] },
    );
}

const codeOf = async (q: Queryable, id: string) =>
  (await q.query<{ code: string }>('select code from organisations where id = $1', [id])).rows[0]?.code ?? id;

async function assertEditable(tx: Queryable, actor: Actor, row: CommitmentRow) {
  const code = await codeOf(tx, row.organisation_id);
  authorize(commitmentPolicy.edit(actor, { organisationId: row.organisation_id }), () =>
    commitmentErrors.edit_forbidden({ code }),
  );
}

const LINKS: Record<LinkKind, { table: string; column: string; target: string; field: string }> = {
  recommendation: {
    table: 'commitment_recommendations',
    column: 'recommendation_id',
    target: 'recommendations',
    field: 'recommendations',
  },
  action: { table: 'commitment_actions', column: 'action_id', target: 'actions', field: 'actions' },
  document: { table: 'commitment_documents', column: 'document_id', target: 'documents', field: 'documents' },
};

async function setLinks(tx: Queryable, actor: Actor, id: string, kind: LinkKind, ids: readonly string[]) {
  const l = LINKS[kind];
  const unique = [...new Set(ids)].sort();
  const known = await tx.query<{ id: string }>(`select id from ${l.target} where id = any($1::uuid[])`, [
    unique,
  ]);
  const missing = unique.find((x) => !known.rows.some((r) => r.id === x));
  if (missing) throw commitmentErrors.link_unknown({ kind, id: missing });
  const field = l.column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const spec: ChildSpec<Record<string, string>> = {
    table: l.table,
    parentColumn: 'commitment_id',
    parentEntity: 'commitment',
    field: l.field,
    columns: [field],
    orderBy: l.column,
  };
  await replaceChildren(
    tx,
    actor,
    spec,
    id,
    unique.map((x) => ({ [field]: x })),
  );
}

export async function createCommitment(db: Db, actor: Actor, input: CommitmentCreate): Promise<Commitment> {
  const id = await db.transaction((tx) => insertCommitment(tx, actor, input));
  return getCommitment(db, actor, id);
}

/**
 * Creates a commitment within the caller's transaction (a pledge of a Human Rights Council term is
 * made with its term); gives its id.
 */
export async function insertCommitment(
  tx: Queryable,
  actor: Actor,
  input: CommitmentCreate,
  /** A point of a cabinet response: the workspace document, section and part it was taken from. */
  source?: { outgoingId: string; sectionKey: string; part: number | null },
): Promise<string> {
  const code = await assertOwnerExists(tx, input.organisationId);
  authorize(commitmentPolicy.edit(actor, { organisationId: input.organisationId }), () =>
    commitmentErrors.edit_forbidden({ code }),
  );
  const cols = citationColumns(input.citation);
  requireCitation(input.kind, cols, null);
  const row = await insertRow(tx, actor, commitmentTable, {
    kind: input.kind,
    text: input.text,
    ...cols,
    organisationId: input.organisationId,
    madeOn: input.madeOn,
    dueOn: input.dueOn,
    status: 'open',
    createdBy: actor.id ?? null,
    ...(source
      ? { sourceOutgoingId: source.outgoingId, sourceSectionKey: source.sectionKey, sourcePart: source.part }
      : {}),
  });
  if (input.recommendationIds.length)
    await setLinks(tx, actor, row.id, 'recommendation', input.recommendationIds);
  if (input.actionIds.length) await setLinks(tx, actor, row.id, 'action', input.actionIds);
  if (input.documentIds.length) await setLinks(tx, actor, row.id, 'document', input.documentIds);
  return row.id;
}

export async function updateCommitment(
  db: Db,
  actor: Actor,
  id: string,
  input: CommitmentUpdate,
): Promise<Commitment> {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, commitmentTable, id, true);
    await assertEditable(tx, actor, before);
    if (before.version !== input.version) throw staleEdit('commitment', before.version, input.version);
    const { citation, organisationId, ...fields } = input;
    const changes: Partial<CommitmentWrite> & { version: number } = { ...fields };
    if (organisationId !== undefined && organisationId !== before.organisation_id) {
      const code = await assertOwnerExists(tx, organisationId);
      authorize(commitmentPolicy.edit(actor, { organisationId }), () =>
        commitmentErrors.edit_forbidden({ code }),
      );
      Object.assign(changes, { organisationId, organisationVerified: true });
    } else if (organisationId !== undefined && !before.organisation_verified) {
      // Saving the ministry an import assigned confirms it.
      changes.organisationVerified = true;
    }
    const cols = citation !== undefined ? citationColumns(citation) : null;
    if (cols) Object.assign(changes, cols);
    requireCitation(
      input.kind ?? before.kind,
      cols ?? ({ citation: before.citation } as CitationColumns),
      before.tk_number,
    );
    const madeOn = input.madeOn !== undefined ? input.madeOn : before.made_on;
    const dueOn = input.dueOn !== undefined ? input.dueOn : before.due_on;
    if (madeOn && dueOn && dueOn < madeOn)
      throw errors.validation(
        { summary: 'body.dueOn must be on or after the date it was made' },
        { fields: [{ path: 'body.dueOn', message: 'must be on or after the date it was made' }] },
      );
    if (Object.keys(changes).length <= 1) throw errors.nothing_to_change({ entity: 'commitment' });
    await updateRow(tx, actor, commitmentTable, id, changes);
  });
  return getCommitment(db, actor, id);
}

/** A new status; "done" needs its evidence (a document, a letter of the workspace or a citation). */
export async function setStatus(db: Db, actor: Actor, id: string, input: StatusChange): Promise<Commitment> {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, commitmentTable, id, true);
    await assertEditable(tx, actor, before);
    const citation = input.evidenceCitation?.trim() || null;
    const hasEvidence = Boolean(input.evidenceDocumentId || input.evidenceOutgoingId || citation);
    if (input.status === 'done' && !hasEvidence)
      throw commitmentErrors.evidence_required({
        fields: [{ path: 'body.evidenceCitation', message: 'give the evidence of fulfilment' }],
      });
    if (input.evidenceDocumentId) {
      const d = await tx.query('select 1 from documents where id = $1', [input.evidenceDocumentId]);
      if (!d.rows.length)
        throw commitmentErrors.link_unknown({ kind: 'document', id: input.evidenceDocumentId });
    }
    if (input.evidenceOutgoingId) {
      const d = await tx.query('select 1 from outgoing_documents where id = $1', [input.evidenceOutgoingId]);
      if (!d.rows.length)
        throw commitmentErrors.link_unknown({ kind: 'document', id: input.evidenceOutgoingId });
    }
    await updateRow(tx, actor, commitmentTable, id, {
      status: input.status,
      statusNote: input.note,
      evidenceDocumentId: input.evidenceDocumentId,
      evidenceOutgoingId: input.evidenceOutgoingId,
      evidenceCitation: citation,
      version: input.version,
    });
  });
  return getCommitment(db, actor, id);
}

/** Adds (or, with `remove`, takes away) a link to a recommendation, action or document. */
export async function changeLink(
  db: Db,
  actor: Actor,
  id: string,
  input: LinkChange,
  remove: boolean,
): Promise<Commitment> {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, commitmentTable, id, true);
    await assertEditable(tx, actor, before);
    if (before.version !== input.version) throw staleEdit('commitment', before.version, input.version);
    const l = LINKS[input.kind];
    const current = (
      await tx.query<{ target: string }>(
        `select ${l.column} as target from ${l.table} where commitment_id = $1`,
        [id],
      )
    ).rows.map((r) => r.target);
    const next = remove ? current.filter((x) => x !== input.targetId) : [...current, input.targetId];
    if (next.length === current.length && remove) throw errors.nothing_to_change({ entity: 'commitment' });
    await setLinks(tx, actor, id, input.kind, next);
    await tx.query('update commitments set version = version + 1, updated_at = now() where id = $1', [id]);
  });
  return getCommitment(db, actor, id);
}
