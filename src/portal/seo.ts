/**
 * For search engines: /robots.txt (the portal and the open data may be indexed, the app and the rest of
 * the API not) and /sitemap.xml (the portal's section pages in both languages and every published
 * recommendation, written a page of rows at a time).
 */
import type { Queryable } from '../core/db.ts';
import { escapeHtml } from '../core/html.ts';
import { portalPath, SLUGS } from './layout.ts';
import { publishedIds } from './service.ts';

export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /openbaar',
    'Allow: /public',
    'Allow: /api/open-data',
    'Disallow: /api/',
    'Disallow: /',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}

const PAGE = 1000;
/** The sitemap protocol's limit of addresses in one file. */
export const SITEMAP_LIMIT = 50_000;

function url(origin: string, nlPath: string, lastmod?: string): string {
  const nl = origin + portalPath('nl', nlPath);
  const en = origin + portalPath('en', nlPath);
  const alt = `<xhtml:link rel="alternate" hreflang="nl" href="${escapeHtml(nl)}"/><xhtml:link rel="alternate" hreflang="en" href="${escapeHtml(en)}"/>`;
  const mod = lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : '';
  return [nl, en].map((loc) => `<url><loc>${escapeHtml(loc)}</loc>${mod}${alt}</url>`).join('\n');
}

/** The sitemap: section pages and published recommendations, both languages, with their alternates. */
export async function sitemapXml(q: Queryable, origin: string): Promise<string> {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    url(origin, ''),
    ...SLUGS.map(([nl]) => url(origin, nl)),
  ];
  let count = 2 * (SLUGS.length + 1);
  let after: { id: string; publishedAt: string } | null = null;
  while (count < SITEMAP_LIMIT) {
    const rows = await publishedIds(q, after, Math.min(PAGE, Math.floor((SITEMAP_LIMIT - count) / 2)));
    for (const r of rows) parts.push(url(origin, `aanbevelingen/${r.id}`, r.publishedAt));
    count += 2 * rows.length;
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!;
  }
  parts.push('</urlset>', '');
  return parts.join('\n');
}
