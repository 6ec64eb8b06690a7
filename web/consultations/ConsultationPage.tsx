import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { PublicConsultation } from '../../src/consultations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { QueryState } from '../components/feedback.tsx';
import { AppLink, Fact, PageTitle, useDocumentTitle } from '../components/ui.tsx';
import { consultationTitle, AttachmentLink, StatusMarker } from './shared.tsx';
import { SubmissionForm } from './SubmissionForm.tsx';
import { formatAmsterdam } from './time.ts';

/** The public page of a consultation round: what it is about, the form, and the input published. */
export function ConsultationPage() {
  const { id } = useParams({ from: '/consultations/$id' });
  const { t, lang, cycle: cycleName } = useI18n();
  const consultation = useQuery({
    queryKey: ['consultation', id],
    queryFn: () => api<PublicConsultation>('GET', `/api/consultations/${encodeURIComponent(id)}`),
  });
  const c = consultation.data;
  useDocumentTitle(c ? consultationTitle(c, lang) : t.consultations.title);
  const locale = t.meta.locale;
  const description = c
    ? lang === 'en'
      ? c.descriptionEn || c.descriptionNl
      : c.descriptionNl || c.descriptionEn
    : '';

  return (
    <>
      <Paragraph>
        <AppLink to="/consultations">{t.consultations.back}</AppLink>
      </Paragraph>
      <PageTitle>{c ? consultationTitle(c, lang) : t.consultations.title}</PageTitle>
      <QueryState query={consultation} notFound={t.consultations.notFound} />
      {c && (
        <>
          <section aria-labelledby="consultation-facts">
            <Heading level={2} id="consultation-facts">
              {t.consultations.facts}
            </Heading>
            <DataList className="rd-facts">
              <Fact label={t.consultations.instrument}>
                <AppLink to="/instruments/$id" params={{ id: c.instrumentId }}>
                  {c.instrumentShortName}
                </AppLink>
              </Fact>
              <Fact label={t.consultations.cycle}>{cycleName(c.cycleLabel)}</Fact>
              <Fact label={t.consultations.opensAt}>{formatAmsterdam(c.opensAt, locale)}</Fact>
              <Fact label={t.consultations.closesAt}>{formatAmsterdam(c.closesAt, locale)}</Fact>
              <Fact label={t.consultations.status}>
                <StatusMarker status={c.status} />
              </Fact>
            </DataList>
            <Paragraph className="rd-subtle">{t.consultations.timeZoneNote}</Paragraph>
            {c.abilities.moderate && (
              <Paragraph>
                <AppLink to="/consultations/$id/moderation" params={{ id: c.id }}>
                  {t.consultations.moderate} ({c.submissionCount})
                </AppLink>
              </Paragraph>
            )}
          </section>
          {description && (
            <section aria-labelledby="consultation-description">
              <Heading level={2} id="consultation-description">
                {t.consultations.description}
              </Heading>
              {description.split(/\n{2,}/).map((p, i) => (
                <Paragraph key={i} className="rd-prewrap">
                  {p}
                </Paragraph>
              ))}
            </section>
          )}
          <section aria-labelledby="submission-form-heading">
            <Heading level={2} id="submission-form-heading">
              {t.consultations.formTitle}
            </Heading>
            {c.status === 'planned' && (
              <Paragraph>
                {fmt(t.consultations.notOpenYet, { date: formatAmsterdam(c.opensAt, locale) })}
              </Paragraph>
            )}
            {c.status === 'closed' && (
              <Paragraph>
                {fmt(t.consultations.closedText, { date: formatAmsterdam(c.closesAt, locale) })}
              </Paragraph>
            )}
            {c.status === 'open' && (
              <SubmissionForm consultationId={c.id} labelledBy="submission-form-heading" />
            )}
          </section>
          {c.usageSummary && (
            <section aria-labelledby="usage-summary">
              <Heading level={2} id="usage-summary">
                {t.consultations.usageSummary}
              </Heading>
              <Paragraph className="rd-prewrap">{c.usageSummary}</Paragraph>
            </section>
          )}
          <Published c={c} />
        </>
      )}
    </>
  );
}

function Published({ c }: { c: PublicConsultation }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="published-heading">
      <Heading level={2} id="published-heading">
        {t.consultations.published}
      </Heading>
      {c.published.length === 0 && <Paragraph>{t.consultations.noPublished}</Paragraph>}
      {c.published.map((s) => (
        <article key={s.id} className="rd-panel" aria-labelledby={`pub-${s.id}`} data-testid="published">
          <Heading level={3} id={`pub-${s.id}`}>
            {s.organisationName}
          </Heading>
          <Paragraph className="rd-subtle">{formatAmsterdam(s.submittedAt, t.meta.locale)}</Paragraph>
          <Paragraph className="rd-prewrap">{s.body}</Paragraph>
          {s.attachments.length > 0 && (
            <ul aria-label={t.consultations.attachments}>
              {s.attachments.map((a) => (
                <li key={a.id}>
                  <AttachmentLink a={a} />
                </li>
              ))}
            </ul>
          )}
          {s.usageNote && (
            <>
              <Heading level={4}>{t.consultations.usedHow}</Heading>
              <Paragraph className="rd-prewrap">{s.usageNote}</Paragraph>
            </>
          )}
        </article>
      ))}
    </section>
  );
}
