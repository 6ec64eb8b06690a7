/**
 * Documents (/openbaar/documenten, /public/documents): the public versions of the government's documents
 * published under the Woo (only what src/woo/public.ts reads: outgoing_publications), each with its text
 * and downloads (/openbaar/documenten/:id), and the public reference documents of src/documents (never
 * internal ones), linked to where they are published.
 */
import type { Document } from '../documents/schema.ts';
import type { PublicDocument, PublicDocumentSummary } from '../woo/publication-schema.ts';
import type { Page } from '../shared/schema.ts';
import { dataTable, dateHtml, emptyHtml, link, MARKS, momentHtml, paragraphsHtml } from './info-format.ts';
import { DOCUMENT_KIND_LABELS } from '../documents/labels.ts';
import { OUTGOING_KIND_LABELS } from '../letters/labels.ts';
import { html, otherLang, portalPath, raw, renderPage, SafeHtml, type PortalLang } from './layout.ts';
import { pager } from './info-pager.ts';

/** The name of a kind of document (of src/documents or of the workspace) in the page's language. */
export const documentKindName = (lang: PortalLang, kind: string): string =>
  (DOCUMENT_KIND_LABELS[lang] as Record<string, string>)[kind] ??
  (OUTGOING_KIND_LABELS[lang] as Record<string, string>)[kind] ??
  kind;

const TEXT = {
  nl: {
    title: 'Documenten',
    intro:
      'Documenten die de regering openbaar heeft gemaakt. Persoonsgegevens en andere passages die op grond van de Wet open overheid (Woo) niet openbaar zijn, zijn weggelakt; op hun plaats staat de grond uit de Woo.',
    woo: 'Openbaar gemaakte documenten van de regering',
    wooCaption: 'Openbaar gemaakte documenten, nieuwste eerst',
    wooHeaders: ['Document', 'Soort', 'Verzonden op', 'Kamerstuk', 'Openbaar gemaakt op'],
    noWoo: 'Er zijn nog geen documenten openbaar gemaakt.',
    reference: 'Documenten van comités en de regering',
    referenceIntro: 'Rapportages, slotopmerkingen en andere documenten, met een koppeling naar de bron.',
    refCaption: 'Openbare documenten bij de verdragen',
    refHeaders: ['Document', 'Soort', 'Symbool', 'Datum'],
    noReference: 'Er zijn nog geen openbare documenten vastgelegd.',
    more: (shown: number, total: number) => `De eerste ${shown} van ${total} documenten staan hier.`,
    facts: 'Gegevens',
    kind: 'Soort',
    sentOn: 'Verzonden op',
    kamerstuk: 'Kamerstuk',
    publishedAt: 'Openbaar gemaakt op',
    redactions: 'Weggelakte passages',
    downloads: 'Downloaden',
    docx: 'Openbare versie als Word-document (.docx)',
    pdf: 'Openbare versie als PDF',
    text: 'Tekst',
  },
  en: {
    title: 'Documents',
    intro:
      'Documents the government has made public. Personal data and other passages that are not public under the Open Government Act (Woo) have been redacted; the ground of the Act stands in their place.',
    woo: 'Documents published by the government',
    wooCaption: 'Published documents, newest first',
    wooHeaders: ['Document', 'Kind', 'Sent on', 'Parliamentary paper', 'Published on'],
    noWoo: 'No documents have been published yet.',
    reference: 'Documents of the committees and the government',
    referenceIntro: 'Reports, concluding observations and other documents, with a link to their source.',
    refCaption: 'Public documents on the treaties',
    refHeaders: ['Document', 'Kind', 'Symbol', 'Date'],
    noReference: 'No public documents have been recorded yet.',
    more: (shown: number, total: number) => `The first ${shown} of ${total} documents are shown here.`,
    facts: 'Facts',
    kind: 'Kind',
    sentOn: 'Sent on',
    kamerstuk: 'Parliamentary paper',
    publishedAt: 'Published on',
    redactions: 'Redacted passages',
    downloads: 'Download',
    docx: 'Public version as a Word document (.docx)',
    pdf: 'Public version as PDF',
    text: 'Text',
  },
} as const;

export const documentsTitle = (lang: PortalLang): string => TEXT[lang].title;

const detailHref = (lang: PortalLang, id: string) => portalPath(lang, `documenten/${id}`);

function wooTable(lang: PortalLang, page: Page<PublicDocumentSummary>) {
  const t = TEXT[lang];
  const none = MARKS[lang].none;
  if (!page.items.length) return emptyHtml(t.noWoo);
  return html`${dataTable(
    t.wooCaption,
    [...t.wooHeaders],
    page.items.map((d) => [
      link(detailHref(lang, d.id), d.title, langOf(lang, d.language)),
      documentKindName(lang, d.kind),
      d.sentOn ? dateHtml(lang, d.sentOn) : none,
      d.kamerstuk ?? none,
      momentHtml(lang, d.publishedAt),
    ]),
  )}${pager(lang, portalPath(lang, 'documenten'), page)}`;
}

function referenceTable(lang: PortalLang, page: Page<Document>) {
  const t = TEXT[lang];
  const none = MARKS[lang].none;
  if (!page.items.length) return emptyHtml(t.noReference);
  return html`${dataTable(
    t.refCaption,
    [...t.refHeaders],
    page.items.map((d) => [
      d.url && /^https?:\/\//i.test(d.url) ? link(d.url, d.title) : d.title,
      documentKindName(lang, d.kind),
      d.symbol ?? none,
      d.date ? dateHtml(lang, d.date) : none,
    ]),
  )}${
    page.total > page.items.length
      ? html`<p class="utrecht-paragraph">${t.more(page.items.length, page.total)}</p>`
      : ''
  }`;
}

export function documentsPage(
  lang: PortalLang,
  woo: Page<PublicDocumentSummary>,
  reference: Page<Document>,
  origin?: string,
): string {
  const t = TEXT[lang];
  return renderPage({
    lang,
    origin,
    title: t.title,
    description: t.intro,
    path: portalPath(lang, 'documenten'),
    alternatePath: portalPath(otherLang(lang), woo.page > 1 ? `documenten?page=${woo.page}` : 'documenten'),
    breadcrumbs: [],
    main: html`<h1 class="utrecht-heading-1">${t.title}</h1>
      <p class="utrecht-paragraph">${t.intro}</p>
      <section aria-labelledby="woo">
        <h2 class="utrecht-heading-2" id="woo">${t.woo}</h2>
        ${wooTable(lang, woo)}
      </section>
      <section aria-labelledby="referentie">
        <h2 class="utrecht-heading-2" id="referentie">${t.reference}</h2>
        <p class="utrecht-paragraph">${t.referenceIntro}</p>
        ${referenceTable(lang, reference)}
      </section>`,
  });
}

/** The lang attribute of a text in language `of` on a page in `page`'s language: none when they agree. */
const langOf = (page: PortalLang, of: PortalLang): SafeHtml => (of === page ? raw('') : html`lang="${of}"`);

export function documentPage(lang: PortalLang, d: PublicDocument, origin?: string): string {
  const t = TEXT[lang];
  const none = MARKS[lang].none;
  const item = (term: string, value: ReturnType<typeof html> | string) =>
    html`<div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">${term}</dt>
      <dd class="utrecht-data-list__item-value">${value}</dd>
    </div>`;
  return renderPage({
    lang,
    origin,
    title: d.title,
    path: detailHref(lang, d.id),
    alternatePath: detailHref(otherLang(lang), d.id),
    breadcrumbs: [{ label: t.title, href: portalPath(lang, 'documenten') }],
    main: html`<h1 class="utrecht-heading-1" ${langOf(lang, d.language)}>${d.title}</h1>
      <section aria-labelledby="gegevens">
        <h2 class="utrecht-heading-2" id="gegevens">${t.facts}</h2>
        <dl class="utrecht-data-list">
          ${item(t.kind, documentKindName(lang, d.kind))}
          ${item(t.sentOn, d.sentOn ? dateHtml(lang, d.sentOn) : none)}
          ${item(t.kamerstuk, d.kamerstuk ?? none)} ${item(t.publishedAt, momentHtml(lang, d.publishedAt))}
          ${item(t.redactions, String(d.redactions))}
        </dl>
      </section>
      <section aria-labelledby="downloads">
        <h2 class="utrecht-heading-2" id="downloads">${t.downloads}</h2>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item">
            ${link(`/api/public/letters/${encodeURIComponent(d.id)}/file.docx`, t.docx)}
          </li>
          <li class="utrecht-unordered-list__item">
            ${link(`/api/public/letters/${encodeURIComponent(d.id)}/file.pdf`, t.pdf)}
          </li>
        </ul>
      </section>
      <section aria-labelledby="tekst" ${langOf(lang, d.language)}>
        <h2 class="utrecht-heading-2" id="tekst" ${langOf(d.language, lang)}>${t.text}</h2>
        ${paragraphsHtml(d.text)}
      </section>`,
  });
}
