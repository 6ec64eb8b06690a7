/**
 * The calendar (/openbaar/kalender, /public/calendar): the deadlines of the reporting cycles that are not
 * yet met, overdue ones first, within a period chosen in a GET form. Only public facts: the instrument,
 * the cycle, the step, the date and the lead ministry (no notes, no names of users).
 */
import { z } from 'zod';
import type { Deadline } from '../calendar/schema.ts';
import {
  cycleName,
  dataTable,
  dueHtml,
  emptyHtml,
  instrumentHref,
  link,
  nameIn,
  phaseName,
} from './info-format.ts';
import { html, otherLang, portalPath, raw, renderPage, type PortalLang } from './layout.ts';

export const PERIODS = ['90', '180', '365', '730', '1825'] as const;
export const OVERDUE = ['include', 'only', 'exclude'] as const;

/** The calendar's filter: a period ahead (days) and what to do with overdue deadlines. */
export const CalendarFilter = z.object({
  within: z.enum(PERIODS).default('365'),
  overdue: z.enum(OVERDUE).default('include'),
});
export type CalendarFilter = z.infer<typeof CalendarFilter>;

const TEXT = {
  nl: {
    title: 'Kalender',
    intro:
      'Welke rapportages, antwoorden en vervolgrapportages het Koninkrijk moet indienen, en wanneer. Verstreken termijnen staan bovenaan. Afgeleide termijnen volgen uit de regels van het comité en zijn nog niet door de regering bevestigd.',
    filter: 'Periode kiezen',
    within: 'Termijnen in de komende',
    periods: {
      '90': '3 maanden',
      '180': '6 maanden',
      '365': '12 maanden',
      '730': '2 jaar',
      '1825': '5 jaar',
    },
    overdue: 'Verstreken termijnen',
    overdueOptions: { include: 'Ook tonen', only: 'Alleen deze tonen', exclude: 'Niet tonen' },
    apply: 'Toon termijnen',
    caption: (n: number) => `${n} ${n === 1 ? 'termijn' : 'termijnen'}`,
    headers: ['Verdrag', 'Cyclus', 'Stap', 'Termijn', 'Eerstverantwoordelijk ministerie'],
    none: 'Er zijn geen termijnen in deze periode.',
    unknown: 'onbekend',
    bad: {
      title: 'Ongeldige keuze',
      within: 'Kies een periode uit de lijst: 3 maanden, 6 maanden, 12 maanden, 2 jaar of 5 jaar.',
      overdue: 'Kies bij verstreken termijnen: ook tonen, alleen deze tonen of niet tonen.',
    },
  },
  en: {
    title: 'Calendar',
    intro:
      'Which reports, replies and follow-up reports the Kingdom must submit, and when. Overdue deadlines come first. Derived due dates follow from the body’s rules and have not yet been confirmed by the government.',
    filter: 'Choose a period',
    within: 'Deadlines in the next',
    periods: { '90': '3 months', '180': '6 months', '365': '12 months', '730': '2 years', '1825': '5 years' },
    overdue: 'Overdue deadlines',
    overdueOptions: { include: 'Show them too', only: 'Show only these', exclude: 'Do not show' },
    apply: 'Show deadlines',
    caption: (n: number) => `${n} ${n === 1 ? 'deadline' : 'deadlines'}`,
    headers: ['Treaty', 'Cycle', 'Step', 'Due date', 'Lead ministry'],
    none: 'There are no deadlines in this period.',
    unknown: 'unknown',
    bad: {
      title: 'Invalid choice',
      within: 'Choose a period from the list: 3 months, 6 months, 12 months, 2 years or 5 years.',
      overdue: 'For overdue deadlines choose: show them too, show only these, or do not show.',
    },
  },
} as const;

export const calendarTitle = (lang: PortalLang): string => TEXT[lang].title;

/** What to fix in a bad filter, one sentence per field, in the page's language. */
export function calendarFilterErrors(lang: PortalLang, error: z.ZodError): string[] {
  const fields = new Set(error.issues.map((i) => String(i.path[0])));
  const bad = TEXT[lang].bad;
  return [...(fields.has('within') ? [bad.within] : []), ...(fields.has('overdue') ? [bad.overdue] : [])];
}
export const calendarErrorTitle = (lang: PortalLang): string => TEXT[lang].bad.title;

function select<V extends string>(
  id: string,
  label: string,
  options: readonly V[],
  names: Record<V, string>,
  value: V,
) {
  return html`<div class="utrecht-form-field utrecht-form-field--select">
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for="${id}">${label}</label>
    </div>
    <div class="utrecht-form-field__input">
      <select class="utrecht-select utrecht-select--html-select" id="${id}" name="${id}">
        ${options.map(
          (o) => html`<option value="${o}" ${o === value ? raw('selected') : ''}>${names[o]}</option>`,
        )}
      </select>
    </div>
  </div>`;
}

function row(lang: PortalLang, d: Deadline) {
  const base = portalPath(lang, 'verdragen');
  return [
    link(instrumentHref(base, d.instrumentCode), d.instrumentShortName),
    cycleName(lang, d.cycleLabel),
    phaseName(lang, d.kind),
    dueHtml(lang, d),
    d.lead ? nameIn(lang, d.lead) : TEXT[lang].unknown,
  ];
}

export function calendarPage(
  lang: PortalLang,
  filter: CalendarFilter,
  deadlines: Deadline[],
  origin?: string,
): string {
  const t = TEXT[lang];
  const path = portalPath(lang, 'kalender');
  const query = `within=${filter.within}&overdue=${filter.overdue}`;
  return renderPage({
    lang,
    origin,
    title: t.title,
    description: t.intro,
    path,
    alternatePath: portalPath(otherLang(lang), `kalender?${query}`),
    breadcrumbs: [],
    main: html`<h1 class="utrecht-heading-1">${t.title}</h1>
      <p class="utrecht-paragraph">${t.intro}</p>
      <form method="get" action="${path}" aria-labelledby="kalender-filter">
        <h2 class="utrecht-heading-2" id="kalender-filter">${t.filter}</h2>
        <div class="rd-portal-filters">
          ${select('within', t.within, PERIODS, t.periods, filter.within)}
          ${select('overdue', t.overdue, OVERDUE, t.overdueOptions, filter.overdue)}
        </div>
        <p class="utrecht-paragraph">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">${t.apply}</button>
        </p>
      </form>
      ${
        deadlines.length
          ? dataTable(
              t.caption(deadlines.length),
              [...t.headers],
              deadlines.map((d) => row(lang, d)),
            )
          : emptyHtml(t.none)
      }`,
  });
}
