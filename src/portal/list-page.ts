/** The portal's search of published recommendations (/openbaar/aanbevelingen, /public/recommendations). */
import { cycleLabelIn } from '../cycles/labels.ts';
import { POSITION_LABELS } from '../followup/labels.ts';
import type { Facet, Mechanism, Position, RecommendationPage } from '../recommendations/schema.ts';
import { FIELD_LABELS, MECHANISM_LABELS, SOURCE_POSITION_LABELS } from './labels.ts';
import { html, otherLang, portalPath, renderPage, type PortalLang, type SafeHtml } from './layout.ts';
import { PAGE_SIZE, queryString, type PortalSearchQuery } from './query.ts';
import type { PlaceRow } from './service.ts';
import { excerpt, recommendationText, stateName } from './present.ts';

const TEXT = {
  nl: {
    title: 'Aanbevelingen',
    intro:
      'Aanbevelingen van VN-comités, de Universal Periodic Review en andere organen aan het Koninkrijk, waarvan de regering haar standpunt en de voortgang openbaar heeft gemaakt.',
    filters: 'Filters',
    all: 'Alle',
    search: 'Zoeken',
    clear: 'Alle filters wissen',
    found: (n: number) => (n === 1 ? '1 aanbeveling gevonden' : `${n} aanbevelingen gevonden`),
    none: 'Geen gepubliceerde aanbevelingen gevonden. Probeer andere zoekwoorden of minder filters.',
    alsoSearched: 'Ook gezocht op',
    position: 'Standpunt van de regering',
    noPosition: 'nog geen standpunt',
    pages: 'Paginering',
    prev: 'Vorige pagina',
    next: 'Volgende pagina',
    pageOf: (p: number, n: number) => `Pagina ${p} van ${n}`,
  },
  en: {
    title: 'Recommendations',
    intro:
      'Recommendations of UN committees, the Universal Periodic Review and other bodies to the Kingdom, of which the government has published its position and progress.',
    filters: 'Filters',
    all: 'All',
    search: 'Search',
    clear: 'Clear all filters',
    found: (n: number) => (n === 1 ? '1 recommendation found' : `${n} recommendations found`),
    none: 'No published recommendations found. Try other words or fewer filters.',
    alsoSearched: 'Also searched for',
    position: 'Government position',
    noPosition: 'no position yet',
    pages: 'Pagination',
    prev: 'Previous page',
    next: 'Next page',
    pageOf: (p: number, n: number) => `Page ${p} of ${n}`,
  },
} as const;

type FilterName =
  'mechanism' | 'instrumentId' | 'cycleId' | 'termId' | 'position' | 'recommendingState' | 'state';
/** Each filter of the form and the facet of the search that offers its values. */
const FILTERS: [FilterName, string][] = [
  ['mechanism', 'mechanism'],
  ['instrumentId', 'instrument'],
  ['cycleId', 'cycle'],
  ['termId', 'theme'],
  ['position', 'position'],
  ['recommendingState', 'recommendingState'],
  ['state', 'state'],
];

function facetLabel(lang: PortalLang, name: FilterName, f: Facet): string {
  if (name === 'mechanism') return MECHANISM_LABELS[lang][f.value as Mechanism] ?? f.value;
  if (name === 'position') return SOURCE_POSITION_LABELS[lang][f.value as Position] ?? f.value;
  if (name === 'cycleId') return lang === 'nl' ? (f.labelNl ?? f.label ?? f.value) : (f.label ?? f.value);
  if (name === 'state' || name === 'recommendingState') return stateName(lang, f.value);
  return (lang === 'nl' ? f.labelNl : undefined) ?? f.label ?? f.value;
}

function select(lang: PortalLang, name: FilterName, facets: Facet[], selected: string | undefined): SafeHtml {
  const id = `filter-${name}`;
  const options =
    facets.some((f) => f.value === selected) || !selected
      ? facets
      : [{ value: selected, count: 0 }, ...facets];
  return html`<div class="utrecht-form-field utrecht-form-field--select">
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for="${id}">${FIELD_LABELS[lang][name]}</label>
    </div>
    <div class="utrecht-form-field__input">
      <select class="utrecht-select utrecht-select--html-select" id="${id}" name="${name}">
        <option value="">${TEXT[lang].all}</option>
        ${options.map(
          (f) =>
            html`<option value="${f.value}" ${f.value === selected ? html` selected` : ''}>
              ${facetLabel(lang, name, f)} (${f.count})
            </option>`,
        )}
      </select>
    </div>
  </div>`;
}

function pagination(
  lang: PortalLang,
  path: string,
  query: PortalSearchQuery,
  page: number,
  total: number,
): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return html``;
  const t = TEXT[lang];
  return html`<nav class="utrecht-pagination" aria-label="${t.pages}">
    ${page > 1 ? html`<a class="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev utrecht-link" rel="prev" href="${path + queryString(query, page - 1)}">${t.prev}</a>` : ''}
    <span class="utrecht-pagination__page-link utrecht-pagination__page-link--current" aria-current="page"
      >${t.pageOf(page, pages)}</span
    >
    ${page < pages ? html`<a class="utrecht-pagination__relative-link utrecht-pagination__relative-link--next utrecht-link" rel="next" href="${path + queryString(query, page + 1)}">${t.next}</a>` : ''}
  </nav>`;
}

export interface ListPageInput {
  lang: PortalLang;
  origin: string;
  query: PortalSearchQuery;
  result: RecommendationPage;
  places: Map<string, PlaceRow>;
}

export function listPage({ lang, origin, query, result, places }: ListPageInput): string {
  const t = TEXT[lang];
  const path = portalPath(lang, 'aanbevelingen');
  const page = query.page ?? 1;
  const items = result.items.map((r) => {
    const place = places.get(r.id);
    const { text, textLang } = recommendationText(lang, r);
    const href = portalPath(lang, `aanbevelingen/${r.id}`);
    const where = [
      r.symbol
        ? `${r.symbol}${r.paragraph ? `, ${lang === 'nl' ? 'par.' : 'para.'} ${r.paragraph}` : ''}`
        : null,
      r.bodyCode,
      r.recommendingStates.map((name) => stateName(lang, name)).join(', ') || null,
      place?.cycle_label ? cycleLabelIn(lang, place.cycle_label) : null,
      r.year ? String(r.year) : null,
    ]
      .filter(Boolean)
      .join(' · ');
    const position = place?.gov_position ? POSITION_LABELS[lang][place.gov_position] : t.noPosition;
    return html`<li class="rd-portal-result">
      <h3 class="utrecht-heading-3">
        <a class="utrecht-link" href="${href}" ${textLang !== lang ? html` lang="${textLang}"` : ''}
          >${excerpt(text, 160)}</a
        >
      </h3>
      <p class="utrecht-paragraph rd-portal-meta">${where}</p>
      <p class="utrecht-paragraph rd-portal-meta">${t.position}: ${position}</p>
    </li>`;
  });
  return renderPage({
    lang,
    origin,
    title: page > 1 ? `${t.title} (${page})` : t.title,
    description: t.intro,
    path: path + queryString(query),
    alternatePath: portalPath(otherLang(lang), 'aanbevelingen') + queryString(query),
    breadcrumbs: [],
    main: html`<h1 class="utrecht-heading-1">${t.title}</h1>
      <p class="utrecht-paragraph">${t.intro}</p>
      <form method="get" action="${path}" role="search" aria-label="${t.title}">
        <div class="rd-portal-search">
          <div class="utrecht-form-field utrecht-form-field--text">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="filter-q">${FIELD_LABELS[lang].q}</label>
            </div>
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                id="filter-q"
                name="q"
                type="search"
                value="${query.q ?? ''}"
              />
            </div>
          </div>
        </div>
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">${t.filters}</legend>
          <div class="rd-portal-filters">
            ${FILTERS.map(([name, facet]) => select(lang, name, result.facets[facet] ?? [], query[name] as string | undefined))}
          </div>
        </fieldset>
        <p class="utrecht-paragraph rd-portal-submit">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">${t.search}</button>
          <a class="utrecht-link" href="${path}">${t.clear}</a>
        </p>
      </form>
      <h2 class="utrecht-heading-2" id="resultaten">${t.found(result.total)}</h2>
      ${result.alsoSearched.length ? html`<p class="utrecht-paragraph">${t.alsoSearched}: <span lang="en">${result.alsoSearched.join(', ')}</span></p>` : ''}
      ${
        result.items.length
          ? html`<ol class="rd-portal-results" aria-labelledby="resultaten">
              ${items}
            </ol>`
          : html`<p class="utrecht-paragraph">${t.none}</p>`
      }
      ${pagination(lang, path, query, page, result.total)}`,
  });
}
