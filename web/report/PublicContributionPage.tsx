import { useParams } from '@tanstack/react-router';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { QueryState } from '../components/feedback.tsx';
import { PageTitle, useDocumentTitle } from '../components/ui.tsx';
import { formatAmsterdam } from '../consultations/time.ts';
import { ContributionForm } from './ContributionForm.tsx';
import { submitByLink, usePublicForm } from './contributions-api.ts';

/**
 * The public contribution form a request's link opens (/bijdrage/<secret>), without signing in:
 * the request's title, instructions and deadline, then the form, or, after the deadline or once
 * closed, a message that says so instead of the form.
 */
export function PublicContributionPage() {
  const { secret } = useParams({ from: '/bijdrage/$secret' });
  const { t } = useI18n();
  const tf = t.contributionForm;
  const query = usePublicForm(secret);
  const form = query.data;
  useDocumentTitle(form ? form.title : tf.pageTitle);
  const deadline = form ? formatAmsterdam(form.deadline, t.meta.locale) : '';
  const unknown = query.error instanceof ApiError && query.error.status === 404;
  return (
    <>
      <PageTitle>{form ? form.title : tf.pageTitle}</PageTitle>
      {unknown ? (
        <Alert type="warning">
          <Paragraph data-testid="contribution-link-unknown">{tf.notFound}</Paragraph>
        </Alert>
      ) : (
        <QueryState query={query} />
      )}
      {form && (
        <>
          {form.instructions.split(/\n{2,}/).map((p, i) => (
            <Paragraph key={i} className="rd-prewrap">
              {p}
            </Paragraph>
          ))}
          {form.open ? (
            <>
              <Paragraph data-testid="contribution-deadline">
                <strong>{fmt(tf.deadline, { deadline })}</strong>
              </Paragraph>
              <section aria-labelledby="contribution-form-heading">
                <Heading level={2} id="contribution-form-heading">
                  {tf.formTitle}
                </Heading>
                <Paragraph>{tf.intro}</Paragraph>
                <ContributionForm
                  form={form}
                  honeypot
                  labelledBy="contribution-form-heading"
                  send={(fields) => submitByLink(secret, fields)}
                />
              </section>
            </>
          ) : (
            <Alert type="info">
              <Paragraph data-testid="contribution-form-closed">
                {form.closed ? tf.closed : fmt(tf.expired, { deadline })}
              </Paragraph>
            </Alert>
          )}
        </>
      )}
    </>
  );
}
