/** Dates as the government's letters write them, in Dutch or English. Shared by the layouts and the generators. */

export type Lang = 'nl' | 'en';

const MONTHS: Record<Lang, string[]> = {
  nl: 'januari februari maart april mei juni juli augustus september oktober november december'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};

/** "2026-02-13" → "13 februari 2026" (or "13 February 2026"). */
export function longDate(iso: string, lang: Lang = 'nl'): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[lang][m! - 1]} ${y}`;
}

/** A date as Dutch letters write it: "2026-02-13" → "13 februari 2026". */
export const dutchDate = (iso: string): string => longDate(iso, 'nl');

/** "april 2026": the month a report is dated by, in Dutch. */
export const monthYear = (iso: string): string => longDate(iso, 'nl').replace(/^\d+\s+/, '');
