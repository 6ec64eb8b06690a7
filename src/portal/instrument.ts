/**
 * One instrument (/openbaar/verdragen/:code, /public/treaties/:code): its facts, its reporting cycles
 * (recorded phases with their dates, document symbols and sessions, and the deadlines the rules derive;
 * the derived status of each cycle), its public documents and a link to its published recommendations.
 * Never the notes of phases, nor who overrode a date or confirmed the lead ministry.
 */
import type { LoadedCycle } from '../cycles/load.ts';
import { comparePhases } from '../cycles/status.ts';
import type { Document } from '../documents/schema.ts';
import type { Instrument } from '../instruments/schema.ts';
import { documentKindName } from './documents.ts';
import {
  cycleName,
  dataTable,
  dateHtml,
  dueHtml,
  emptyHtml,
  instrumentHref,
  link,
  MARKS,
  nameIn,
  phaseName,
  ratificationName,
} from './info-format.ts';
import { html, otherLang, portalPath, renderPage, type PortalLang, type SafeHtml } from './layout.ts';
import { treatiesTitle } from './treaties.ts';

const TEXT = {
  nl: {
    facts: 'Gegevens',
    body: 'Toezichthouder',
    status: 'Status voor het Koninkrijk',
    year: 'Jaar van ratificatie',
    periodicity: 'Rapportage elke',
    years: (n: number) => `${n} jaar`,
    lead: 'Eerstverantwoordelijk ministerie',
    coordinating: 'Coördinerend ministerie',
    unknown: 'onbekend',
    unverified: '(niet geverifieerd)',
    cycles: 'Rapportagecycli',
    noCycles: 'Voor dit verdrag zijn nog geen rapportagecycli vastgelegd.',
    current: 'Huidige fase',
    next: 'Volgende stap',
    due: 'Volgende termijn',
    phases: (label: string) => `Fasen van ${label}`,
    headers: ['Fase', 'Datum', 'Documentsymbool', 'Zitting'],
    derivedNote: 'Afgeleide termijnen volgen uit de regels van het comité en zijn nog niet bevestigd.',
    recommendations: 'Aanbevelingen',
    recommendationsLink: (code: string) => `Gepubliceerde aanbevelingen onder ${code}`,
    documents: 'Openbare documenten',
    noDocuments: 'Er zijn nog geen openbare documenten bij dit verdrag.',
    docHeaders: ['Document', 'Soort', 'Symbool', 'Datum'],
    docCaption: (code: string) => `Openbare documenten bij ${code}`,
  },
  en: {
    facts: 'Facts',
    body: 'Monitoring body',
    status: 'Status for the Kingdom',
    year: 'Year of ratification',
    periodicity: 'Reports every',
    years: (n: number) => `${n} ${n === 1 ? 'year' : 'years'}`,
    lead: 'Lead ministry',
    coordinating: 'Coordinating ministry',
    unknown: 'unknown',
    unverified: '(not verified)',
    cycles: 'Reporting cycles',
    noCycles: 'No reporting cycles have been recorded for this treaty yet.',
    current: 'Current phase',
    next: 'Next step',
    due: 'Next due date',
    phases: (label: string) => `Phases of the ${label}`,
    headers: ['Phase', 'Date', 'Document symbol', 'Session'],
    derivedNote: 'Derived due dates follow from the body’s rules and have not yet been confirmed.',
    recommendations: 'Recommendations',
    recommendationsLink: (code: string) => `Published recommendations under ${code}`,
    documents: 'Public documents',
    noDocuments: 'There are no public documents for this treaty yet.',
    docHeaders: ['Document', 'Kind', 'Symbol', 'Date'],
    docCaption: (code: string) => `Public documents for ${code}`,
  },
} as const;

function fact(term: string, value: SafeHtml | string) {
  return html`<div class="utrecht-data-list__item">
    <dt class="utrecht-data-list__item-key">${term}</dt>
    <dd class="utrecht-data-list__item-value">${value}</dd>
  </div>`;
}

function facts(lang: PortalLang, i: Instrument) {
  const t = TEXT[lang];
  return html`<dl class="utrecht-data-list">
    ${fact(t.body, i.monitoringBody ? nameIn(lang, i.monitoringBody) : t.unknown)}
    ${fact(t.status, ratificationName(lang, i.ratificationStatus))}
    ${i.ratificationYear ? fact(t.year, String(i.ratificationYear)) : ''}
    ${i.periodicityYears ? fact(t.periodicity, t.years(i.periodicityYears)) : ''}
    ${fact(
      t.lead,
      i.lead
        ? html`${nameIn(lang, i.lead)}${i.leadVerified ? '' : html` <span class="rd-portal-meta">${t.unverified}</span>`}`
        : t.unknown,
    )}
    ${i.coordinating ? fact(t.coordinating, nameIn(lang, i.coordinating)) : ''}
  </dl>`;
}

/** The recorded phases and the derived deadlines of a cycle, by date (undated last). */
function phaseRows(lang: PortalLang, c: LoadedCycle) {
  const rows = [
    ...c.phases.map((p) => ({
      kind: p.kind,
      date: p.date,
      datePrecision: p.datePrecision,
      symbol: p.symbol,
      session: p.session,
      derived: false,
    })),
    ...c.derivedPhases.map((d) => ({
      kind: d.kind,
      date: d.date as string | null,
      datePrecision: d.datePrecision,
      symbol: null,
      session: null,
      derived: true,
    })),
  ].sort(comparePhases);
  const none = MARKS[lang].none;
  return rows.map((r) => [
    phaseName(lang, r.kind),
    r.date
      ? dueHtml(lang, { date: r.date, datePrecision: r.datePrecision, derived: r.derived })
      : dateHtml(lang, null),
    r.symbol ?? none,
    r.session ?? none,
  ]);
}

function cycleSection(lang: PortalLang, c: LoadedCycle, index: number) {
  const t = TEXT[lang];
  const s = c.status;
  const label = cycleName(lang, c.label);
  const id = `cyclus-${index + 1}`;
  return html`<section aria-labelledby="${id}">
    <h3 class="utrecht-heading-3" id="${id}">${label}</h3>
    <dl class="utrecht-data-list">
      ${fact(
        t.current,
        s.currentPhase
          ? html`${phaseName(lang, s.currentPhase)}
            (${dateHtml(lang, s.currentPhaseDate, s.currentPhasePrecision)})`
          : t.unknown,
      )}
      ${s.nextStep ? fact(t.next, phaseName(lang, s.nextStep)) : ''}
      ${
        s.nextDueDate
          ? fact(
              t.due,
              dueHtml(lang, {
                date: s.nextDueDate,
                datePrecision: s.nextDuePrecision,
                derived: s.nextDueDerived,
                overdue: s.overdue,
              }),
            )
          : ''
      }
    </dl>
    ${
      c.phases.length || c.derivedPhases.length
        ? dataTable(t.phases(label), [...t.headers], phaseRows(lang, c))
        : ''
    }
  </section>`;
}

function documentsSection(lang: PortalLang, code: string, docs: Document[]) {
  const t = TEXT[lang];
  if (!docs.length) return emptyHtml(t.noDocuments);
  const none = MARKS[lang].none;
  return dataTable(
    t.docCaption(code),
    [...t.docHeaders],
    docs.map((d) => [
      d.url && /^https?:\/\//i.test(d.url) ? link(d.url, d.title) : d.title,
      documentKindName(lang, d.kind),
      d.symbol ?? none,
      d.date ? dateHtml(lang, d.date) : none,
    ]),
  );
}

export interface InstrumentPageData {
  instrument: Instrument;
  cycles: LoadedCycle[];
  documents: Document[];
}

export function instrumentPage(lang: PortalLang, d: InstrumentPageData, origin?: string): string {
  const t = TEXT[lang];
  const i = d.instrument;
  const base = portalPath(lang, 'verdragen');
  const recommendations = portalPath(lang, `aanbevelingen?instrumentId=${encodeURIComponent(i.id)}`);
  const cycles = [...d.cycles].sort((a, b) => b.sequence - a.sequence);
  return renderPage({
    lang,
    origin,
    title: `${i.shortName} — ${nameIn(lang, i)}`,
    description: nameIn(lang, i),
    path: instrumentHref(base, i.code),
    alternatePath: instrumentHref(portalPath(otherLang(lang), 'verdragen'), i.code),
    breadcrumbs: [{ label: treatiesTitle(lang), href: base }],
    main: html`<h1 class="utrecht-heading-1">${i.shortName}: ${nameIn(lang, i)}</h1>
      <section aria-labelledby="gegevens">
        <h2 class="utrecht-heading-2" id="gegevens">${t.facts}</h2>
        ${facts(lang, i)}
      </section>
      <section aria-labelledby="aanbevelingen">
        <h2 class="utrecht-heading-2" id="aanbevelingen">${t.recommendations}</h2>
        <p class="utrecht-paragraph">${link(recommendations, t.recommendationsLink(i.shortName))}</p>
      </section>
      <section aria-labelledby="cycli">
        <h2 class="utrecht-heading-2" id="cycli">${t.cycles}</h2>
        ${
          cycles.length
            ? html`<p class="utrecht-paragraph">${t.derivedNote}</p>
                ${cycles.map((c, n) => cycleSection(lang, c, n))}`
            : emptyHtml(t.noCycles)
        }
      </section>
      <section aria-labelledby="documenten">
        <h2 class="utrecht-heading-2" id="documenten">${t.documents}</h2>
        ${documentsSection(lang, i.shortName, d.documents)}
      </section>`,
  });
}
