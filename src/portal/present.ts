/** Small helpers of the portal's recommendation pages: text in the visitor's language, names of states. */
import { resolveState } from '../recommendations/parse/states.ts';
import type { PortalLang } from './layout.ts';

/** The recommendation's text in the visitor's language when there is one, with the language it is in. */
export function recommendationText(
  lang: PortalLang,
  r: { text: string; textNl: string | null },
): { text: string; textLang: PortalLang } {
  return lang === 'nl' && r.textNl ? { text: r.textNl, textLang: 'nl' } : { text: r.text, textLang: 'en' };
}

/** The first `max` characters of a text, cut at a word, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** A state's name in the visitor's language (Dutch names on Dutch pages), as the source spelled it otherwise. */
export function stateName(lang: PortalLang, name: string): string {
  if (lang === 'en') return name;
  return resolveState(name, { fuzzy: false })?.nameNl ?? name;
}

/** A date (YYYY-MM-DD) written out: "3 maart 2025", "3 March 2025". */
export function longDate(lang: PortalLang, date: string): string {
  const d = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}
