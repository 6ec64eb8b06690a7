/**
 * The follow-up priorities as a download (.csv and .xlsx): the rows of the priorities table, in its
 * order, with the full text, the deadline at its precision ("2026-05" for a month) and overdue and
 * sent as words, not colours.
 */
import { POSITION_LABELS } from '../followup/labels.ts';
import { csvOf, xlsxOf, type Cell } from './download.ts';
import { STATUS_LABELS, type Lang } from './labels.ts';
import type { Priorities } from './schema.ts';

const HEADER: Record<Lang, string[]> = {
  nl: [
    'Orgaan',
    'Documentkenmerk',
    'Paragraaf',
    'Tekst',
    'Trekker',
    'Standpunt',
    'Laatste status',
    'Termijn follow-up',
    'Te laat',
    'Verzonden',
  ],
  en: [
    'Body',
    'Symbol',
    'Paragraph',
    'Text',
    'Lead',
    'Position',
    'Latest status',
    'Follow-up due',
    'Overdue',
    'Sent',
  ],
};
const YES_NO: Record<Lang, [string, string]> = { nl: ['ja', 'nee'], en: ['yes', 'no'] };

/** A deadline at its precision: the day, "2026-05" for a month, "2026" for a year. */
export function dueAt(date: string | null, precision: 'day' | 'month' | 'year' | null): string {
  if (!date) return '';
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date.slice(0, 10);
}

/** The header and one row per priority, as in the table of the dashboard. */
export function prioritiesTable(p: Priorities, lang: Lang): Cell[][] {
  const positions: Record<string, string> = POSITION_LABELS[lang];
  const yesNo = (b: boolean) => YES_NO[lang][b ? 0 : 1];
  return [
    HEADER[lang],
    ...p.items.map((i) => [
      i.bodyCode ?? '',
      i.symbol ?? '',
      i.paragraph ?? '',
      i.text,
      i.lead ?? '',
      i.position ? (positions[i.position] ?? i.position) : '',
      STATUS_LABELS[i.latestStatus][lang],
      dueAt(i.dueDate, i.duePrecision),
      yesNo(i.overdue),
      yesNo(i.submitted),
    ]),
  ];
}

export const prioritiesCsv = (p: Priorities, lang: Lang): string => csvOf(prioritiesTable(p, lang));

export const prioritiesXlsx = (p: Priorities, lang: Lang): Promise<Buffer> =>
  xlsxOf(lang === 'nl' ? 'Prioriteiten' : 'Priorities', prioritiesTable(p, lang), {
    widths: [10, 22, 10, 80, 10, 18, 22, 16, 10, 10],
    wrap: [3],
  });
