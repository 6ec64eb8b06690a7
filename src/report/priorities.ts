/**
 * The five human rights priorities of the annual report (Rapportage Mensenrechten, Democratie en
 * Internationale Rechtsorde, result area 1), and 'other' for expenditures on human rights that
 * count for none of them. The codes are stored (migration 0031); the labels are shown.
 */
export const PRIORITY_CODES = [
  'expression',
  'women_girls',
  'lgbtiq',
  'religion_belief',
  'defenders_civic_space',
  'other',
] as const;
export type PriorityCode = (typeof PRIORITY_CODES)[number];

export const PRIORITY_LABELS: Record<PriorityCode, { nl: string; en: string }> = {
  expression: {
    nl: 'Vrijheid van meningsuiting online en offline',
    en: 'Freedom of expression online and offline',
  },
  women_girls: { nl: 'Gelijke rechten voor vrouwen en meisjes', en: 'Equal rights for women and girls' },
  lgbtiq: { nl: 'Gelijke rechten voor lhbtqi+ personen', en: 'Equal rights for LGBTIQ+ persons' },
  religion_belief: {
    nl: 'Vrijheid van religie en levensovertuiging',
    en: 'Freedom of religion and belief',
  },
  defenders_civic_space: {
    nl: 'Beschermen van mensenrechtenverdedigers en maatschappelijke ruimte',
    en: 'Protecting human rights defenders and civic space',
  },
  other: { nl: 'Overige mensenrechten', en: 'Other human rights' },
};

/** The code of a priority written in a spreadsheet: its code, or its Dutch or English label. */
export function priorityOf(text: string): PriorityCode | null {
  const t = text.trim().toLowerCase();
  for (const code of PRIORITY_CODES) {
    const l = PRIORITY_LABELS[code];
    if (t === code || t === l.nl.toLowerCase() || t === l.en.toLowerCase()) return code;
  }
  return null;
}
