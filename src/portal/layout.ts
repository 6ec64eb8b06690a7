/**
 * The frame of every public portal page (issue 13): a full HTML5 document rendered on the server, read
 * without JavaScript, in Dutch (/openbaar/...) or English (/public/...), styled with the NL Design System
 * (Utrecht) components, with a skip link, the portal's sections, a language switch and links to the
 * other language (hreflang) for search engines. Pages build their content with `html` (escaping).
 */
import type { FastifyReply } from 'fastify';
import { html, raw, SafeHtml, type HtmlValue } from './html.ts';
import { stylesheetHref } from './stylesheet.ts';

export { html, raw, SafeHtml, type HtmlValue };

export type PortalLang = 'nl' | 'en';

/** The portal's sections: the Dutch slug and the English one. */
export const SLUGS: readonly (readonly [nl: string, en: string])[] = [
  ['verdragen', 'treaties'],
  ['kalender', 'calendar'],
  ['aanbevelingen', 'recommendations'],
  ['documenten', 'documents'],
  ['consultaties', 'consultations'],
  ['open-data', 'open-data'],
];

export const PORTAL_ROOT: Record<PortalLang, string> = { nl: '/openbaar', en: '/public' };

export const otherLang = (lang: PortalLang): PortalLang => (lang === 'nl' ? 'en' : 'nl');

/** The language of a portal address (English under /public, else Dutch). */
export const langOfPath = (path: string): PortalLang =>
  path === '/public' || path.startsWith('/public/') || path.startsWith('/public?') ? 'en' : 'nl';

/**
 * The address of a portal page in `lang`, from its Dutch address ("/openbaar/aanbevelingen/12", or
 * without the prefix: "aanbevelingen/12"; "" or "/openbaar" is the home page). A query string is kept.
 */
export function portalPath(lang: PortalLang, nlPath: string): string {
  const [pathname = '', query] = splitQuery(nlPath);
  const rest = pathname.replace(/^\/?openbaar(?=\/|$)/, '').replace(/^\/+/, '');
  const [first = '', ...more] = rest.split('/').filter((s) => s !== '');
  const slug = lang === 'en' ? (SLUGS.find(([nl]) => nl === first)?.[1] ?? first) : first;
  const segments = [slug, ...more].filter((s) => s !== '');
  const path = PORTAL_ROOT[lang] + (segments.length ? '/' + segments.join('/') : '');
  return query === undefined ? path : `${path}?${query}`;
}

/** The Dutch address of a portal page given in either language (the inverse of portalPath). */
export function dutchPath(path: string): string {
  const [pathname = '', query] = splitQuery(path);
  if (langOfPath(pathname) === 'nl') return path;
  const [first = '', ...more] = pathname.replace(/^\/public\/?/, '').split('/');
  const slug = SLUGS.find(([, en]) => en === first)?.[0] ?? first;
  const nl = ['/openbaar', slug, ...more].filter((s) => s !== '').join('/');
  return query === undefined ? nl : `${nl}?${query}`;
}

/** The same page in the other language. */
export const translatePath = (path: string, to: PortalLang): string => portalPath(to, dutchPath(path));

function splitQuery(path: string): [string, string | undefined] {
  const i = path.indexOf('?');
  return i < 0 ? [path, undefined] : [path.slice(0, i), path.slice(i + 1)];
}

const TEXT = {
  nl: {
    portal: 'Rightsdesk — mensenrechten in het Koninkrijk',
    tagline: 'Openbare informatie over de mensenrechtenverplichtingen van het Koninkrijk der Nederlanden',
    skip: 'Naar de inhoud',
    sections: 'Onderdelen',
    breadcrumbs: 'Kruimelpad',
    switchLang: 'English',
    switchLabel: 'Read this page in English',
    home: 'Home',
    nav: ['Verdragen', 'Kalender', 'Aanbevelingen', 'Documenten', 'Consultaties', 'Open data'],
    footer: 'Over deze gegevens',
    openData: 'Open data',
    apiDocs: 'API-documentatie',
    notFoundTitle: 'Pagina niet gevonden',
    notFound: 'Deze pagina bestaat niet, of is (nog) niet openbaar. Controleer het adres of ga naar de',
    homeLink: 'beginpagina van het portaal',
    errorTitle: 'Er ging iets mis',
  },
  en: {
    portal: 'Rightsdesk — human rights in the Kingdom',
    tagline: 'Public information on the human rights obligations of the Kingdom of the Netherlands',
    skip: 'Skip to content',
    sections: 'Sections',
    breadcrumbs: 'Breadcrumbs',
    switchLang: 'Nederlands',
    switchLabel: 'Lees deze pagina in het Nederlands',
    home: 'Home',
    nav: ['Treaties', 'Calendar', 'Recommendations', 'Documents', 'Consultations', 'Open data'],
    footer: 'About this data',
    openData: 'Open data',
    apiDocs: 'API documentation',
    notFoundTitle: 'Page not found',
    notFound: 'This page does not exist, or is not public (yet). Check the address or go to the',
    homeLink: 'portal home page',
    errorTitle: 'Something went wrong',
  },
} as const;

export const portalName = (lang: PortalLang): string => TEXT[lang].portal;

export interface Breadcrumb {
  label: string;
  href: string;
}

export interface PageOptions {
  lang: PortalLang;
  title: string;
  /** This page's address in `lang` (the canonical address: no paging or filter parameters unless they make the page). */
  path: string;
  /** The same page in the other language. */
  alternatePath: string;
  /** The trail above this page (home is added first); the page itself is not a link. */
  breadcrumbs: Breadcrumb[];
  main: SafeHtml;
  /** The HTTP status the page is sent with: an error page (>= 400) is not indexed by search engines. */
  status?: number;
  /** The page's summary for search engines (<meta name="description">). */
  description?: string;
  /** Absolute origin ("https://example.org") for canonical links; relative links without it. */
  origin?: string;
}

function nav(lang: PortalLang, current: string): SafeHtml {
  const t = TEXT[lang];
  const items: [string, string][] = [
    [PORTAL_ROOT[lang], t.home],
    ...SLUGS.map(([nl], i): [string, string] => [portalPath(lang, nl), t.nav[i] ?? nl]),
  ];
  return html`<nav class="rd-portal-nav" aria-label="${t.sections}">
    <ul class="utrecht-nav-list">
      ${items.map(([href, label]) => {
        const here =
          href === PORTAL_ROOT[lang] ? current === href : current === href || current.startsWith(href + '/');
        return html`<li class="utrecht-nav-list__item">
          <a
            class="utrecht-nav-list__link utrecht-link"
            href="${href}"
            ${here ? raw(' aria-current="page"') : ''}
            >${label}</a
          >
        </li>`;
      })}
    </ul>
  </nav>`;
}

function breadcrumbNav(lang: PortalLang, title: string, crumbs: Breadcrumb[], path: string): SafeHtml {
  if (path === PORTAL_ROOT[lang]) return html``;
  const all = [{ label: TEXT[lang].home, href: PORTAL_ROOT[lang] }, ...crumbs];
  return html`<nav
    class="utrecht-breadcrumb-nav rd-portal-breadcrumbs"
    aria-label="${TEXT[lang].breadcrumbs}"
  >
    <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
      ${all.map(
        (c) =>
          html`<li class="utrecht-breadcrumb-nav__item">
            <a class="utrecht-breadcrumb-nav__link utrecht-link" href="${c.href}">${c.label}</a>
          </li>`,
      )}
      <li class="utrecht-breadcrumb-nav__item">
        <span class="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" aria-current="page"
          >${title}</span
        >
      </li>
    </ol>
  </nav>`;
}

/** A full portal page. */
export function renderPage(o: PageOptions): string {
  const t = TEXT[o.lang];
  const other = otherLang(o.lang);
  const origin = o.origin ?? '';
  const [nlPath, enPath] = o.lang === 'nl' ? [o.path, o.alternatePath] : [o.alternatePath, o.path];
  const error = (o.status ?? 200) >= 400;
  const head = html`<meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${o.title} — ${t.portal}</title>
    ${o.description ? html`<meta name="description" content="${o.description}" />` : ''}
    ${error ? raw('<meta name="robots" content="noindex">') : ''}
    <link rel="stylesheet" href="${stylesheetHref()}" />
    ${
      error
        ? ''
        : html`<link rel="canonical" href="${origin + o.path}" />
            <link rel="alternate" hreflang="nl" href="${origin + nlPath}" />
            <link rel="alternate" hreflang="en" href="${origin + enPath}" />
            <link rel="alternate" hreflang="x-default" href="${origin + nlPath}" />`
    }`;
  const body = html`<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud"
      >${t.skip}</a
    >
    <header class="utrecht-page-header rd-portal-header">
      <div class="utrecht-page-header__content rd-portal-header__content">
        <div class="rd-portal-brand">
          <a class="rd-portal-brand__name utrecht-link" href="${PORTAL_ROOT[o.lang]}">${t.portal}</a>
          <p class="rd-portal-brand__tagline utrecht-paragraph">${t.tagline}</p>
        </div>
        <a
          class="rd-portal-lang utrecht-link"
          href="${o.alternatePath}"
          hreflang="${other}"
          lang="${other}"
          aria-label="${t.switchLabel}"
          >${t.switchLang}</a
        >
      </div>
      ${nav(o.lang, o.path.split('?')[0] ?? o.path)}
    </header>
    <div class="rd-portal-body">
      ${breadcrumbNav(o.lang, o.title, o.breadcrumbs, o.path)}
      <main id="inhoud" class="rd-portal-main" tabindex="-1">${o.main}</main>
    </div>
    <footer class="utrecht-page-footer rd-portal-footer">
      <div class="utrecht-page-footer__content">
        <h2 class="utrecht-heading-2 rd-portal-footer__heading">${t.footer}</h2>
        <ul class="utrecht-link-list utrecht-link-list--html-ul">
          <li class="utrecht-link-list__item">
            <a class="utrecht-link utrecht-link-list__link" href="${portalPath(o.lang, 'open-data')}"
              >${t.openData}</a
            >
          </li>
          <li class="utrecht-link-list__item">
            <a
              class="utrecht-link utrecht-link-list__link"
              href="/api/docs${o.lang === 'en' ? '?lang=en' : ''}"
              >${t.apiDocs}</a
            >
          </li>
        </ul>
      </div>
    </footer>`;
  return `<!DOCTYPE html>
<html lang="${o.lang}" class="utrecht-theme utrecht-root">
<head>
${head.value}
</head>
<body class="utrecht-body utrecht-document rd-portal">
${body.value}
</body>
</html>
`;
}

/** The 404 page of a portal address (in the language of its prefix). */
export function renderNotFound(lang: PortalLang, path: string): string {
  const t = TEXT[lang];
  return renderPage({
    lang,
    title: t.notFoundTitle,
    path,
    alternatePath: translatePath(path, otherLang(lang)),
    breadcrumbs: [],
    status: 404,
    main: html`<h1 class="utrecht-heading-1">${t.notFoundTitle}</h1>
      <p class="utrecht-paragraph">
        ${t.notFound} <a class="utrecht-link" href="${PORTAL_ROOT[lang]}">${t.homeLink}</a>.
      </p>`,
  });
}

export interface ErrorPageOptions {
  lang: PortalLang;
  path: string;
  status: number;
  /** The heading; "Something went wrong" when left out. */
  title?: string;
  /** What went wrong and what to do, one sentence each (a bad query: one per field). */
  messages: string[];
}

/** An error page (a bad query: 400 with what to fix). */
export function renderError(o: ErrorPageOptions): string {
  const title = o.title ?? TEXT[o.lang].errorTitle;
  return renderPage({
    lang: o.lang,
    title,
    path: o.path,
    alternatePath: translatePath(o.path.split('?')[0] ?? o.path, otherLang(o.lang)),
    breadcrumbs: [],
    status: o.status,
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      <div class="utrecht-alert utrecht-alert--error" role="alert">
        <ul class="utrecht-unordered-list">
          ${o.messages.map((m) => html`<li class="utrecht-unordered-list__item">${m}</li>`)}
        </ul>
      </div>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="${PORTAL_ROOT[o.lang]}">${TEXT[o.lang].homeLink}</a>
      </p>`,
  });
}

/** Sends a rendered portal page. */
export function sendPortalPage(reply: FastifyReply, page: string, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-language', langOfPath(reply.request.url))
    .send(page);
}
