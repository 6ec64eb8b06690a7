/**
 * What the generators share: the addressees of parliament, the minister's signature, dates as
 * Dutch letters write them, blocks and sections, and reading a source document with the
 * recommendations imported from it and the positions recorded on them.
 */
import type { Actor } from '../../core/actor.ts';
import type { DatePrecision } from '../../core/dates.ts';
import type { Queryable } from '../../core/db.ts';
import { notFound } from '../../core/errors.ts';
import { COORDINATING_MINISTRY_CODE } from '../../core/policy.ts';
import type { DocumentRow } from '../../documents/rows.ts';
import type { DocumentKind } from '../../documents/schema.ts';
import type { GovernmentPosition } from '../../followup/schema.ts';
import { dutchDate } from '../dates.ts';
import type { Block } from '../schema.ts';
import { letterErrors } from './errors.ts';
import type { GeneratedSection } from './types.ts';

export const TWEEDE_KAMER = [
  'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
  'Postbus 20018',
  '2500 EA  DEN HAAG',
];
export const EERSTE_KAMER = [
  'Aan de Voorzitter van de Eerste Kamer der Staten-Generaal',
  'Postbus 20017',
  '2500 EA  DEN HAAG',
];

/** Shown where the cabinet's response is still to be written. */
export const NO_RESPONSE = '[Reactie nog niet vastgesteld]';

const MONTHS_NL =
  'januari februari maart april mei juni juli augustus september oktober november december'.split(' ');

/** A date as precise as it is known: "13 februari 2026", "februari 2026", "2026". */
export function dutchPeriod(date: string, precision: DatePrecision = 'day'): string {
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return `${MONTHS_NL[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
  return dutchDate(date);
}

/** "a, b en c". */
export function listNl(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

export const paragraph = (text: string): Block => ({ type: 'paragraph', text });

const BULLET = /^\s*[•\-*–]\s+/;

/**
 * A text as blocks: paragraphs separated by an empty line; a paragraph whose lines all start with
 * a bullet ("•", "-", "*") is a list of bullets.
 */
export const paragraphs = (text: string): Block[] =>
  text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t): Block => {
      const lines = t.split('\n').filter((l) => l.trim());
      return lines.every((l) => BULLET.test(l))
        ? { type: 'bullets', items: lines.map((l) => l.replace(BULLET, '').trim()) }
        : paragraph(t);
    });

export const section = (
  key: string,
  heading: string,
  blocks: Block[],
  extra: Partial<Pick<GeneratedSection, 'subsections' | 'level'>> = {},
): GeneratedSection => ({ key, heading, blocks, subsections: extra.subsections ?? [], ...extra });

/** The first sentence of a text, at most `max` characters (cut at a word, with "…"). */
export function shortTitle(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = /^(.+?[.;:!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  if (first.length <= max) return first.replace(/[.;:]$/, '');
  const cut = first.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trim()}…`;
}

/** Orders references such as "Aanbeveling 2" < "Aanbeveling 10", "131.2" < "131.10", "para 5 (a)" < "para 5 (b)". */
export function compareParagraphs(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * The signature of a letter: the minister of the actor's ministry, or of the coordinating
 * ministry (BZK) when the actor belongs to none.
 */
export async function ministerSignature(q: Queryable, actor: Actor): Promise<string[]> {
  const r = await q.query<{ name_nl: string }>(
    `select name_nl from organisations
      where (id = $1 and kind = 'ministry') or code = $2
      order by (id = $1) desc limit 1`,
    [actor.organisationId, COORDINATING_MINISTRY_CODE],
  );
  const name = r.rows[0]?.name_nl;
  return name ? [`De Minister van ${name.replace(/^Ministerie van /i, '')},`] : [];
}

/** A row of the documents table that a response answers, of one of the kinds given. */
export async function sourceDocument(
  q: Queryable,
  id: string,
  kinds: DocumentKind[],
  expected: string,
): Promise<DocumentRow> {
  const doc = (await q.query<DocumentRow>('select * from documents where id = $1', [id])).rows[0];
  if (!doc) throw notFound('document', id);
  if (!kinds.includes(doc.kind)) throw letterErrors.wrong_document_kind({ title: doc.title, expected });
  return doc;
}

/** A recommendation with the position recorded on it (none: all null). */
export interface RespondedRow {
  id: string;
  paragraph: string | null;
  text: string;
  text_nl: string | null;
  recommending_states: string[];
  position: GovernmentPosition | null;
  appreciation: string | null;
  explanation: string | null;
  /** Whether a position (or a free appreciation) is recorded. */
  recorded: boolean;
  /** The first UHRI theme it is tagged with, in Dutch where known (the subject of a concluding observation). */
  theme_code: string | null;
  theme: string | null;
}

const RESPONDED_SELECT = `
  select r.id, r.paragraph, r.text, r.text_nl, r.recommending_states,
         p.position, p.appreciation, p.explanation, (p.id is not null) as recorded,
         t.code as theme_code, t.label as theme
    from recommendations r
    left join recommendation_positions p on p.id = r.id
    left join lateral (
      select tt.code, coalesce(tt.label_nl, tt.label_en) as label
        from recommendation_terms rt join taxonomy_terms tt on tt.id = rt.term_id
       where rt.recommendation_id = r.id and tt.scheme = 'uhri_theme'
       order by tt.sort_order, tt.code limit 1) t on true`;

/**
 * The recommendations of a source document, in the order of their paragraphs: those linked to it,
 * and those imported from a document with its symbol. None: the document's recommendations were
 * never imported, which is an error, not an empty response.
 */
export async function recommendationsOf(q: Queryable, doc: DocumentRow): Promise<RespondedRow[]> {
  const r = await q.query<RespondedRow>(
    `${RESPONDED_SELECT}
      where r.document_id = $1 or ($2::text is not null and upper(r.symbol) = upper($2::text))`,
    [doc.id, doc.symbol],
  );
  if (r.rows.length === 0) throw letterErrors.no_recommendations({ title: doc.title });
  return sortByParagraph(r.rows);
}

/** The Kingdom's recommendations of a cycle, with their positions. */
export async function recommendationsOfCycle(q: Queryable, cycleId: string): Promise<RespondedRow[]> {
  const r = await q.query<RespondedRow>(`${RESPONDED_SELECT} where r.cycle_id = $1`, [cycleId]);
  return sortByParagraph(r.rows);
}

const sortByParagraph = (rows: RespondedRow[]) =>
  rows.sort((a, b) => compareParagraphs(a.paragraph, b.paragraph) || a.text.localeCompare(b.text));
