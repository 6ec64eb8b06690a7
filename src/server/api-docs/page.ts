/** The page around the API reference at /api/docs, in Dutch (the default) or English. */
import { escapeHtml } from '../../core/html.ts';

export type DocsLang = 'nl' | 'en';

/** ?lang=en gives English; anything else Dutch, the app's default. */
export const docsLang = (value: unknown): DocsLang => (value === 'en' ? 'en' : 'nl');

interface DocsTexts {
  title: string;
  skip: string;
  home: string;
  languageNav: string;
  otherLang: DocsLang;
  otherLangName: string;
  otherLangLabel: string;
  heading: string;
  intro: string;
  signInHeading: string;
  session: string;
  token: string;
  tokenPage: string;
  document: string;
  documentLink: string;
  loading: string;
  noScript: string;
}

const TEXTS: Record<DocsLang, DocsTexts> = {
  nl: {
    title: 'API-documentatie · Rightsdesk',
    skip: 'Naar de API-referentie',
    home: 'Rightsdesk',
    languageNav: 'Taal',
    otherLang: 'en',
    otherLangName: 'English',
    otherLangLabel: 'Switch to English',
    heading: 'API-documentatie',
    intro:
      'Alles wat de Rightsdesk-app doet, kan ook via deze API. Hieronder staan alle bewerkingen met hun ' +
      'parameters en antwoorden. Foutmeldingen komen als application/problem+json, met een code en een Engelse tekst.',
    signInHeading: 'Aanmelden',
    session:
      'Met een sessie: meld u aan met POST /api/auth/login (e-mailadres en wachtwoord). De server zet een ' +
      'sessiecookie; stuur de csrfToken uit het antwoord mee als header x-csrf-token bij elke POST, PATCH en DELETE.',
    token:
      'Met een persoonlijk toegangstoken: stuur de header Authorization: Bearer rd_… mee. Een token maakt u aan op ' +
      'de pagina',
    tokenPage: 'Toegangstokens',
    document: 'Het volledige OpenAPI-document:',
    documentLink: '/api/openapi.json (JSON)',
    loading: 'De API-referentie wordt geladen…',
    noScript:
      'Voor de API-referentie is JavaScript nodig. Het OpenAPI-document zelf staat op /api/openapi.json.',
  },
  en: {
    title: 'API documentation · Rightsdesk',
    skip: 'Skip to the API reference',
    home: 'Rightsdesk',
    languageNav: 'Language',
    otherLang: 'nl',
    otherLangName: 'Nederlands',
    otherLangLabel: 'Overschakelen naar Nederlands',
    heading: 'API documentation',
    intro:
      'Everything the Rightsdesk app does can also be done through this API. Below are all operations with ' +
      'their parameters and answers. Errors come as application/problem+json, with a code and an English text.',
    signInHeading: 'Signing in',
    session:
      'With a session: sign in with POST /api/auth/login (e-mail address and password). The server sets a ' +
      'session cookie; send the csrfToken from the answer as header x-csrf-token on every POST, PATCH and DELETE.',
    token:
      'With a personal access token: send the header Authorization: Bearer rd_…. You create a token on the page',
    tokenPage: 'Access tokens',
    document: 'The complete OpenAPI document:',
    documentLink: '/api/openapi.json (JSON)',
    loading: 'Loading the API reference…',
    noScript: 'The API reference needs JavaScript. The OpenAPI document itself is at /api/openapi.json.',
  },
};

const esc = escapeHtml;
/** Marks the literal parts of a sentence (paths, headers) as code. */
const withCode = (s: string) =>
  esc(s).replace(
    /(POST \/api\/auth\/login|x-csrf-token|Authorization: Bearer rd_…|application\/problem\+json)/g,
    '<code>$1</code>',
  );

/** The page: its own frame, then the element Scalar renders its <main> into (docs.js starts it). */
export function docsPage(lang: DocsLang, rendererVersion: string): string {
  const t = TEXTS[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title>
<link rel="stylesheet" href="/api/docs/assets/docs.css">
<script src="/api/docs/assets/docs.js"></script>
</head>
<body>
<a class="docs-skip" href="#api-reference">${esc(t.skip)}</a>
<header class="docs-frame">
<div class="docs-bar">
<a class="docs-home" href="/">${esc(t.home)}</a>
<nav aria-label="${esc(t.languageNav)}"><a class="docs-lang" href="/api/docs?lang=${t.otherLang}" data-lang="${t.otherLang}" lang="${t.otherLang}" hreflang="${t.otherLang}" aria-label="${esc(t.otherLangLabel)}">${esc(t.otherLangName)}</a></nav>
</div>
<h1>${esc(t.heading)}</h1>
<p>${withCode(t.intro)}</p>
<h2>${esc(t.signInHeading)}</h2>
<ul>
<li>${withCode(t.session)}</li>
<li>${withCode(t.token)} <a href="/toegangstokens">${esc(t.tokenPage)}</a>.</li>
</ul>
<p>${esc(t.document)} <a href="/api/openapi.json" type="application/json">${esc(t.documentLink)}</a></p>
</header>
<div id="api-reference" tabindex="-1" data-spec-url="/api/openapi.json">
<p class="docs-loading" role="status">${esc(t.loading)}</p>
<noscript><p>${esc(t.noScript)}</p></noscript>
</div>
<script src="/api/docs/assets/scalar.js?v=${encodeURIComponent(rendererVersion)}"></script>
</body>
</html>
`;
}
