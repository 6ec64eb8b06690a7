/*
 * The API documentation page (/api/docs): keeps the app's choice of language and starts Scalar's
 * API reference. Loaded as a file in <head> (the page allows no inline scripts).
 */
/* global Scalar -- the renderer's bundle, loaded after this file */
(function () {
  'use strict';
  /** Where the app keeps its language (web/i18n/index.tsx). */
  var STORAGE_KEY = 'rightsdesk.lang';

  function stored() {
    try {
      var lang = localStorage.getItem(STORAGE_KEY);
      return lang === 'nl' || lang === 'en' ? lang : null;
    } catch {
      return null;
    }
  }

  // Without ?lang the page follows the language chosen in the app.
  var params = new URLSearchParams(location.search);
  var chosen = stored();
  if (!params.has('lang') && chosen && chosen !== document.documentElement.lang) {
    params.set('lang', chosen);
    location.replace(location.pathname + '?' + params.toString() + location.hash);
    return;
  }

  // The renderer validates with zod, which tries Function('') (eval) unless told it runs without:
  // zod's own setting for pages whose Content-Security-Policy forbids eval, set before the bundle loads.
  globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });

  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[data-lang]') : null;
    if (!link) return;
    try {
      localStorage.setItem(STORAGE_KEY, link.getAttribute('data-lang'));
    } catch {
      /* not remembered, still switched */
    }
  });

  /*
   * Scalar's theme with colours that reach a contrast of 4.5:1 on its backgrounds (WCAG 1.4.3):
   * the muted text and the HTTP methods' colours are darker than Scalar's defaults.
   */
  var CONTRAST_CSS = [
    '.light-mode {',
    '  --scalar-color-2: #474747;',
    '  --scalar-color-3: #595959;',
    '  --scalar-color-green: #006b44;',
    '  --scalar-color-blue: #0b5cad;',
    '  --scalar-color-orange: #a34a00;',
    '  --scalar-color-red: #b3261e;',
    '  --scalar-color-purple: #6b3fa0;',
    '  --scalar-color-yellow: #7a5c00;',
    '}',
  ].join('\n');

  document.addEventListener('DOMContentLoaded', function () {
    var target = document.getElementById('api-reference');
    if (!target || typeof Scalar === 'undefined') return;
    Scalar.createApiReference(target, {
      url: target.getAttribute('data-spec-url'),
      // Everything from this server: no fonts, AI agent, proxy or telemetry from elsewhere.
      withDefaultFonts: false,
      agent: { disabled: true },
      telemetry: false,
      hideClientButton: true,
      // No request console: its dialog is not part of the checked page, and the docs only describe.
      hideTestRequestButton: true,
      showDeveloperTools: 'never',
      documentDownloadType: 'json',
      forceDarkModeState: 'light',
      hideDarkModeToggle: true,
      customCss: CONTRAST_CSS,
    });
  });
})();
