/**
 * Woo publication of a document of the workspace: its text searched for personal data (the names,
 * e-mail addresses and phone numbers the app knows, and what patterns find), the redaction list
 * reviewed, and the public version published. The public version is the document with every
 * redaction applied, stored as it was published (outgoing_publications, migration 0028): the public
 * pages read only that, never the internal document. Publishing before the review is finished, or
 * after the document changed since its search, is refused.
 */
import crypto from 'node:crypto';
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { authorize } from '../core/policy.ts';
import { deleteRow, getRow, insertRow, updateRow, type TableSpec } from '../core/write.ts';
import { staleEdit } from '../core/errors.ts';
import { lockDocument } from '../letters/workspace.ts';
import type { OutgoingDocumentRow } from '../letters/rows.ts';
import { documentText, redactDocument } from './document.ts';
import { wooErrors } from './errors.ts';
import { findPersonalData } from './find.ts';
import { publicationPolicy } from './policy.ts';
import type { RedactionReview, RedactionUpdate, PublishInput } from './publication-schema.ts';
import { assertReviewed } from './redact.ts';
import { letterDocumentOf, withoutLogo } from './source.ts';
import type { AddedSpan, Finding, KnownPersonalData, RedactionList } from './schema.ts';

interface RedactionRow {
  id: string;
  document_id: string;
  text_hash: string;
  findings: Finding[];
  added: AddedSpan[];
  reviewed: boolean;
  reviewed_by: string | null;
  reviewed_at: string | null;
  version: number;
}
/** The columns written; jsonb columns as JSON text (node-postgres would send an array as a PostgreSQL array). */
interface RedactionWrite {
  documentId: string;
  textHash: string;
  findings: string;
  added: string;
  reviewed: boolean;
  reviewedBy: string | null;
  reviewedAt: string | null;
}
const redactionTable: TableSpec<RedactionRow, RedactionWrite> = {
  table: 'outgoing_redactions',
  entity: 'outgoing_redaction',
  writable: ['documentId', 'textHash', 'findings', 'added', 'reviewed', 'reviewedBy', 'reviewedAt'],
};

interface PublicationRow {
  id: string;
  document_id: string;
  title: string;
  content: object;
  language: 'nl' | 'en';
  redactions: number;
  text_hash: string;
  published_by: string | null;
  published_at: string;
  version: number;
}
interface PublicationWrite {
  documentId: string;
  title: string;
  content: string;
  language: 'nl' | 'en';
  redactions: number;
  textHash: string;
  publishedBy: string | null;
}
export const publicationTable: TableSpec<PublicationRow, PublicationWrite> = {
  table: 'outgoing_publications',
  entity: 'outgoing_publication',
  writable: ['documentId', 'title', 'content', 'language', 'redactions', 'textHash', 'publishedBy'],
};

/** The document's own `public` flag: set while a public version exists. */
const documentPublicTable: TableSpec<OutgoingDocumentRow, { public: boolean }> = {
  table: 'outgoing_documents',
  entity: 'outgoing_document',
  writable: ['public'],
};

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** The names and e-mail addresses of every user the app has had: the civil servants it knows. */
async function knownPersonalData(q: Queryable): Promise<KnownPersonalData> {
  const r = await q.query<{ name: string; email: string }>('select name, email from users order by name');
  return { names: r.rows.map((u) => u.name), emails: r.rows.map((u) => u.email), phones: [] };
}

async function redactionRow(q: Queryable, documentId: string): Promise<RedactionRow | null> {
  const r = await q.query<RedactionRow>('select * from outgoing_redactions where document_id = $1', [
    documentId,
  ]);
  return r.rows[0] ?? null;
}

async function publicationRow(q: Queryable, documentId: string): Promise<PublicationRow | null> {
  const r = await q.query<PublicationRow>('select * from outgoing_publications where document_id = $1', [
    documentId,
  ]);
  return r.rows[0] ?? null;
}

/** The text of the document now, and its hash. */
async function currentText(q: Queryable, doc: OutgoingDocumentRow) {
  const { letter, language } = await letterDocumentOf(q, doc.id);
  const { text } = documentText(letter);
  return { letter, language, text, hash: sha256(text) };
}

const listOf = (row: RedactionRow): RedactionList => ({
  findings: row.findings,
  added: row.added,
  reviewed: row.reviewed,
});

async function present(
  q: Queryable,
  actor: Actor,
  doc: OutgoingDocumentRow,
  row: RedactionRow | null,
): Promise<RedactionReview> {
  const { text, hash } = await currentText(q, doc);
  const pub = await publicationRow(q, doc.id);
  const facts = { ownerOrganisationId: doc.owner_organisation_id, state: doc.state };
  return {
    documentId: doc.id,
    searched: row !== null,
    text,
    findings: row?.findings ?? [],
    added: row?.added ?? [],
    reviewed: row?.reviewed ?? false,
    reviewedBy: row?.reviewed_by ?? null,
    reviewedAt: row?.reviewed_at ?? null,
    stale: row !== null && row.text_hash !== hash,
    version: row?.version ?? 0,
    published: pub ? { at: pub.published_at, by: pub.published_by, redactions: pub.redactions } : null,
    abilities: {
      review: publicationPolicy.review(actor, facts),
      publish: publicationPolicy.publish(actor, facts),
    },
  };
}

/** The redaction review of a document as it stands. */
export async function getReview(q: Queryable, actor: Actor, documentId: string): Promise<RedactionReview> {
  const doc = await getRow(
    q,
    { table: 'outgoing_documents', entity: 'outgoing_document', writable: [] },
    documentId,
  );
  return present(q, actor, doc as OutgoingDocumentRow, await redactionRow(q, documentId));
}

/**
 * Searches the document's text for personal data and stores the list. A finding of the same kind
 * and text as one decided before keeps that decision; spans added by hand stay where their text is
 * unchanged. A new search means a new review.
 */
export async function searchDocument(db: Db, actor: Actor, documentId: string): Promise<RedactionReview> {
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, documentId);
    authorize(publicationPolicy.review(actor, facts(doc)), () => wooErrors.review_forbidden({}));
    const { text, hash } = await currentText(tx, doc);
    const before = await redactionRow(tx, documentId);
    const found = findPersonalData(text, await knownPersonalData(tx));
    const decided = new Map<string, Finding['decision'][]>();
    for (const f of before?.findings ?? []) {
      if (f.decision === 'proposed') continue;
      const key = `${f.kind}\u0000${f.text}`;
      decided.set(key, [...(decided.get(key) ?? []), f.decision]);
    }
    const findings = found.map((f) => {
      const d = decided.get(`${f.kind}\u0000${f.text}`)?.shift();
      return d ? { ...f, decision: d } : f;
    });
    const keepsReview = before?.text_hash === hash && before.reviewed;
    const values = {
      textHash: hash,
      findings: JSON.stringify(findings),
      added: JSON.stringify(before?.text_hash === hash ? before.added : []),
      reviewed: keepsReview,
      reviewedBy: keepsReview ? before.reviewed_by : null,
      reviewedAt: keepsReview ? before.reviewed_at : null,
    };
    const row = before
      ? await updateRow(tx, actor, redactionTable, before.id, { ...values, version: before.version })
      : await insertRow(tx, actor, redactionTable, { documentId, ...values });
    return present(tx, actor, doc, row);
  });
}

const facts = (doc: OutgoingDocumentRow) => ({
  ownerOrganisationId: doc.owner_organisation_id,
  state: doc.state,
});

/**
 * The reviewer's decisions, spans added by hand, and the end of the review. The list must be for
 * the document's text as it is; a review is finished only when nothing is left proposed.
 */
export async function updateReview(
  db: Db,
  actor: Actor,
  documentId: string,
  input: RedactionUpdate,
): Promise<RedactionReview> {
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, documentId);
    authorize(publicationPolicy.review(actor, facts(doc)), () => wooErrors.review_forbidden({}));
    const row = await redactionRow(tx, documentId);
    if (!row) throw wooErrors.not_searched({});
    if (row.version !== input.version) throw staleEdit('outgoing_redaction', row.version, input.version);
    const { text, hash } = await currentText(tx, doc);
    if (row.text_hash !== hash) throw wooErrors.text_changed({});
    const byId = new Map(row.findings.map((f) => [f.id, f]));
    for (const d of input.decisions) if (!byId.has(d.id)) throw wooErrors.unknown_finding({ id: d.id });
    const decisions = new Map(input.decisions.map((d) => [d.id, d.decision]));
    const findings = row.findings.map((f) => ({ ...f, decision: decisions.get(f.id) ?? f.decision }));
    const added = input.added ?? row.added;
    for (const a of added) {
      if (a.end > text.length)
        throw wooErrors.span_outside_text({ start: a.start, end: a.end, length: text.length });
    }
    const reviewed = input.reviewed ?? (row.reviewed && input.decisions.length === 0 && !input.added);
    if (reviewed) assertReviewed({ findings, added, reviewed });
    const updated = await updateRow(tx, actor, redactionTable, row.id, {
      version: row.version,
      findings: JSON.stringify(findings),
      added: JSON.stringify(added),
      reviewed,
      reviewedBy: reviewed ? (row.reviewed ? row.reviewed_by : actor.id) : null,
      reviewedAt: reviewed ? (row.reviewed ? row.reviewed_at : new Date().toISOString()) : null,
    });
    return present(tx, actor, doc, updated);
  });
}

/** The title the public sees: the public version's own title or subject, else the workspace's. */
function publicTitle(content: object, fallback: string): string {
  const c = content as { title?: unknown; subject?: unknown };
  return typeof c.title === 'string' ? c.title : typeof c.subject === 'string' ? c.subject : fallback;
}

/**
 * Publishes the public version: the document with its reviewed redactions applied, stored as it is
 * now. Refused before the review is finished and when the document changed since its search. A
 * document published before gets its public version replaced.
 */
export async function publishDocument(
  db: Db,
  actor: Actor,
  documentId: string,
  input: PublishInput,
): Promise<RedactionReview> {
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, documentId);
    authorize(publicationPolicy.publish(actor, facts(doc)), () => wooErrors.review_forbidden({}));
    const row = await redactionRow(tx, documentId);
    if (!row) throw wooErrors.not_searched({});
    if (row.version !== input.version) throw staleEdit('outgoing_redaction', row.version, input.version);
    const { letter, language, hash } = await currentText(tx, doc);
    if (row.text_hash !== hash) throw wooErrors.text_changed({});
    const list = listOf(row);
    assertReviewed(list);
    const content = redactDocument(withoutLogo(letter), list);
    const redactions = list.findings.filter((f) => f.decision !== 'keep').length + list.added.length;
    const values = {
      title: publicTitle(content, doc.title),
      content: JSON.stringify(content),
      language,
      redactions,
      textHash: hash,
      publishedBy: actor.id,
    };
    const before = await publicationRow(tx, documentId);
    if (before)
      await updateRow(tx, actor, publicationTable, before.id, { ...values, version: before.version });
    else await insertRow(tx, actor, publicationTable, { documentId, ...values });
    if (!doc.public)
      await updateRow(tx, actor, documentPublicTable, doc.id, { public: true, version: doc.version });
    return present(tx, actor, { ...doc, public: true }, row);
  });
}

/** Withdraws the public version: the public pages no longer show the document. */
export async function unpublishDocument(db: Db, actor: Actor, documentId: string): Promise<RedactionReview> {
  return db.transaction(async (tx) => {
    const doc = await lockDocument(tx, documentId);
    authorize(publicationPolicy.publish(actor, facts(doc)), () => wooErrors.review_forbidden({}));
    const pub = await publicationRow(tx, documentId);
    if (!pub) throw wooErrors.not_published({ id: documentId });
    await deleteRow(tx, actor, publicationTable, pub.id, pub.version);
    if (doc.public)
      await updateRow(tx, actor, documentPublicTable, doc.id, { public: false, version: doc.version });
    return present(tx, actor, { ...doc, public: false }, await redactionRow(tx, documentId));
  });
}
