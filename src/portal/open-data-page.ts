/** The portal's open data page (/openbaar/open-data, /public/open-data): every download of src/opendata. */
import { DATASETS, FORMATS, type Format } from '../opendata/datasets.ts';
import { html, otherLang, portalPath, renderPage, type PortalLang } from './layout.ts';

const FORMAT_LABELS: Record<PortalLang, Record<Format, string>> = {
  nl: { csv: 'CSV (komma-gescheiden, UTF-8)', xlsx: 'Excel (.xlsx)', json: 'JSON' },
  en: { csv: 'CSV (comma-separated, UTF-8)', xlsx: 'Excel (.xlsx)', json: 'JSON' },
};

const TEXT = {
  nl: {
    title: 'Open data',
    intro:
      'Alles wat dit portaal openbaar maakt, is ook te downloaden als open data, vrij te hergebruiken (CC0). De bestanden bevatten alleen gepubliceerde gegevens en worden bij elke publicatie bijgewerkt.',
    downloads: 'Downloads',
    about: 'Beschrijving van de gegevens',
    dictionary: 'Gegevenswoordenboek: de betekenis van elke kolom',
    dcat: 'DCAT-AP-beschrijving van de datasets (JSON-LD), voor dataportalen zoals data.overheid.nl',
    feed: 'Atom-feed van wat het laatst is gepubliceerd',
    api: 'De API-documentatie beschrijft dezelfde gegevens voor wie ze met een programma ophaalt.',
    apiLink: 'API-documentatie',
    licence: 'Licentie: CC0 1.0 (publiek domein).',
  },
  en: {
    title: 'Open data',
    intro:
      'Everything this portal publishes can also be downloaded as open data, free to reuse (CC0). The files hold only published data and are brought up to date with each publication.',
    downloads: 'Downloads',
    about: 'Description of the data',
    dictionary: 'Data dictionary: the meaning of each column',
    dcat: 'DCAT-AP description of the datasets (JSON-LD), for data portals such as data.overheid.nl',
    feed: 'Atom feed of what was published last',
    api: 'The API documentation describes the same data for whoever fetches it with a program.',
    apiLink: 'API documentation',
    licence: 'Licence: CC0 1.0 (public domain).',
  },
} as const;

const BASE = '/api/open-data';

export function openDataPage(lang: PortalLang, origin: string): string {
  const t = TEXT[lang];
  const link = (href: string, label: string, type: string) =>
    html`<li class="utrecht-unordered-list__item">
      <a class="utrecht-link" href="${href}" type="${type}">${label}</a>
    </li>`;
  const TYPES: Record<Format, string> = {
    csv: 'text/csv',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    json: 'application/json',
  };
  return renderPage({
    lang,
    origin,
    title: t.title,
    description: t.intro,
    path: portalPath(lang, 'open-data'),
    alternatePath: portalPath(otherLang(lang), 'open-data'),
    breadcrumbs: [],
    main: html`<h1 class="utrecht-heading-1">${t.title}</h1>
      <p class="utrecht-paragraph">${t.intro}</p>
      <p class="utrecht-paragraph">${t.licence}</p>
      <h2 class="utrecht-heading-2">${t.downloads}</h2>
      ${DATASETS.map(
        (d) =>
          html`<section aria-labelledby="dataset-${d.name}">
            <h3 class="utrecht-heading-3" id="dataset-${d.name}">${d.title[lang]}</h3>
            <p class="utrecht-paragraph">${d.description[lang]}</p>
            <ul class="utrecht-unordered-list">
              ${FORMATS.map((f) => link(`${BASE}/${d.name}.${f}`, `${d.title[lang]}: ${FORMAT_LABELS[lang][f]}`, TYPES[f]))}
            </ul>
          </section>`,
      )}
      <h2 class="utrecht-heading-2">${t.about}</h2>
      <ul class="utrecht-unordered-list">
        ${link(`${BASE}/dictionary.csv`, `${t.dictionary} (CSV)`, 'text/csv')}
        ${link(`${BASE}/dictionary.json`, `${t.dictionary} (JSON)`, 'application/json')}
        ${link(`${BASE}/catalog.jsonld`, t.dcat, 'application/ld+json')}
        ${link(`${BASE}/feed.atom`, t.feed, 'application/atom+xml')}
      </ul>
      <p class="utrecht-paragraph">
        ${t.api} <a class="utrecht-link" href="/api/docs${lang === 'en' ? '?lang=en' : ''}">${t.apiLink}</a>
      </p>`,
  });
}
