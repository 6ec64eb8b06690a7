/**
 * The public portal (issue 13): HTML pages rendered on the server, at the root of the site (not under
 * /api), in Dutch under /openbaar and in English under /public, plus /robots.txt and /sitemap.xml.
 * Every route is public and hidden from the OpenAPI document; anonymous GETs are cached and answered
 * 304 by src/server/public-cache.ts like the public API. A bad query string is a 400 page that says
 * what to fix; an unknown or unpublished page a 404 page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { searchRecommendations } from '../recommendations/service.ts';
import { Uuid } from '../shared/schema.ts';
import { homePage } from './home.ts';
import { registerPortalInfoPages } from './info-routes.ts';
import { langOfPath, renderError, renderNotFound, sendPortalPage, type PortalLang } from './layout.ts';
import { listPage } from './list-page.ts';
import { openDataPage } from './open-data-page.ts';
import { parseSearchQuery, searchFilters } from './query.ts';
import { recommendationPage } from './recommendation-page.ts';
import { robotsTxt, sitemapXml } from './seo.ts';
import { placesOf, publicRecommendation } from './service.ts';
import { portalStylesheet } from './stylesheet.ts';

/** Route options of every portal page: public, not in the OpenAPI document. */
export const PAGE = { config: { access: 'public' as const }, schema: { hide: true } };

/** The site's own address for absolute links (canonical, sitemap): PUBLIC_BASE_URL, else the request's. */
export const originOf = (app: FastifyInstance, req: FastifyRequest): string =>
  app.config.publicBaseUrl ?? `${req.protocol}://${req.host}`;

const pathOf = (req: FastifyRequest) => req.url.split('?')[0] ?? '/openbaar';

/** The portal's 404 page for the request's address (Dutch or English by its prefix). */
export function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  const path = pathOf(req);
  return sendPortalPage(reply, renderNotFound(langOfPath(path), path), 404);
}

const SECTIONS: Record<PortalLang, [root: string, recommendations: string, openData: string]> = {
  nl: ['/openbaar', 'aanbevelingen', 'open-data'],
  en: ['/public', 'recommendations', 'open-data'],
};

export async function registerPortal(app: FastifyInstance) {
  app.get<{ Params: { name: string } }>('/openbaar/assets/:name', PAGE, async (req, reply) => {
    const css = portalStylesheet();
    if (req.params.name !== css.name) return sendNotFound(req, reply);
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    reply
      .type('text/css; charset=utf-8')
      .header('vary', 'accept-encoding')
      .header('cache-control', 'public, max-age=31536000, immutable');
    if (gzip) reply.header('content-encoding', 'gzip');
    return reply.send(gzip ? css.gzipped : css.body);
  });

  app.get('/robots.txt', PAGE, async (req, reply) =>
    reply.type('text/plain; charset=utf-8').send(robotsTxt(originOf(app, req))),
  );
  app.get('/sitemap.xml', PAGE, async (req, reply) =>
    reply.type('application/xml; charset=utf-8').send(await sitemapXml(app.db, originOf(app, req))),
  );

  for (const lang of ['nl', 'en'] as const satisfies PortalLang[]) {
    const [root, recommendations, openData] = SECTIONS[lang];
    app.get(root, PAGE, async (req, reply) => sendPortalPage(reply, homePage(lang, originOf(app, req))));
    app.get(`${root}/`, PAGE, async (_req, reply) => reply.redirect(root, 301));

    app.get(`${root}/${recommendations}`, PAGE, async (req, reply) => {
      const parsed = parseSearchQuery(lang, req.query);
      if (!parsed.ok) {
        const page = renderError({
          lang,
          path: pathOf(req),
          status: 400,
          title: undefined,
          messages: parsed.messages,
        });
        return sendPortalPage(reply, page, 400);
      }
      const result = await searchRecommendations(app.db, searchFilters(parsed.query), {
        publishedOnly: true,
      });
      const places = await placesOf(
        app.db,
        result.items.map((r) => r.id),
      );
      return sendPortalPage(
        reply,
        listPage({ lang, origin: originOf(app, req), query: parsed.query, result, places }),
      );
    });

    app.get<{ Params: { id: string } }>(`${root}/${recommendations}/:id`, PAGE, async (req, reply) => {
      if (!Uuid.safeParse(req.params.id).success) return sendNotFound(req, reply);
      const found = await publicRecommendation(app.db, req.params.id);
      if (!found) return sendNotFound(req, reply);
      return sendPortalPage(reply, recommendationPage(lang, originOf(app, req), found));
    });

    app.get(`${root}/${openData}`, PAGE, async (req, reply) =>
      sendPortalPage(reply, openDataPage(lang, originOf(app, req))),
    );

    app.get(`${root}/*`, PAGE, sendNotFound);
  }
  await registerPortalInfoPages(app);
}
