/**
 * One published recommendation (/openbaar/aanbevelingen/:id, /public/recommendations/:id): its text,
 * where it comes from, the government's position, the lead ministry, the actions and the approved
 * progress. Only what src/followup/public-followup.ts makes public; no names of people, no drafts.
 */
import { cycleLabelIn } from '../cycles/labels.ts';
import { POSITION_LABELS, STATUS_LABELS } from '../followup/labels.ts';
import { FIELD_LABELS, MECHANISM_LABELS } from './labels.ts';
import { html, otherLang, portalPath, renderPage, type PortalLang, type SafeHtml } from './layout.ts';
import { excerpt, longDate, recommendationText, stateName } from './present.ts';
import type { PublicAction, PublicRecommendation } from './service.ts';

const TEXT = {
  nl: {
    list: 'Aanbevelingen',
    title: (where: string) => `Aanbeveling ${where}`,
    from: 'van',
    para: 'par.',
    text: 'Tekst van de aanbeveling',
    original: 'Oorspronkelijke tekst (Engels)',
    details: 'Herkomst',
    body: 'Orgaan',
    instrument: 'Verdrag of mechanisme',
    cycle: 'Rapportagecyclus',
    symbol: 'Documentkenmerk',
    paragraph: 'Paragraaf',
    year: 'Jaar',
    themes: "Thema's",
    groups: 'Betrokken groepen',
    sdgs: 'SDG-subdoelen',
    position: 'Standpunt van de regering',
    positionKey: 'Standpunt',
    noPosition: 'De regering heeft nog geen standpunt vastgelegd.',
    appreciation: 'Appreciatie',
    explanation: 'Toelichting',
    recordedOn: 'Vastgelegd op',
    lead: 'Verantwoordelijk ministerie',
    noLead: 'Nog niet toegewezen.',
    actions: 'Acties',
    noActions: 'Er zijn (nog) geen acties aan deze aanbeveling gekoppeld.',
    action: 'Actie',
    status: 'Status',
    period: 'Periode',
    noStatus: 'nog geen voortgang',
    progress: 'Voortgang',
    noProgress: 'Er is nog geen goedgekeurde voortgang.',
    approvedOn: 'goedgekeurd op',
    viaCluster: 'via een cluster van aanbevelingen',
    openData: 'Open data',
    json: 'Deze aanbeveling als JSON (open data)',
    allData: 'Alle open data',
    publishedOn: 'Gepubliceerd op',
  },
  en: {
    list: 'Recommendations',
    title: (where: string) => `Recommendation ${where}`,
    from: 'by',
    para: 'para.',
    text: 'Text of the recommendation',
    original: 'Original text (English)',
    details: 'Origin',
    body: 'Body',
    instrument: 'Treaty or mechanism',
    cycle: 'Reporting cycle',
    symbol: 'Document symbol',
    paragraph: 'Paragraph',
    year: 'Year',
    themes: 'Themes',
    groups: 'Affected persons',
    sdgs: 'SDG targets',
    position: 'Government position',
    positionKey: 'Position',
    noPosition: 'The government has not recorded a position yet.',
    appreciation: 'Appreciation',
    explanation: 'Explanation',
    recordedOn: 'Recorded on',
    lead: 'Lead ministry',
    noLead: 'Not assigned yet.',
    actions: 'Actions',
    noActions: 'No actions are linked to this recommendation (yet).',
    action: 'Action',
    status: 'Status',
    period: 'Period',
    noStatus: 'no progress yet',
    progress: 'Progress',
    noProgress: 'There is no approved progress yet.',
    approvedOn: 'approved on',
    viaCluster: 'through a cluster of recommendations',
    openData: 'Open data',
    json: 'This recommendation as JSON (open data)',
    allData: 'All open data',
    publishedOn: 'Published on',
  },
} as const;

const row = (key: string, value: SafeHtml | string | null | undefined): SafeHtml =>
  value === null || value === undefined || value === ''
    ? html``
    : html`<div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">${key}</dt>
        <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">${value}</dd>
      </div>`;

function period(lang: PortalLang, start: string | null, end: string | null): string {
  if (!start && !end) return '—';
  return [start ? longDate(lang, start) : '…', end ? longDate(lang, end) : '…'].join(' – ');
}

function actionsTable(lang: PortalLang, actions: PublicAction[]): SafeHtml {
  const t = TEXT[lang];
  if (!actions.length) return html`<p class="utrecht-paragraph">${t.noActions}</p>`;
  return html`<div class="rd-portal-table-wrap">
    <table class="utrecht-table">
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="col">${t.action}</th>
          <th class="utrecht-table__header-cell" scope="col">${t.status}</th>
          <th class="utrecht-table__header-cell" scope="col">${t.period}</th>
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        ${actions.map(
          (a) =>
            html`<tr class="utrecht-table__row">
              <td class="utrecht-table__cell">${a.title}</td>
              <td class="utrecht-table__cell">${a.status ? STATUS_LABELS[lang][a.status] : t.noStatus}</td>
              <td class="utrecht-table__cell">${period(lang, a.startDate, a.endDate)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/**
 * What names a recommendation in its title: its document symbol and paragraph, else (a UPR Info row has
 * none) who made it and when: "van Duitsland, Brazilië (UPR 3e cyclus)".
 */
function headline(lang: PortalLang, r: PublicRecommendation['recommendation'], cycle: string | null): string {
  const t = TEXT[lang];
  if (r.symbol) return `${r.symbol}${r.paragraph ? ` ${t.para} ${r.paragraph}` : ''}`;
  const states = r.recommendingStates.map((s) => stateName(lang, s)).join(', ');
  const by = states ? `${t.from} ${states}` : (r.bodyCode ?? MECHANISM_LABELS[lang][r.mechanism]);
  const when = cycle ?? (r.year ? String(r.year) : null);
  return when ? `${by} (${when})` : by;
}

export function recommendationPage(lang: PortalLang, origin: string, p: PublicRecommendation): string {
  const t = TEXT[lang];
  const r = p.recommendation;
  const f = p.followUp;
  const cycle = p.place?.cycle_label ? cycleLabelIn(lang, p.place.cycle_label) : null;
  const title = t.title(headline(lang, r, cycle));
  const { text, textLang } = recommendationText(lang, r);
  const langAttr = (l: PortalLang) => (l !== lang ? html` lang="${l}"` : '');
  const terms = (scheme: string) =>
    r.terms
      .filter((x) => x.scheme === scheme)
      .map(
        (x) =>
          (scheme === 'sdg_target' ? `${x.code} ` : '') +
          (lang === 'nl' ? (x.labelNl ?? x.labelEn) : x.labelEn),
      )
      .join('; ');
  const instrument = p.place?.instrument_code
    ? html`<a class="utrecht-link" href="${portalPath(lang, `verdragen/${p.place.instrument_code}`)}"
        >${lang === 'nl' ? p.place.instrument_name_nl : p.place.instrument_name_en}</a
      >`
    : null;
  const position = f.position;
  const main = html`<h1 class="utrecht-heading-1">${title}</h1>
    <p class="utrecht-paragraph rd-portal-meta">${t.publishedOn} ${longDate(lang, f.publishedAt)}</p>
    <h2 class="utrecht-heading-2">${t.text}</h2>
    <blockquote class="rd-portal-quote" ${langAttr(textLang)}>
      <p class="utrecht-paragraph">${text}</p>
    </blockquote>
    ${
      textLang !== 'en'
        ? html`<details>
            <summary>${t.original}</summary>
            <p class="utrecht-paragraph" lang="en">${r.text}</p>
          </details>`
        : ''
    }
    <h2 class="utrecht-heading-2">${t.details}</h2>
    <dl class="utrecht-data-list utrecht-data-list--rows">
      ${row(FIELD_LABELS[lang].mechanism, MECHANISM_LABELS[lang][r.mechanism])} ${row(t.body, r.bodyCode)}
      ${row(t.instrument, instrument)} ${row(t.cycle, cycle)} ${row(t.symbol, r.symbol)}
      ${row(t.paragraph, r.paragraph)} ${row(t.year, r.year ? String(r.year) : null)}
      ${row(FIELD_LABELS[lang].state, stateName(lang, r.stateUnderReview))}
      ${row(FIELD_LABELS[lang].recommendingState, r.recommendingStates.map((s) => stateName(lang, s)).join(', '))}
      ${row(t.themes, terms('uhri_theme'))} ${row(t.groups, terms('uhri_group'))}
      ${row(t.sdgs, terms('sdg_target'))}
    </dl>
    <h2 class="utrecht-heading-2" id="standpunt">${t.position}</h2>
    ${
      position
        ? html`<dl class="utrecht-data-list utrecht-data-list--rows">
            ${row(t.positionKey, position.position ? POSITION_LABELS[lang][position.position] : null)}
            ${row(t.appreciation, position.appreciation)} ${row(t.explanation, position.explanation)}
            ${row(t.recordedOn, longDate(lang, position.date))}
          </dl>`
        : html`<p class="utrecht-paragraph">${t.noPosition}</p>`
    }
    <h2 class="utrecht-heading-2">${t.lead}</h2>
    <p class="utrecht-paragraph">${f.lead ? (lang === 'nl' ? f.lead.nameNl : f.lead.nameEn) : t.noLead}</p>
    <h2 class="utrecht-heading-2">${t.actions}</h2>
    ${actionsTable(lang, p.actions)}
    <h2 class="utrecht-heading-2" id="voortgang">${t.progress}</h2>
    ${
      f.progress.length
        ? html`<ol class="utrecht-ordered-list rd-portal-progress">
            ${f.progress.map(
              (u) =>
                html`<li class="utrecht-ordered-list__item">
                  <p class="utrecht-paragraph">
                    <strong>${STATUS_LABELS[lang][u.status]}</strong> —
                    ${period(lang, u.periodStart, u.periodEnd)} (${t.approvedOn}
                    ${longDate(lang, u.approvedOn)}${u.viaCluster ? `, ${t.viaCluster}` : ''})
                  </p>
                  <p class="utrecht-paragraph">${u.text}</p>
                </li>`,
            )}
          </ol>`
        : html`<p class="utrecht-paragraph">${t.noProgress}</p>`
    }
    <h2 class="utrecht-heading-2">${t.openData}</h2>
    <ul class="utrecht-unordered-list">
      <li class="utrecht-unordered-list__item">
        <a class="utrecht-link" href="/api/open-data/recommendations/${r.id}" type="application/json"
          >${t.json}</a
        >
      </li>
      <li class="utrecht-unordered-list__item">
        <a class="utrecht-link" href="${portalPath(lang, 'open-data')}">${t.allData}</a>
      </li>
    </ul>`;
  const description = [
    excerpt(text, 200),
    position?.position ? `${t.position}: ${POSITION_LABELS[lang][position.position]}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return renderPage({
    lang,
    origin,
    title,
    description,
    path: portalPath(lang, `aanbevelingen/${r.id}`),
    alternatePath: portalPath(otherLang(lang), `aanbevelingen/${r.id}`),
    breadcrumbs: [{ label: t.list, href: portalPath(lang, 'aanbevelingen') }],
    main,
  });
}
