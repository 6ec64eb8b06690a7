/** The treaty overview (/openbaar/verdragen, /public/treaties): each instrument, its body, lead ministry and cycle. */
import type { OverviewRow } from '../instruments/schema.ts';
import {
  cycleName,
  dataTable,
  dateHtml,
  dueHtml,
  emptyHtml,
  instrumentHref,
  link,
  nameIn,
  phaseName,
  ratificationName,
} from './info-format.ts';
import { html, otherLang, portalPath, renderPage, type PortalLang } from './layout.ts';

const TEXT = {
  nl: {
    title: 'Verdragen',
    intro:
      'De mensenrechtenverdragen waarbij het Koninkrijk partij is, en de Universal Periodic Review van de VN-Mensenrechtenraad. Per verdrag het toezichthoudende comité, het eerstverantwoordelijke ministerie, de fase van de huidige rapportagecyclus en de eerstvolgende termijn. Afgeleide termijnen volgen uit de regels van het comité en zijn nog niet door de regering bevestigd.',
    caption: 'Verdragen met toezichthouder, ministerie, huidige cyclus en volgende termijn',
    headers: [
      'Verdrag',
      'Toezichthouder',
      'Status',
      'Eerstverantwoordelijk ministerie',
      'Huidige cyclus',
      'Volgende termijn',
    ],
    none: 'Er zijn nog geen verdragen vastgelegd.',
    unknown: 'onbekend',
    unverified: '(niet geverifieerd)',
  },
  en: {
    title: 'Treaties',
    intro:
      'The human rights treaties the Kingdom is a party to, and the Universal Periodic Review of the UN Human Rights Council. For each: the monitoring body, the lead ministry, the phase of the current reporting cycle and the next due date. Derived due dates follow from the body’s rules and have not yet been confirmed by the government.',
    caption: 'Treaties with monitoring body, ministry, current cycle and next due date',
    headers: ['Treaty', 'Monitoring body', 'Status', 'Lead ministry', 'Current cycle', 'Next due date'],
    none: 'No treaties have been recorded yet.',
    unknown: 'unknown',
    unverified: '(not verified)',
  },
} as const;

export const treatiesTitle = (lang: PortalLang): string => TEXT[lang].title;

function row(lang: PortalLang, r: OverviewRow) {
  const t = TEXT[lang];
  const base = portalPath(lang, 'verdragen');
  const current = r.currentPhase
    ? html`${cycleName(lang, r.currentPhase.cycleLabel)}: ${phaseName(lang, r.currentPhase.kind)}
      (${dateHtml(lang, r.currentPhase.date, r.currentPhase.datePrecision)})`
    : html`${t.unknown}`;
  const next = r.nextDue
    ? html`${phaseName(lang, r.nextDue.kind)}: ${dueHtml(lang, r.nextDue)}`
    : dueHtml(lang, null);
  return [
    html`${link(instrumentHref(base, r.code), r.shortName)}<br /><span class="rd-portal-meta"
        >${nameIn(lang, r)}</span
      >`,
    r.monitoringBody ? nameIn(lang, r.monitoringBody) : t.unknown,
    ratificationName(lang, r.ratificationStatus),
    r.lead
      ? html`${nameIn(lang, r.lead)}${r.leadVerified ? '' : html` <span class="rd-portal-meta">${t.unverified}</span>`}`
      : t.unknown,
    current,
    next,
  ];
}

export function treatiesPage(lang: PortalLang, rows: OverviewRow[], origin?: string): string {
  const t = TEXT[lang];
  return renderPage({
    lang,
    origin,
    title: t.title,
    description: t.intro,
    path: portalPath(lang, 'verdragen'),
    alternatePath: portalPath(otherLang(lang), 'verdragen'),
    breadcrumbs: [],
    main: html`<h1 class="utrecht-heading-1">${t.title}</h1>
      <p class="utrecht-paragraph">${t.intro}</p>
      ${
        rows.length
          ? dataTable(
              t.caption,
              [...t.headers],
              rows.map((r) => row(lang, r)),
            )
          : emptyHtml(t.none)
      }`,
  });
}
