/**
 * A document of the workspace as the layout engine's document (schema.ts): its frame and sections
 * with the installation's sender, the place and the date; then as .docx (docx.ts) and as HTML
 * (html.ts) for the PDF. Sections of level 2 become the parts of the section of level 1 before them.
 */
import type { Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';
import { workspaceErrors } from './errors.ts';
import type { OutgoingDocumentRow, OutgoingSectionRow } from './rows.ts';
import { LetterDocument, Sender, type LetterDocumentInput, type Section } from './schema.ts';
import { loadSections } from './workspace.ts';

/** The app_settings key of the sender: { organisation, unit?, addressLines?, font?, logo? (base64 PNG) }. */
export const SENDER_SETTING = 'letter_sender';
const DEFAULT_SENDER = { organisation: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties' };
const PLACE = 'Den Haag';

/** The sender the installation set, or the default when none (or none valid) is set. */
export async function letterSender(q: Queryable): Promise<Sender> {
  const r = await q.query<{ value: Record<string, unknown> | null }>(
    'select value from app_settings where key = $1',
    [SENDER_SETTING],
  );
  const value = r.rows[0]?.value;
  if (value && typeof value === 'object') {
    const logo =
      typeof value.logo === 'string' ? new Uint8Array(Buffer.from(value.logo, 'base64')) : undefined;
    const parsed = Sender.safeParse({ ...value, logo });
    if (parsed.success) return parsed.data;
  }
  return Sender.parse(DEFAULT_SENDER);
}

/** The sections as the layout has them: a level-2 section is a part of the level-1 section before it. */
export function layoutSections(rows: OutgoingSectionRow[]): Section[] {
  const out: Section[] = [];
  for (const s of rows) {
    const parent = out[out.length - 1];
    if (s.level === 2 && parent)
      parent.subsections.push({ heading: s.heading, blocks: s.blocks }, ...s.subsections);
    else out.push({ heading: s.heading, blocks: [...s.blocks], subsections: [...s.subsections] });
  }
  return out;
}

export interface Printable {
  document: LetterDocument;
  language: 'nl' | 'en';
  /** The file name without extension. */
  name: string;
}

/** A file name from a title: letters, digits and dashes. */
const fileName = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'document';

export async function printable(q: Queryable, id: string): Promise<Printable> {
  const r = await q.query<OutgoingDocumentRow>('select * from outgoing_documents where id = $1', [id]);
  const d = r.rows[0];
  if (!d) throw workspaceErrors.not_found({ id });
  const [sender, sections] = [await letterSender(q), layoutSections(await loadSections(q, id))];
  const date = d.sent_on ?? today();
  const f = d.frame;
  let input: LetterDocumentInput;
  if (f.kind === 'memo') {
    input = {
      kind: 'memo',
      sender,
      fields: f.fields,
      purpose: f.purpose,
      title: f.title,
      sections,
      attachments: f.attachments,
    };
  } else if (f.kind === 'report') {
    input = { kind: 'report', sender, title: f.title, subtitle: f.subtitle, date, sections };
  } else if (d.kind === 'upr_addendum') {
    // The addendum is a UN document: the frame's addressee holds its body and session, the subject its title lines.
    input = {
      kind: 'un_document',
      symbol: f.reference ?? 'A/HRC/…/Add.1',
      date,
      sessionLines: f.addressee,
      titleLines: f.subject.split(' — '),
      sections,
    };
  } else if (d.kind === 'state_report') {
    // A state report (src/state-report/) is a UN document: the addressee's first line is the treaty (the
    // organ of the masthead), the next its committee and cycle; the subject holds the title lines.
    input = {
      kind: 'un_document',
      symbol: f.reference ?? '…',
      date,
      organ: (f.addressee[0] ?? 'United Nations').slice(0, 100),
      sessionLines: f.addressee.slice(1),
      titleLines: f.subject.split(' — '),
      sections,
    };
  } else {
    input = {
      kind: 'letter',
      sender,
      addressee: f.addressee,
      place: PLACE,
      date,
      subject: f.subject,
      reference: f.reference ?? (f.language === 'en' ? '(to be assigned)' : '(nog toe te kennen)'),
      ...(f.yourReference ? { yourReference: f.yourReference } : {}),
      sections,
      signature: f.signature,
    };
  }
  return { document: LetterDocument.parse(input), language: d.language, name: fileName(d.title) };
}
