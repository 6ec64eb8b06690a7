/**
 * What the portal's information pages (treaties, calendar, instrument, documents, consultations) share:
 * dates in <time datetime> written the Dutch or English way, names in the page's language, the labels of
 * phases and statuses, and a table with its caption and header cells.
 */
import type { DatePrecision } from '../core/dates.ts';
import { phaseLabel } from '../calendar/labels.ts';
import { cycleLabelIn } from '../cycles/labels.ts';
import { html, raw, type HtmlValue, type PortalLang, type SafeHtml } from './layout.ts';

const MONTHS: Record<PortalLang, string[]> = {
  nl: 'januari februari maart april mei juni juli augustus september oktober november december'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};

/** "2025-03-12" as "12 maart 2025" (or "12 March 2025"); a month or a year only as far as it is known. */
export function dateText(lang: PortalLang, iso: string, precision: DatePrecision = 'day'): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (precision === 'year' || !m) return String(y);
  const month = MONTHS[lang][m - 1] ?? '';
  return precision === 'month' ? `${month} ${y}` : `${d} ${month} ${y}`;
}

/** A calendar date as <time>: its datetime as precise as the date is known ("2025", "2025-03", "2025-03-12"). */
export function dateHtml(
  lang: PortalLang,
  iso: string | null | undefined,
  precision: DatePrecision | null = 'day',
): SafeHtml {
  if (!iso) return html`<span>${lang === 'nl' ? 'onbekend' : 'unknown'}</span>`;
  const p = precision ?? 'day';
  const machine = p === 'year' ? iso.slice(0, 4) : p === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
  return html`<time datetime="${machine}">${dateText(lang, iso, p)}</time>`;
}

const moment = (lang: PortalLang) =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  });

/** A moment (ISO timestamp) as <time>, in Dutch time ("1 maart 2027 om 09:00"). */
export function momentHtml(lang: PortalLang, iso: string): SafeHtml {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return html`${iso}`;
  return html`<time datetime="${d.toISOString()}">${moment(lang).format(d)}</time>`;
}

/** A name in the page's language. */
export const nameIn = (lang: PortalLang, n: { nameNl: string; nameEn: string }): string =>
  lang === 'nl' ? n.nameNl : n.nameEn;

export const phaseName = (lang: PortalLang, kind: string): string => phaseLabel(lang, kind);
export const cycleName = (lang: PortalLang, label: string): string => cycleLabelIn(lang, label);

/** The address of an instrument's page (its code, escaped for the path). */
export const instrumentHref = (base: string, code: string): string => `${base}/${encodeURIComponent(code)}`;

const RATIFICATION: Record<PortalLang, Record<string, string>> = {
  nl: {
    party: 'Partij',
    signatory: 'Ondertekend, niet geratificeerd',
    not_party: 'Geen partij',
    not_applicable: 'Niet van toepassing',
  },
  en: {
    party: 'Party',
    signatory: 'Signed, not ratified',
    not_party: 'Not a party',
    not_applicable: 'Not applicable',
  },
};
export const ratificationName = (lang: PortalLang, status: string): string =>
  RATIFICATION[lang][status] ?? status;

/** Marks shown after a date: derived by a rule, overdue. */
export const MARKS = {
  nl: { derived: 'afgeleid', overdue: 'te laat', none: '—' },
  en: { derived: 'derived', overdue: 'overdue', none: '—' },
} as const;

/** A due date with its marks ("12 maart 2026 (afgeleid, te laat)"). */
export function dueHtml(
  lang: PortalLang,
  d: { date: string; datePrecision: DatePrecision | null; derived?: boolean; overdue?: boolean } | null,
): SafeHtml {
  if (!d) return html`${MARKS[lang].none}`;
  const marks: string[] = [];
  if (d.derived) marks.push(MARKS[lang].derived);
  if (d.overdue) marks.push(MARKS[lang].overdue);
  return html`${dateHtml(lang, d.date, d.datePrecision)}${
    marks.length ? html` <span class="rd-portal-meta">(${marks.join(', ')})</span>` : ''
  }`;
}

/** A table with a caption, header cells of scope col, and the first cell of each row a header of scope row. */
export function dataTable(caption: string, headers: string[], rows: HtmlValue[][]): SafeHtml {
  return html`<div class="rd-portal-table-wrap">
    <table class="utrecht-table utrecht-table--html-table">
      <caption class="utrecht-table__caption">
        ${caption}
      </caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          ${headers.map((h) => html`<th class="utrecht-table__header-cell" scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        ${rows.map(
          (cells) =>
            html`<tr class="utrecht-table__row">
              ${cells.map((c, i) =>
                i === 0
                  ? html`<th class="utrecht-table__header-cell" scope="row">${c}</th>`
                  : html`<td class="utrecht-table__cell">${c}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** A paragraph saying there is nothing to show. */
export const emptyHtml = (text: string): SafeHtml => html`<p class="utrecht-paragraph">${text}</p>`;

/** Plain text (lines) as paragraphs; an empty line or a new line starts a new one. */
export function paragraphsHtml(text: string): SafeHtml {
  const parts = text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return html`${parts.map((p) => html`<p class="utrecht-paragraph">${p}</p>`)}`;
}

/** A link (escaped text and address). */
export const link = (href: string, text: HtmlValue, extra: SafeHtml = raw('')): SafeHtml =>
  html`<a class="utrecht-link" href="${href}" ${extra}>${text}</a>`;
