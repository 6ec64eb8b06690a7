import { describe, expect, it } from 'vitest';
import {
  dutchPath,
  html,
  portalPath,
  raw,
  renderError,
  renderNotFound,
  renderPage,
  translatePath,
} from './layout.ts';
import { portalStylesheet } from './stylesheet.ts';

/** The page with its whitespace (as the formatter lays out the templates) made single spaces. */
const flat = (page: string) => page.replace(/\s+/g, ' ').replace(/\s*\/?>/g, '>');

describe('portal layout', () => {
  it('escapes every value but SafeHtml, and joins lists', () => {
    const h = html; // (a name the formatter does not lay out as HTML)
    const text = '<script>alert("x")</script> & \'q\'';
    expect(h`<p title="${text}">${text}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>',
    );
    expect(h`<ul>${['<a>', h`<li>${'<b>'}</li>`, raw('<i>')]}</ul>`.value).toBe(
      '<ul>&lt;a&gt;<li>&lt;b&gt;</li><i></ul>',
    );
    expect(h`${null}${undefined}${false}${0}`.value).toBe('0');
  });

  it('translates addresses between Dutch and English', () => {
    expect(portalPath('nl', '')).toBe('/openbaar');
    expect(portalPath('en', '/openbaar')).toBe('/public');
    expect(portalPath('en', 'aanbevelingen/12')).toBe('/public/recommendations/12');
    expect(portalPath('en', '/openbaar/verdragen/CRC?x=1')).toBe('/public/treaties/CRC?x=1');
    expect(portalPath('nl', 'open-data')).toBe('/openbaar/open-data');
    for (const [nl, en] of [
      ['/openbaar/kalender', '/public/calendar'],
      ['/openbaar/documenten/5', '/public/documents/5'],
      ['/openbaar/consultaties', '/public/consultations'],
    ] as const) {
      expect(portalPath('en', nl)).toBe(en);
      expect(dutchPath(en)).toBe(nl);
      expect(translatePath(nl, 'en')).toBe(en);
      expect(translatePath(en, 'nl')).toBe(nl);
    }
  });

  it('renders a full accessible document with alternates, skip link and hashed stylesheet', () => {
    const page = flat(
      renderPage({
        lang: 'en',
        title: 'A <title>',
        path: '/public/recommendations',
        alternatePath: '/openbaar/aanbevelingen',
        breadcrumbs: [{ label: 'Recommendations', href: '/public/recommendations' }],
        main: html`<h1>Hi</h1>`,
        origin: 'https://example.org',
        description: 'About "this"',
      }),
    );
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="en" class="utrecht-theme utrecht-root">');
    expect(page).toContain('<title>A &lt;title&gt; — Rightsdesk — human rights in the Kingdom</title>');
    expect(page).toContain('<link rel="canonical" href="https://example.org/public/recommendations">');
    expect(page).toContain('hreflang="nl" href="https://example.org/openbaar/aanbevelingen"');
    expect(page).toContain('<meta name="description" content="About &quot;this&quot;">');
    expect(page).toContain('href="#inhoud"');
    expect(page).toContain('<main id="inhoud"');
    expect(page).toContain(`/openbaar/assets/${portalStylesheet().name}`);
    expect(page).toContain('href="/api/docs?lang=en"');
    expect(page).toMatch(/href="\/public\/recommendations" aria-current="page"/);
    expect(page).not.toContain('<script');
  });

  it('makes error pages that search engines do not index', () => {
    const notFound = renderNotFound('nl', '/openbaar/niets');
    expect(notFound).toContain('Pagina niet gevonden');
    expect(notFound).toContain('<meta name="robots" content="noindex">');
    const bad = renderError({ lang: 'en', path: '/public/recommendations', status: 400, messages: ['<b>x'] });
    expect(bad).toContain('&lt;b&gt;x');
  });

  it('builds one stylesheet of the Utrecht tokens, components and the portal CSS', () => {
    const css = portalStylesheet().body.toString();
    expect(css).toContain('.utrecht-theme');
    expect(css).toContain('.utrecht-skip-link');
    expect(css).toContain('.utrecht-table');
    expect(css).toContain('.rd-portal-main');
  });
});
