/**
 * Finds the personal data in the plain text of a document that the Woo requires to be left out of
 * its public version (ground 5.1.2e): e-mail addresses, phone numbers, the names of the app's users
 * and the names of people in the fixed fields of a memo or after a form of address. Every finding
 * starts as 'proposed'; a person reviews the list before publication (src/woo/redact.ts).
 */
import { createHash } from 'node:crypto';
import {
  type Finding,
  type FindingKind,
  type FindingSource,
  type KnownPersonalData,
  PERSONAL_DATA_GROUND,
} from './schema.ts';

type Span = { start: number; end: number; kind: FindingKind; source: FindingSource };

/** Finds the personal data in a text, overlapping findings merged, in the order of the text. */
export function findPersonalData(text: string, known: KnownPersonalData): Finding[] {
  const byPattern = findNamesByPattern(text);
  // A name the layout gave away ("Opgesteld door: Jan de Vries") is found wherever else the text has it.
  const patternNames = [
    ...new Set(byPattern.map((s) => text.slice(s.start, s.end).replace(TITLE_PREFIX, '').trim())),
  ].filter((n) => n.split(/\s+/).length > 1 && !known.names.includes(n));
  const spans = [
    ...findEmails(text, known.emails ?? []),
    ...findPhones(text, known.phones ?? []),
    ...findKnownNames(text, known.names),
    ...findKnownNames(text, patternNames).map((s) => ({ ...s, source: 'pattern' as const })),
    ...byPattern,
  ];
  return mergeSpans(spans).map((s) => {
    const found = text.slice(s.start, s.end);
    return {
      id: findingId(s.kind, s.start, found),
      start: s.start,
      end: s.end,
      text: found,
      kind: s.kind,
      source: s.source,
      ground: PERSONAL_DATA_GROUND,
      decision: 'proposed',
    };
  });
}

/** The id of a finding: the same text finds the same ids, so that decisions survive a new run. */
export function findingId(kind: FindingKind, start: number, found: string): string {
  return createHash('sha256').update(`${kind}\u0000${start}\u0000${found}`).digest('hex').slice(0, 16);
}

/**
 * Merges overlapping spans into one: it keeps the kind of the longest span it is made of, and is
 * 'known' when any part is. Adjacent spans that do not overlap stay apart.
 */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: (Span & { longest: number })[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && s.start < last.end) {
      if (s.end - s.start > last.longest) Object.assign(last, { kind: s.kind, longest: s.end - s.start });
      if (s.source === 'known') last.source = 'known';
      last.end = Math.max(last.end, s.end);
    } else merged.push({ ...s, longest: s.end - s.start });
  }
  return merged.map(({ start, end, kind, source }) => ({ start, end, kind, source }));
}

// ---------------------------------------------------------------------------------------------
// E-mail addresses

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

/** Every e-mail address in the text; those the app knows (in any case) are marked 'known'. */
function findEmails(text: string, knownEmails: string[]): Span[] {
  const known = new Set(knownEmails.map((e) => e.toLowerCase()));
  return [...text.matchAll(EMAIL)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: 'email' as const,
    source: known.has(m[0].toLowerCase()) ? ('known' as const) : ('pattern' as const),
  }));
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

/**
 * A run of digits, spaces, hyphens, dots and brackets that starts like a phone number ("+", "00",
 * "0" or "(0") and is not part of a longer number, a reference or a word. Whether it is one is
 * decided by phoneKey; runs are cut back group by group when the whole run is not. A run is at
 * most 30 characters, longer than any written phone number, so that a table of figures costs little.
 * The digits of a bank account after its bank code ("NL91 ABNA 0417 1643 00") are no phone number.
 */
const PHONE_RUN =
  /(?<![\p{L}\p{N}+\-./,])(?<![A-Z]{4}[ \u00a0])(?:\+|\(0|0)[\d ()\-.\u00a0]{0,28}\d(?![\p{L}\p{N}]|[-./,]\d)/gu;

/** A date written with digits only, such as 06-12-2024 or 6.12.2024, which is never a phone number. */
const DATE_PREFIX = /^\(?\d{1,2}[-./ ]\d{1,2}[-./ ](?:19|20)\d\d(?!\d)/;

/**
 * The number in one canonical form ("+31701234567") when the text is a phone number, else
 * undefined. Dutch numbers have ten digits (0 and a nine-digit number), international ones a "+"
 * or "00", a country code and its number: +31 with nine digits (optionally "(0)" before them),
 * +297 (Aruba) with seven, +599 (Curaçao, Sint Maarten and the Caribbean Netherlands) with seven
 * or eight, +1 721 (Sint Maarten) with seven, and other countries with 8 to 15 digits in all.
 */
export function phoneKey(candidate: string): string | undefined {
  const s = candidate.replace(/\u00a0/g, ' ');
  if (DATE_PREFIX.test(s)) return undefined;
  if (!/^[+(0-9]/.test(s) || /[ \-.]{2}|\(\)|[-.]$/.test(s)) return undefined;
  // A run with several kinds of separator after its first group reads as a list of numbers or a
  // date and time ("06-12-2024 10.30"), not as one phone number.
  const afterFirst = s.replace(/^\+?\d+(?:\s*\(0\))?/, '').replace(/^\(0\d*\)/, '');
  if (new Set(afterFirst.slice(1).match(/[ \-.]/g) ?? []).size > 1) return undefined;
  const international = s.startsWith('+') || /^00[1-9]/.test(s);
  if (!international) {
    const digits = s.replace(/\D/g, '');
    if (!/^0[1-9]\d{8}$/.test(digits)) return undefined;
    // The first group is the area code or 06, or the number is written without a break.
    const first = s.replace(/^\(/, '').match(/^\d+/)?.[0] ?? '';
    if (first.length > 4 && first.length !== 10) return undefined;
    // No group of a Dutch number is a single digit ("0 1 0 1 0 1 0 1 0 1" is a row of figures).
    if (s.split(/\D+/).some((g) => g.length === 1)) return undefined;
    return `+31${digits.slice(1)}`;
  }
  const body = s.startsWith('+') ? s.slice(1) : s.slice(2);
  const withoutTrunk = body.replace(/^(\d{1,3})\s*\(0\)\s*/, '$1 ');
  if (/[()]/.test(withoutTrunk.replace(/^(\d{1,3})\s*\((\d{1,4})\)/, '$1 $2'))) return undefined;
  // Only the group right after the country code may be a single digit ("+31 6 12345678").
  if (
    withoutTrunk
      .split(/\D+/)
      .filter(Boolean)
      .slice(2)
      .some((g) => g.length === 1)
  )
    return undefined;
  const digits = withoutTrunk.replace(/\D/g, '');
  const national: [string, RegExp][] = [
    ['31', /^31[1-9]\d{8}$/],
    ['297', /^297\d{7}$/],
    ['599', /^599\d{7,8}$/],
    ['1721', /^1721\d{7}$/],
  ];
  for (const [code, shape] of national)
    if (digits.startsWith(code)) return shape.test(digits) ? `+${digits}` : undefined;
  return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
}

/** Every phone number in the text; those the app knows (in any written form) are marked 'known'. */
function findPhones(text: string, knownPhones: string[]): Span[] {
  const known = new Set(knownPhones.map((p) => phoneKey(p.trim())).filter((k) => k !== undefined));
  const spans: Span[] = [];
  for (const m of text.matchAll(PHONE_RUN)) {
    // Cut the run back at its separators until what is left is a phone number, so that a number
    // followed by other figures ("070 123 4567 2025") is still found.
    let run = m[0];
    let key = phoneKey(run);
    while (key === undefined) {
      const cut = run.search(/[ \-.(]+[^ \-.(]*$/);
      if (cut <= 0) break;
      run = run.slice(0, cut).replace(/[ \-.(]+$/, '');
      key = phoneKey(run);
    }
    if (key === undefined || run.split('(').length !== run.split(')').length) continue;
    spans.push({
      start: m.index,
      end: m.index + run.length,
      kind: 'phone',
      source: known.has(key) ? 'known' : 'pattern',
    });
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Names the app knows

/** The words between given names and surname ("de", "van der", "ter"), in lower case. */
const TUSSENVOEGSELS = new Set(
  "van de der den het 't ter ten te op in uit aan bij onder voor la le du da di des del dos von zu el al 's".split(
    ' ',
  ),
);

/** The forms of address before a surname, in lower case without accents. */
const TITLES = 'de heer|mevrouw|dhr.|dhr|mevr.|mevr|mw.|mr.|dr.|drs.|ir.|prof.'.split('|');
/** A form of address at the start of a name found by pattern, taken off to find the name elsewhere. */
const TITLE_PREFIX = /^(?:(?:de heer|mevrouw|dhr\.?|mevr\.?|mw\.|mr\.|dr\.|drs\.|ir\.|prof\.)\s+)+/i;

/**
 * A text in lower case without accents, with the position in the original of every character,
 * so that "José" and "JOSE" are found by the same search and reported where they are.
 */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’`]/g, "'");
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(i);
  return { folded, origin };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Words of a name as a pattern: any run of white space between them, line breaks included. */
const words = (ws: string[]) => ws.map(escape).join('\\s+');

/**
 * The written forms of one known name, as patterns over folded text: the name as given, with a
 * form of address before the surname, with initials, and the surname alone when it has a
 * tussenvoegsel ("De Vries"; a surname without one, such as "Jansen", is too common a word).
 */
function nameForms(name: string): string[] {
  const tokens = fold(name.trim()).folded.split(/\s+/).filter(Boolean);
  const at = tokens.findIndex((t, k) => k > 0 && TUSSENVOEGSELS.has(t));
  const prefixAt = at > 0 && at < tokens.length - 1 ? at : -1;
  const given = tokens.slice(0, prefixAt > 0 ? prefixAt : tokens.length - 1);
  const familyAt = tokens.findIndex((t, k) => k > prefixAt && !TUSSENVOEGSELS.has(t));
  const tussen = prefixAt > 0 ? tokens.slice(prefixAt, familyAt < 0 ? tokens.length : familyAt) : [];
  const surname = tokens.slice(given.length + tussen.length);
  if (given.length === 0 || surname.length === 0) return [words(tokens)];
  const family = words([...tussen, ...surname]);
  const initial = given[0]!.match(/^\p{L}/u)?.[0];
  const forms = [words(tokens), `(?:${TITLES.map(escape).join('|')})\\s+(?:\\p{L}\\.\\s*)*${family}`];
  // "J. de Vries", "J.M. de Vries", "J de Vries": the first initial, possibly followed by others.
  if (initial) forms.push(`${escape(initial)}(?:\\.|\\s)(?:\\s*\\p{L}\\.)*\\s*${family}`);
  if (tussen.length > 0) forms.push(family);
  return forms;
}

/** Every occurrence of the names the app knows, as whole words, in any case and with or without accents. */
function findKnownNames(text: string, names: string[]): Span[] {
  const forms = [...new Set(names.flatMap(nameForms))].filter((f) => f.length > 0);
  if (forms.length === 0) return [];
  const { folded, origin } = fold(text);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return [...folded.matchAll(pattern)].map((m) => ({
    start: origin[m.index]!,
    end: origin[m.index + m[0].length]!,
    kind: 'name' as const,
    source: 'known' as const,
  }));
}

// ---------------------------------------------------------------------------------------------
// Names found by the layout of memos and forms of address

const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
/** A word of a person's name: capitalised, hyphens and apostrophes within ("Smit-Jansen", "O'Neill"). */
const NAME_WORD = String.raw`\p{Lu}\p{Ll}+(?:[-'’]\p{L}\p{Ll}*)*`;
const INITIALS = String.raw`(?:\p{Lu}\.\s?)+`;
/** A tussenvoegsel, in lower case ("Jan de Vries") or capitalised ("De Vries", "mevrouw Van Dam"). */
const PREFIX_WORD = `(?:${[...TUSSENVOEGSELS]
  .flatMap((w) => [w, capitalised(w)])
  .map(escape)
  .join('|')})`;
const SURNAME = String.raw`(?:${PREFIX_WORD}\s+)*${NAME_WORD}`;
/** A person's name: one to three given names or initials, then any tussenvoegsels and a surname. */
const PERSON = new RegExp(String.raw`^(?:${INITIALS}\s*|(?:${NAME_WORD}\s+){1,3})${SURNAME}$`, 'u');
/**
 * A form of address, in either case, and the name after it: "de heer De Vries", "mevr. J. Jansen",
 * "mevrouw Karin Mulder" (up to two given names before the surname).
 */
const TITLED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:[Dd]e [Hh]eer|[Mm]evrouw|[Dd]hr\.|[Mm]evr\.|[Mm]w\.)\s+(?:${INITIALS}\s*|(?:${NAME_WORD}\s+){0,2})${SURNAME}(?![\p{L}\p{N}])`,
  'gu',
);

/**
 * Words that make a field's value an office, a unit or an organisation rather than a person, and
 * the labels of the neighbouring fields (a field without a value is followed by the next label).
 */
const NOT_A_PERSON =
  /(?<![\p{L}])(?:dg|dgdob|bestuur|rechtsstaat|openbaar|minister|staatssecretaris|directie|directeur(?:-generaal)?|directoraat|ministerie|afdeling|team|bureau|dienst|cluster|sector|programma|kabinet|secretaris-generaal|eenheid|unit|raad|commissie|college|zaken|beleid|koninkrijksrelaties|bescherming|via|aan|kopie|datum|afgestemd)(?![\p{L}])/iu;

/**
 * The fixed fields of a Dutch memo that name its author or contact, at the start of a line, with
 * their value after a colon or tab on the same line or on the next line that is not empty. "Van"
 * needs a colon, a tab or a line of its own, so that a sentence that starts with "Van" is no field.
 */
const FIELD =
  /^[ \t]*(?:(?:opgesteld door|contactperso(?:o|ne)n?|behandeld door)[ \t]*(?:[:\t ]|(?=\r?\n))|van[ \t]*(?::|\t|(?=\r?\n)))[ \t]*(?:\r?\n[ \t]*)*(?<value>[^\r\n]+)/gimu;

/** Names after "Opgesteld door", "Contactpersoon", "Behandeld door" and "Van", and after a form of address. */
function findNamesByPattern(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(FIELD)) {
    const value = m.groups!.value!;
    const valueStart = m.index + m[0].length - value.length;
    // A value may name several people or add a unit: "J. de Vries (DMM), P. Jansen en A. Bakker".
    // A piece that names a unit is one name, "en" included: "DG Openbaar Bestuur en Democratische Rechtsstaat".
    for (const piece of value.matchAll(/[^,;/()&]+/gu)) {
      if (NOT_A_PERSON.test(piece[0])) continue;
      for (const part of piece[0].matchAll(/[^,;/()&]+?(?=\s+en\s+|$)/gu)) {
        const person = part[0].trim().replace(/^en\s+/, '');
        if (!PERSON.test(person)) continue;
        const start = valueStart + piece.index + part.index + part[0].indexOf(person);
        spans.push({ start, end: start + person.length, kind: 'name', source: 'pattern' });
      }
    }
  }
  for (const m of text.matchAll(TITLED)) {
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'name', source: 'pattern' });
  }
  return spans;
}
