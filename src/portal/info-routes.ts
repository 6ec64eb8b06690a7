/**
 * The portal's information pages (issue 13), in Dutch under /openbaar and in English under /public: the
 * treaty overview, the calendar, each instrument with its cycles, the published documents and the
 * consultations. Every route is public and hidden from the OpenAPI document (PAGE); each reads what the
 * public may read, always as an anonymous visitor (a signed-in visitor sees the same public page).
 * Unknown ids and codes give the 404 page, a bad query a 400 page that says what to fix.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listDeadlines } from '../calendar/deadlines.ts';
import { AppError } from '../core/errors.ts';
import { treatyOverview } from '../instruments/overview.ts';
import { PUBLIC_CACHE_CONTROL } from '../server/public-cache.ts';
import { calendarErrorTitle, calendarFilterErrors, calendarPage, CalendarFilter } from './calendar.ts';
import { consultationPage, consultationsPage } from './consultations.ts';
import { documentPage, documentsPage } from './documents.ts';
import {
  consultationGroups,
  instrumentPageData,
  publicConsultation,
  publicDocuments,
  wooDocument,
} from './info-data.ts';
import { instrumentPage } from './instrument.ts';
import { portalPath, renderError, renderNotFound, sendPortalPage, type PortalLang } from './layout.ts';
import { originOf, PAGE } from './routes.ts';
import { treatiesPage } from './treaties.ts';

type Req = FastifyRequest<{ Params: { id?: string; code?: string }; Querystring: unknown }>;

const PageParam = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

const BAD_PAGE = {
  nl: { title: 'Ongeldige keuze', page: 'Pagina: geef een paginanummer van 1 of hoger.' },
  en: { title: 'Invalid choice', page: 'Page: give a page number of 1 or higher.' },
} as const;

const pathOf = (req: FastifyRequest) => req.url.split('?')[0] ?? req.url;

function notFound(lang: PortalLang, req: FastifyRequest, reply: FastifyReply) {
  return sendPortalPage(reply, renderNotFound(lang, pathOf(req)), 404);
}

function badQuery(
  lang: PortalLang,
  req: FastifyRequest,
  reply: FastifyReply,
  title: string,
  messages: string[],
) {
  return sendPortalPage(reply, renderError({ lang, path: req.url, status: 400, title, messages }), 400);
}

/**
 * A consultation opens and closes by the minute (its status comes from its dates, not from the data):
 * its pages say so themselves, which keeps them out of the server's cache of public answers
 * (src/server/public-cache.ts keeps no answer that sets its own cache-control).
 */
const live = (reply: FastifyReply) => reply.header('cache-control', PUBLIC_CACHE_CONTROL);

/** A 404 of the service (an unknown or unpublished id) as the portal's 404 page. */
async function orNotFound<T>(fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return null;
    throw e;
  }
}

export async function registerPortalInfoPages(app: FastifyInstance) {
  for (const lang of ['nl', 'en'] as const) {
    const at = (nl: string) => portalPath(lang, nl);

    app.get(at('verdragen'), PAGE, async (req, reply) =>
      sendPortalPage(reply, treatiesPage(lang, await treatyOverview(app.db), originOf(app, req))),
    );

    app.get(`${at('verdragen')}/:code`, PAGE, async (req: Req, reply) => {
      const data = await instrumentPageData(app.db, req.params.code ?? '');
      if (!data) return notFound(lang, req, reply);
      return sendPortalPage(reply, instrumentPage(lang, data, originOf(app, req)));
    });

    app.get(at('kalender'), PAGE, async (req: Req, reply) => {
      const f = CalendarFilter.safeParse(req.query ?? {});
      if (!f.success)
        return badQuery(lang, req, reply, calendarErrorTitle(lang), calendarFilterErrors(lang, f.error));
      const deadlines = await listDeadlines(app.db, {
        within: Number(f.data.within),
        overdue: f.data.overdue,
        page: 1,
        pageSize: 500,
      });
      return sendPortalPage(reply, calendarPage(lang, f.data, deadlines.items, originOf(app, req)));
    });

    app.get(at('documenten'), PAGE, async (req: Req, reply) => {
      const p = PageParam.safeParse(req.query ?? {});
      if (!p.success) return badQuery(lang, req, reply, BAD_PAGE[lang].title, [BAD_PAGE[lang].page]);
      const { woo, reference } = await publicDocuments(app.db, p.data.page);
      return sendPortalPage(reply, documentsPage(lang, woo, reference, originOf(app, req)));
    });

    app.get(`${at('documenten')}/:id`, PAGE, async (req: Req, reply) => {
      const doc = await orNotFound(() => wooDocument(app.db, req.params.id ?? ''));
      if (!doc) return notFound(lang, req, reply);
      return sendPortalPage(reply, documentPage(lang, doc, originOf(app, req)));
    });

    app.get(at('consultaties'), PAGE, async (req, reply) =>
      sendPortalPage(
        live(reply),
        consultationsPage(lang, await consultationGroups(app.db), originOf(app, req)),
      ),
    );

    app.get(`${at('consultaties')}/:id`, PAGE, async (req: Req, reply) => {
      const c = await orNotFound(() => publicConsultation(app.db, req.params.id ?? ''));
      if (!c) return notFound(lang, req, reply);
      return sendPortalPage(live(reply), consultationPage(lang, c, originOf(app, req)));
    });
  }
}
