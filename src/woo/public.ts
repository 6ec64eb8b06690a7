/**
 * What the public sees of the documents of the workspace: the public versions, and nothing else.
 * Every function here reads outgoing_publications (the document as published, with its redactions
 * applied); the internal document is never read for the public.
 */
import type { Queryable } from '../core/db.ts';
import { LetterDocument } from '../letters/schema.ts';
import type { Page } from '../shared/schema.ts';
import { documentText } from './document.ts';
import { wooErrors } from './errors.ts';
import type { PublicDocument, PublicDocumentSummary } from './publication-schema.ts';
import { installationLogo, renderPdf } from './source.ts';

interface PublicRow {
  id: string;
  kind: string;
  title: string;
  content: object;
  language: 'nl' | 'en';
  redactions: number;
  published_at: string;
  sent_on: string | null;
  kamerstuk: string | null;
}

const SELECT = `select d.id, d.kind, p.title, p.content, p.language, p.redactions, p.published_at, d.sent_on, d.kamerstuk
    from outgoing_publications p join outgoing_documents d on d.id = p.document_id`;

const summary = (r: PublicRow): PublicDocumentSummary => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  publishedAt: r.published_at,
  sentOn: r.sent_on,
  kamerstuk: r.kamerstuk,
  redactions: r.redactions,
  language: r.language,
});

/** The published documents, the latest first. */
export async function listPublic(
  q: Queryable,
  f: { page: number; pageSize: number },
): Promise<Page<PublicDocumentSummary>> {
  const total = await q.query<{ n: number }>('select count(*)::int as n from outgoing_publications');
  const r = await q.query<PublicRow>(`${SELECT} order by p.published_at desc, d.id limit $1 offset $2`, [
    f.pageSize,
    (f.page - 1) * f.pageSize,
  ]);
  return { items: r.rows.map(summary), total: total.rows[0]!.n, page: f.page, pageSize: f.pageSize };
}

async function publicRow(q: Queryable, id: string): Promise<PublicRow> {
  const r = await q.query<PublicRow>(`${SELECT} where d.id = $1`, [id]);
  if (!r.rows[0]) throw wooErrors.not_published({ id });
  return r.rows[0];
}

/** The public version as a document the layout engine renders, with the installation's logo. */
async function publicLetter(q: Queryable, row: PublicRow): Promise<LetterDocument> {
  const doc = LetterDocument.parse(row.content);
  const logo = await installationLogo(q);
  return logo && 'sender' in doc ? ({ ...doc, sender: { ...doc.sender, logo } } as LetterDocument) : doc;
}

/** A published document with its public text. */
export async function getPublic(q: Queryable, id: string): Promise<PublicDocument> {
  const row = await publicRow(q, id);
  return { ...summary(row), text: documentText(LetterDocument.parse(row.content)).text };
}

/** The public version as a .docx, with its file name. */
export async function publicDocx(q: Queryable, id: string): Promise<{ body: Uint8Array; fileName: string }> {
  const row = await publicRow(q, id);
  const { renderDocx } = await import('../letters/docx.ts');
  return { body: await renderDocx(await publicLetter(q, row)), fileName: fileName(row, 'docx') };
}

/** The public version as an accessible PDF, with its file name. */
export async function publicPdf(q: Queryable, id: string): Promise<{ body: Uint8Array; fileName: string }> {
  const row = await publicRow(q, id);
  return { body: await renderPdf(await publicLetter(q, row), row.language), fileName: fileName(row, 'pdf') };
}

/** "openbare-versie-<title>.docx", in letters, digits and hyphens. */
function fileName(row: PublicRow, ext: string): string {
  const slug = row.title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .toLowerCase();
  return `openbare-versie-${slug || row.id}.${ext}`;
}
