import { useState } from 'react';
import { useParams } from '@tanstack/react-router';
import { Alert, DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { StateReportRequest } from '../../src/state-report/contributions-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { QueryState, SuccessNotice } from '../components/feedback.tsx';
import { AppLink, Fact, Overdue } from '../components/ui.tsx';
import { useContributionRequest } from './api.ts';
import { ContributionEditor } from './ContributionEditor.tsx';
import { LiveWords } from './SectionEditor.tsx';
import { ContributionStateText } from './RequestsPage.tsx';

/**
 * A request for a contribution: the section and question it is for, the deadline (overdue marked)
 * and the coordinator's message, then the contribution: written or uploaded as .docx, saved as a
 * draft and submitted (late when after the deadline), or read once submitted.
 */
export function RequestPage() {
  const { requestId } = useParams({ from: '/bijdrageverzoeken/$requestId' });
  const { t } = useI18n();
  const query = useContributionRequest(requestId);
  const r = query.data;
  return (
    <SignedInPage
      title={r ? fmt(t.stateReport.requestFor, { report: r.reportTitle }) : t.stateReport.requestsTitle}
      back={<AppLink to="/bijdrageverzoeken">{t.stateReport.requestBack}</AppLink>}
    >
      {() => (
        <>
          <QueryState query={query} notFound={t.stateReport.requestNotFound} />
          {r && <RequestView r={r} />}
        </>
      )}
    </SignedInPage>
  );
}

function RequestView({ r }: { r: StateReportRequest }) {
  const { t, date } = useI18n();
  const [submitted, setSubmitted] = useState<string | null>(null);
  const c = r.contribution;
  const writable = c ? c.abilities.write : r.abilities.write;
  return (
    <>
      <section aria-labelledby="request-facts">
        <Heading level={2} id="request-facts">
          {t.stateReport.facts}
        </Heading>
        <DataList className="rd-facts">
          <Fact label={t.stateReport.section}>
            {r.section.number ? `${r.section.number}. ` : ''}
            {r.section.heading}
          </Fact>
          <Fact label={t.stateReport.organisation}>
            {r.organisation.name} ({r.organisation.code})
          </Fact>
          <Fact label={t.stateReport.deadline}>
            <span data-testid="request-deadline">{date(r.deadline)}</span> {r.overdue && <Overdue />}
          </Fact>
          <Fact label={t.stateReport.state}>
            <span data-testid="request-state">
              <ContributionStateText r={r} />
            </span>
          </Fact>
        </DataList>
        {r.section.question && (
          <>
            <Heading level={3}>{t.stateReport.question}</Heading>
            <Paragraph className="rd-prewrap">{r.section.question}</Paragraph>
          </>
        )}
        {r.message && (
          <>
            <Heading level={3}>{t.stateReport.message}</Heading>
            <Paragraph className="rd-prewrap">{r.message}</Paragraph>
          </>
        )}
      </section>
      {submitted && <SuccessNotice message={submitted} focus testId="contribution-submitted" />}
      {writable ? (
        <ContributionEditor key={r.id} r={r} onSubmitted={setSubmitted} />
      ) : (
        c && (
          <section aria-labelledby="contribution-read">
            <Heading level={2} id="contribution-read">
              {t.stateReport.contributionTitle}
            </Heading>
            {c.state !== 'draft' && (
              <Alert type="info">
                <Paragraph>{t.stateReport.readOnly}</Paragraph>
              </Alert>
            )}
            <Paragraph className="rd-prewrap" data-testid="contribution-text">
              {c.text}
            </Paragraph>
            <LiveWords text={c.text} testId="contribution-words" />
          </section>
        )
      )}
    </>
  );
}
