/**
 * Parliamentary citations: a Kamerstuk ("Kamerstuk 35 300 V, nr. 33", "Kamerstukken II 2019/20,
 * 35 300 V, nr. 33", "kst-35300-V-33", "35300-V-33") and the Handelingen ("Handelingen II 2019/20,
 * nr. 24, item 24"), parsed into their parts and written back in the canonical Dutch form. A text
 * that does not parse gives the reason: which part is missing or wrong. Pure, shared by server and
 * browser app.
 */

export type Kamer = 'I' | 'II';

export interface KamerstukCitation {
  type: 'kamerstuk';
  dossier: number;
  toevoeging: string | null;
  nr: number;
  kamer?: Kamer;
  /** "2019-2020". */
  vergaderjaar?: string;
}

export interface HandelingenCitation {
  type: 'handelingen';
  kamer: Kamer;
  vergaderjaar: string;
  nr: number;
  item: number | null;
}

export type Citation = KamerstukCitation | HandelingenCitation;

/** Why a citation does not parse. */
export const CITATION_PROBLEMS = [
  'empty',
  'unrecognised',
  'dossier_missing',
  'dossier_invalid',
  'toevoeging_invalid',
  'nr_missing',
  'nr_invalid',
  'kamer_missing',
  'kamer_invalid',
  'vergaderjaar_missing',
  'vergaderjaar_invalid',
  'item_invalid',
] as const;
export type CitationProblem = (typeof CITATION_PROBLEMS)[number];

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: CitationProblem };

const fail = (problem: CitationProblem) => ({ ok: false as const, problem });

/** Dashes and spaces as they come from PDFs and Word: en/em dashes, non-breaking and thin spaces. */
function clean(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2007\u2009\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "2019/20", "2019/2020", "2019-2020", "2019–2020" → "2019-2020"; null when the years do not follow. */
export function parseVergaderjaar(text: string): string | null {
  const m = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(clean(text));
  if (!m) return null;
  const first = Number(m[1]);
  const second = m[2]!.length === 2 ? Math.floor((first + 1) / 100) * 100 + Number(m[2]) : Number(m[2]);
  if (second !== first + 1 || first < 1815 || first > 2200) return null;
  return `${first}-${second}`;
}

const KAMER = /^(I{1,2})$/;
const ROMAN_OR_LETTERS = /^(?:[IVXLCDM]+|[A-Z]{1,3})$/;
const NUMERIC_TOEVOEGING = /^\d{1,3}$/;

function parseKamer(text: string | undefined): Kamer | undefined | null {
  if (text === undefined) return undefined;
  return KAMER.test(text) ? (text as Kamer) : null;
}

/** A dossier number as printed: "35 300", "35300", "21 501". */
function parseDossier(text: string): number | null {
  const t = text.replace(/ /g, '');
  if (!/^\d{1,6}$/.test(t)) return null;
  if (/ /.test(text) && !/^\d{1,3}( \d{3})+$/.test(text)) return null;
  const n = Number(t);
  return n > 0 ? n : null;
}

function parseNr(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,6}$/.test(text)) return null;
  const n = Number(text);
  return n > 0 ? n : null;
}

/** The part after the dossier number: "V", "IV", "A", "-32" (a numeric sub-series). */
function parseToevoeging(text: string | undefined): string | null | false {
  if (!text) return null;
  const t = text.replace(/^-/, '').trim();
  if (NUMERIC_TOEVOEGING.test(t)) return t.padStart(2, '0');
  return ROMAN_OR_LETTERS.test(t) ? t : false;
}

/** The identifier form: "kst-35300-V-33", "35300-V-33", "kst-21501-32-1506", "36284-6". */
function parseIdentifier(text: string): Parsed<KamerstukCitation> | null {
  const m = /^(?:kst-)?(\d{1,6})(?:-([A-Za-z]{1,6}|\d{1,3}))?-(\d+)$/i.exec(text);
  if (!m) {
    if (/^kst-/i.test(text)) {
      const parts = text.slice(4).split('-');
      if (!/^\d{1,6}$/.test(parts[0] ?? '')) return fail('dossier_invalid');
      if (parts.length < 2 || !/^\d+$/.test(parts[parts.length - 1] ?? '')) return fail('nr_missing');
      return fail('toevoeging_invalid');
    }
    return null;
  }
  const dossier = parseDossier(m[1]!);
  if (dossier === null) return fail('dossier_invalid');
  const toevoeging = parseToevoeging(m[2]?.toUpperCase());
  if (toevoeging === false) return fail('toevoeging_invalid');
  const nr = parseNr(m[3]);
  if (nr === null) return fail('nr_invalid');
  return { ok: true, value: { type: 'kamerstuk', dossier, toevoeging, nr } };
}

/**
 * "Kamerstuk 35 300 V, nr. 33", "Kamerstukken II 2019/20, 35 300 V, nr. 33",
 * "Tweede Kamer, vergaderjaar 2022-2023, 36 200 IV, nr. 49", "21 501-32, nr. 1506".
 */
export function parseKamerstuk(input: string): Parsed<KamerstukCitation> {
  const text = clean(input).replace(/[.;]$/, '');
  if (!text) return fail('empty');
  const id = parseIdentifier(text);
  if (id) return id;
  let rest = text;
  let kamer: Kamer | undefined;
  let vergaderjaar: string | undefined;
  const tk = /^(Tweede|Eerste) Kamer,?\s*vergaderjaar\s+(\S+)\s*,\s*/i.exec(rest);
  const prefix = /^(?:Kamerstuk(?:ken)?|Kst\.?)\s*/i.exec(rest);
  if (tk) {
    kamer = tk[1]!.toLowerCase() === 'tweede' ? 'II' : 'I';
    const vj = parseVergaderjaar(tk[2]!);
    if (!vj) return fail('vergaderjaar_invalid');
    vergaderjaar = vj;
    rest = rest.slice(tk[0].length);
  } else if (prefix) {
    rest = rest.slice(prefix[0].length);
    // "II 2019/20," before the dossier: the chamber and the parliamentary year.
    const ky = /^([A-Za-z]+)\.?(?:\s+([\d/-]+))?\s*,\s*/.exec(rest);
    if (ky) {
      const k = parseKamer(ky[1]);
      if (!k) return fail(ky[2] === undefined ? 'dossier_missing' : 'kamer_invalid');
      kamer = k;
      if (ky[2] === undefined) return fail('vergaderjaar_missing');
      const vj = parseVergaderjaar(ky[2]);
      if (!vj) return fail('vergaderjaar_invalid');
      vergaderjaar = vj;
      rest = rest.slice(ky[0].length);
    } else if (/^\d{4}\s*\/\s*\d{2,4}\s*,/.test(rest)) return fail('kamer_missing');
  }
  const body =
    /^(\d[\d ]*\d|\d)(?:\s*-\s*(\d{1,3})|\s+(?!nr)([A-Za-z]{1,6}))?\s*(?:(?:,\s*|\s+(?=nrs?\b))(.*))?$/i.exec(
      rest,
    );
  if (!body) {
    if (!prefix && !tk && !/^\d/.test(rest)) return fail('unrecognised');
    return fail(/^(?:$|,|nrs?\b)/i.test(rest) ? 'dossier_missing' : 'unrecognised');
  }
  const dossier = parseDossier(body[1]!.trim());
  if (dossier === null) return fail('dossier_invalid');
  const toevoeging = parseToevoeging(body[2] ?? body[3]);
  if (toevoeging === false) return fail('toevoeging_invalid');
  const nrPart = body[4];
  if (nrPart === undefined || nrPart.trim() === '') return fail('nr_missing');
  const nrMatch = /^nrs?\.?\s*(\S+)$/i.exec(nrPart.trim());
  if (!nrMatch) return fail('nr_missing');
  const nr = parseNr(nrMatch[1]);
  if (nr === null) return fail('nr_invalid');
  return {
    ok: true,
    value: {
      type: 'kamerstuk',
      dossier,
      toevoeging,
      nr,
      ...(kamer ? { kamer } : {}),
      ...(vergaderjaar ? { vergaderjaar } : {}),
    },
  };
}

/** "Handelingen II 2019/20, nr. 24, item 24". */
export function parseHandelingen(input: string): Parsed<HandelingenCitation> {
  const text = clean(input).replace(/[.;]$/, '');
  if (!text) return fail('empty');
  const m = /^Handelingen(?:\s+(\S+))?(?:\s+(\S+))?\s*(?:,\s*(.*))?$/i.exec(text);
  if (!m) return fail('unrecognised');
  if (m[1] !== undefined && /^\d{4}/.test(m[1])) return fail('kamer_missing');
  const kamer = parseKamer(m[1]?.replace(/,$/, ''));
  if (!kamer) return fail(m[1] === undefined ? 'kamer_missing' : 'kamer_invalid');
  if (m[2] === undefined) return fail('vergaderjaar_missing');
  const vergaderjaar = parseVergaderjaar(m[2].replace(/,$/, ''));
  if (!vergaderjaar) return fail('vergaderjaar_invalid');
  const parts = (m[3] ?? '').split(',').map((p) => p.trim());
  const nrMatch = /^nr\.?\s*(\S+)$/i.exec(parts[0] ?? '');
  if (!nrMatch) return fail('nr_missing');
  const nr = parseNr(nrMatch[1]);
  if (nr === null) return fail('nr_invalid');
  let item: number | null = null;
  if (parts[1] !== undefined) {
    const itemMatch = /^item\s*(\S+)$/i.exec(parts[1]);
    item = itemMatch ? parseNr(itemMatch[1]) : null;
    if (item === null || parts.length > 2) return fail('item_invalid');
  }
  return { ok: true, value: { type: 'handelingen', kamer, vergaderjaar, nr, item } };
}

/** Either kind, told apart by the word it starts with. */
export function parseCitation(input: string): Parsed<Citation> {
  return /^\s*Handelingen\b/i.test(input) ? parseHandelingen(input) : parseKamerstuk(input);
}

/** "35300" → "35 300" (thousands separated by a space, as printed). */
const groupDossier = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
/** "2019-2020" → "2019/20". */
const shortYear = (vj: string) => `${vj.slice(0, 4)}/${vj.slice(7, 9)}`;

export function formatCitation(c: Citation): string {
  if (c.type === 'handelingen')
    return `Handelingen ${c.kamer} ${shortYear(c.vergaderjaar)}, nr. ${c.nr}${c.item !== null ? `, item ${c.item}` : ''}`;
  const part = c.toevoeging
    ? NUMERIC_TOEVOEGING.test(c.toevoeging)
      ? `-${c.toevoeging}`
      : ` ${c.toevoeging}`
    : '';
  const stuk = `${groupDossier(c.dossier)}${part}, nr. ${c.nr}`;
  if (c.kamer && c.vergaderjaar) return `Kamerstukken ${c.kamer} ${shortYear(c.vergaderjaar)}, ${stuk}`;
  return `Kamerstuk ${stuk}`;
}

const FIND = [
  /Handelingen\s+I{1,2}\s+\d{4}\s*\/\s*\d{2,4},\s*nr\.\s*\d+(?:,\s*item\s*\d+)?/g,
  /Kamerstuk(?:ken)?(?:\s+I{1,2}\s+\d{4}\s*\/\s*\d{2,4},)?\s+\d{1,3}(?:\s\d{3})?(?:\s*-\s*\d{1,3}|\s+[A-Z]{1,6})?,\s*nrs?\.\s*\d+/g,
  /\bkst-\d{1,6}(?:-[A-Za-z0-9]{1,6})?-\d+/g,
];

/**
 * Every citation in a running text, in order of appearance; words split over two lines with a
 * hyphen ("Kamer-\nstuk") are joined first.
 */
export function findCitations(text: string): { text: string; citation: Citation }[] {
  const joined = clean(text.replace(/-\s*\n\s*/g, ''));
  const hits: { at: number; text: string; citation: Citation }[] = [];
  for (const re of FIND)
    for (const m of joined.matchAll(re)) {
      const parsed = parseCitation(m[0]);
      if (parsed.ok) hits.push({ at: m.index, text: m[0], citation: parsed.value });
    }
  return hits.sort((a, b) => a.at - b.at).map(({ text: t, citation }) => ({ text: t, citation }));
}
