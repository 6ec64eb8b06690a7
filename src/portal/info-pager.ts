/** Links to the previous and next page of a list on the portal's information pages (?page=N). */
import { html, raw, type PortalLang, type SafeHtml } from './layout.ts';

const TEXT = {
  nl: {
    label: 'Paginering',
    previous: 'Vorige pagina',
    next: 'Volgende pagina',
    page: (p: number, n: number) => `Pagina ${p} van ${n}`,
  },
  en: {
    label: 'Pagination',
    previous: 'Previous page',
    next: 'Next page',
    page: (p: number, n: number) => `Page ${p} of ${n}`,
  },
} as const;

/** The pagination of a list at `path` (nothing when it fits on one page). */
export function pager(
  lang: PortalLang,
  path: string,
  p: { page: number; pageSize: number; total: number },
): SafeHtml {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  if (pages <= 1 && p.page <= 1) return raw('');
  const t = TEXT[lang];
  const href = (n: number) => (n > 1 ? `${path}?page=${n}` : path);
  return html`<nav class="utrecht-pagination" aria-label="${t.label}">
    ${
      p.page > 1
        ? html`<a class="utrecht-link" rel="prev" href="${href(Math.min(p.page - 1, pages))}"
            >${t.previous}</a
          >`
        : ''
    }
    <span aria-current="page">${t.page(p.page, pages)}</span>
    ${p.page < pages ? html`<a class="utrecht-link" rel="next" href="${href(p.page + 1)}">${t.next}</a>` : ''}
  </nav>`;
}
