/** The portal's home page (/openbaar, /public): what the portal holds, a search box, the sections. */
import { html, portalPath, renderPage, SLUGS, type PortalLang } from './layout.ts';

const TEXT = {
  nl: {
    title: 'Mensenrechten in het Koninkrijk',
    intro:
      'Hier vindt u zonder account wat de regering openbaar maakt over de mensenrechtenverdragen van het Koninkrijk der Nederlanden: de verdragen en hun rapportagecycli, de kalender van deadlines, de aanbevelingen van VN-comités en de Mensenrechtenraad met het standpunt van de regering en de voortgang, documenten, consultaties en open data.',
    search: 'Zoeken in aanbevelingen',
    searchLabel: 'Zoekwoorden',
    searchHint: 'Bijvoorbeeld: discriminatie, klimaat, kinderrechten',
    button: 'Zoeken',
    sections: 'Onderdelen van het portaal',
    about: [
      'De mensenrechtenverdragen die het Koninkrijk heeft geratificeerd, met hun toezichthoudende comités.',
      'Wanneer rapportages, dialogen en vervolgstappen gepland staan.',
      'Gepubliceerde aanbevelingen met het standpunt van de regering en de voortgang.',
      'Openbare documenten: rapportages, slotbeschouwingen en kabinetsreacties.',
      'Consultaties waarin u kunt reageren.',
      'Alle gepubliceerde gegevens als CSV, Excel en JSON, met een DCAT-beschrijving.',
    ],
  },
  en: {
    title: 'Human rights in the Kingdom',
    intro:
      'Without an account, find what the government publishes about the human rights treaties of the Kingdom of the Netherlands: the treaties and their reporting cycles, the calendar of deadlines, the recommendations of UN committees and the Human Rights Council with the government’s position and progress, documents, consultations and open data.',
    search: 'Search recommendations',
    searchLabel: 'Search words',
    searchHint: 'For example: discrimination, climate, children’s rights',
    button: 'Search',
    sections: 'Sections of the portal',
    about: [
      'The human rights treaties the Kingdom has ratified, with their monitoring committees.',
      'When reports, dialogues and follow-up steps are due.',
      'Published recommendations with the government’s position and progress.',
      'Public documents: reports, concluding observations and cabinet responses.',
      'Consultations you can respond to.',
      'All published data as CSV, Excel and JSON, with a DCAT description.',
    ],
  },
} as const;

const NAMES = {
  nl: ['Verdragen', 'Kalender', 'Aanbevelingen', 'Documenten', 'Consultaties', 'Open data'],
  en: ['Treaties', 'Calendar', 'Recommendations', 'Documents', 'Consultations', 'Open data'],
} as const;

export function homePage(lang: PortalLang, origin?: string): string {
  const t = TEXT[lang];
  const recommendations = portalPath(lang, 'aanbevelingen');
  return renderPage({
    lang,
    origin,
    title: t.title,
    description: t.intro,
    path: portalPath(lang, ''),
    alternatePath: portalPath(lang === 'nl' ? 'en' : 'nl', ''),
    breadcrumbs: [],
    main: html`<h1 class="utrecht-heading-1">${t.title}</h1>
      <p class="utrecht-paragraph">${t.intro}</p>
      <section aria-labelledby="zoeken">
        <h2 class="utrecht-heading-2" id="zoeken">${t.search}</h2>
        <form class="rd-portal-search" method="get" action="${recommendations}" role="search">
          <div class="utrecht-form-field utrecht-form-field--text">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="home-q">${t.searchLabel}</label>
            </div>
            <div class="utrecht-form-field__description utrecht-form-field-description" id="home-q-hint">
              ${t.searchHint}
            </div>
            <div class="utrecht-form-field__input">
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                id="home-q"
                name="q"
                type="search"
                aria-describedby="home-q-hint"
              />
            </div>
          </div>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">${t.button}</button>
        </form>
      </section>
      <section aria-labelledby="onderdelen">
        <h2 class="utrecht-heading-2" id="onderdelen">${t.sections}</h2>
        <ul class="utrecht-unordered-list">
          ${SLUGS.map(
            ([nl], i) =>
              html`<li class="utrecht-unordered-list__item">
                <a class="utrecht-link" href="${portalPath(lang, nl)}">${NAMES[lang][i]}</a>: ${t.about[i]}
              </li>`,
          )}
        </ul>
      </section>`,
  });
}
