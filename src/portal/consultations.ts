/**
 * Consultations (/openbaar/consultaties, /public/consultations): the rounds, open, planned and closed, and
 * per round (/openbaar/consultaties/:id) its published input only (organisation, text, how it was used,
 * published attachments), with the link to the app's submission form while the round is open. Never
 * unpublished submissions, contact details of submitters, nor who moderated.
 */
import type { Consultation, ConsultationStatus, PublicConsultation } from '../consultations/schema.ts';
import {
  cycleName,
  dataTable,
  emptyHtml,
  instrumentHref,
  link,
  momentHtml,
  paragraphsHtml,
} from './info-format.ts';
import { html, otherLang, portalPath, renderPage, type PortalLang } from './layout.ts';

const TEXT = {
  nl: {
    title: 'Consultaties',
    intro:
      'Bij rapportages aan de verdragscomités vraagt de regering maatschappelijke organisaties om inbreng. Hier staan de lopende, geplande en afgesloten consultaties, met de inbreng die met toestemming van de indieners is gepubliceerd.',
    groups: {
      open: 'Lopende consultaties',
      planned: 'Geplande consultaties',
      closed: 'Afgesloten consultaties',
    },
    none: {
      open: 'Er loopt nu geen consultatie.',
      planned: 'Er zijn geen consultaties gepland.',
      closed: 'Er zijn nog geen afgesloten consultaties.',
    },
    headers: ['Consultatie', 'Verdrag en cyclus', 'Opent', 'Sluit'],
    status: { open: 'Open', planned: 'Gepland', closed: 'Gesloten' },
    facts: 'Gegevens',
    statusLabel: 'Status',
    treaty: 'Verdrag',
    cycle: 'Rapportagecyclus',
    opens: 'Opent',
    closes: 'Sluit',
    respond: 'Reageren',
    form: 'Geef uw inbreng via het reactieformulier',
    plannedNote: 'Het reactieformulier gaat open wanneer de consultatie opent.',
    closedNote: 'Deze consultatie is gesloten; er kan niet meer worden gereageerd.',
    usage: 'Wat met de inbreng is gedaan',
    published: 'Gepubliceerde inbreng',
    noPublished: 'Er is (nog) geen inbreng gepubliceerd.',
    submittedAt: 'Ingediend op',
    usageNote: 'Verwerking',
    attachments: 'Bijlagen',
    size: (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} kB`,
  },
  en: {
    title: 'Consultations',
    intro:
      'When reporting to the treaty bodies, the government asks civil society organisations for input. Here are the open, planned and closed consultations, with the input published with the consent of those who sent it.',
    groups: { open: 'Open consultations', planned: 'Planned consultations', closed: 'Closed consultations' },
    none: {
      open: 'No consultation is open now.',
      planned: 'No consultations are planned.',
      closed: 'No consultations have closed yet.',
    },
    headers: ['Consultation', 'Treaty and cycle', 'Opens', 'Closes'],
    status: { open: 'Open', planned: 'Planned', closed: 'Closed' },
    facts: 'Facts',
    statusLabel: 'Status',
    treaty: 'Treaty',
    cycle: 'Reporting cycle',
    opens: 'Opens',
    closes: 'Closes',
    respond: 'Respond',
    form: 'Give your input through the response form',
    plannedNote: 'The response form opens when the consultation opens.',
    closedNote: 'This consultation is closed; responses are no longer possible.',
    usage: 'What was done with the input',
    published: 'Published input',
    noPublished: 'No input has been published (yet).',
    submittedAt: 'Submitted on',
    usageNote: 'How it was used',
    attachments: 'Attachments',
    size: (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`,
  },
} as const;

export const consultationsTitle = (lang: PortalLang): string => TEXT[lang].title;

const title = (lang: PortalLang, c: Consultation) => (lang === 'nl' ? c.titleNl : c.titleEn);
const description = (lang: PortalLang, c: Consultation) =>
  lang === 'nl' ? c.descriptionNl : c.descriptionEn;
const detailHref = (lang: PortalLang, id: string) => portalPath(lang, `consultaties/${id}`);
const treatyLink = (lang: PortalLang, c: Consultation) =>
  link(instrumentHref(portalPath(lang, 'verdragen'), c.instrumentCode), c.instrumentShortName);

export const STATUS_ORDER: readonly ConsultationStatus[] = ['open', 'planned', 'closed'];

export function consultationsPage(
  lang: PortalLang,
  groups: Record<ConsultationStatus, Consultation[]>,
  origin?: string,
): string {
  const t = TEXT[lang];
  return renderPage({
    lang,
    origin,
    title: t.title,
    description: t.intro,
    path: portalPath(lang, 'consultaties'),
    alternatePath: portalPath(otherLang(lang), 'consultaties'),
    breadcrumbs: [],
    main: html`<h1 class="utrecht-heading-1">${t.title}</h1>
      <p class="utrecht-paragraph">${t.intro}</p>
      ${STATUS_ORDER.map(
        (s) =>
          html`<section aria-labelledby="consultaties-${s}">
            <h2 class="utrecht-heading-2" id="consultaties-${s}">${t.groups[s]}</h2>
            ${
              groups[s].length
                ? dataTable(
                    t.groups[s],
                    [...t.headers],
                    groups[s].map((c) => [
                      link(detailHref(lang, c.id), title(lang, c)),
                      html`${treatyLink(lang, c)}, ${cycleName(lang, c.cycleLabel)}`,
                      momentHtml(lang, c.opensAt),
                      momentHtml(lang, c.closesAt),
                    ]),
                  )
                : emptyHtml(t.none[s])
            }
          </section>`,
      )}`,
  });
}

function respond(lang: PortalLang, c: PublicConsultation) {
  const t = TEXT[lang];
  if (c.status === 'open')
    return html`<p class="utrecht-paragraph">
      ${link(`/consultations/${encodeURIComponent(c.id)}`, t.form)}
    </p>`;
  return html`<p class="utrecht-paragraph">${c.status === 'planned' ? t.plannedNote : t.closedNote}</p>`;
}

function submission(lang: PortalLang, s: PublicConsultation['published'][number], n: number) {
  const t = TEXT[lang];
  const id = `inbreng-${n + 1}`;
  return html`<article class="rd-portal-result" aria-labelledby="${id}">
    <h3 class="utrecht-heading-3" id="${id}">${s.organisationName}</h3>
    <p class="rd-portal-meta">${t.submittedAt} ${momentHtml(lang, s.submittedAt)}</p>
    ${paragraphsHtml(s.body)}
    ${
      s.usageNote
        ? html`<h4 class="utrecht-heading-4">${t.usageNote}</h4>
            ${paragraphsHtml(s.usageNote)}`
        : ''
    }
    ${
      s.attachments.length
        ? html`<h4 class="utrecht-heading-4">${t.attachments}</h4>
            <ul class="utrecht-unordered-list">
              ${s.attachments.map(
                (a) =>
                  html`<li class="utrecht-unordered-list__item">
                    ${link(`/api/consultation-attachments/${encodeURIComponent(a.id)}`, a.fileName)}
                    (${t.size(a.sizeBytes)})
                  </li>`,
              )}
            </ul>`
        : ''
    }
  </article>`;
}

export function consultationPage(lang: PortalLang, c: PublicConsultation, origin?: string): string {
  const t = TEXT[lang];
  const item = (term: string, value: ReturnType<typeof html> | string) =>
    html`<div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">${term}</dt>
      <dd class="utrecht-data-list__item-value">${value}</dd>
    </div>`;
  return renderPage({
    lang,
    origin,
    title: title(lang, c),
    description: description(lang, c) || undefined,
    path: detailHref(lang, c.id),
    alternatePath: detailHref(otherLang(lang), c.id),
    breadcrumbs: [{ label: t.title, href: portalPath(lang, 'consultaties') }],
    main: html`<h1 class="utrecht-heading-1">${title(lang, c)}</h1>
      ${paragraphsHtml(description(lang, c))}
      <section aria-labelledby="gegevens">
        <h2 class="utrecht-heading-2" id="gegevens">${t.facts}</h2>
        <dl class="utrecht-data-list">
          ${item(t.statusLabel, t.status[c.status])} ${item(t.treaty, treatyLink(lang, c))}
          ${item(t.cycle, cycleName(lang, c.cycleLabel))} ${item(t.opens, momentHtml(lang, c.opensAt))}
          ${item(t.closes, momentHtml(lang, c.closesAt))}
        </dl>
      </section>
      <section aria-labelledby="reageren">
        <h2 class="utrecht-heading-2" id="reageren">${t.respond}</h2>
        ${respond(lang, c)}
      </section>
      ${
        c.status === 'closed' && c.usageSummary
          ? html`<section aria-labelledby="verwerking">
              <h2 class="utrecht-heading-2" id="verwerking">${t.usage}</h2>
              ${paragraphsHtml(c.usageSummary)}
            </section>`
          : ''
      }
      <section aria-labelledby="inbreng">
        <h2 class="utrecht-heading-2" id="inbreng">${t.published}</h2>
        ${c.published.length ? c.published.map((s, n) => submission(lang, s, n)) : emptyHtml(t.noPublished)}
      </section>`,
  });
}
