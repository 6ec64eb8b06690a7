import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { StateReportRequest } from '../../src/state-report/contributions-schema.ts';
import type { StateReportSection } from '../../src/state-report/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FormFeedback, useSubmit } from '../components/form/index.ts';
import { Fact } from '../components/ui.tsx';
import { decideContribution, mergeContributions, requestQuery, stateReportsKey, useProgress } from './api.ts';

type Decision = 'accepted' | 'rejected';

/**
 * The contributions submitted to a section (one per organisation asked), each to accept or reject,
 * and "Samenvoegen": the accepted ones appended to the section's text.
 */
export function SectionContributions({ s }: { s: StateReportSection }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const progress = useProgress(s.reportId);
  const cells = progress.data?.sections.find((p) => p.id === s.id)?.requests ?? [];
  const requests = useQueries({
    queries: cells
      .filter((c) => c.contributionId && c.state !== 'draft')
      .map((c) => requestQuery(c.requestId)),
  });
  const received = requests
    .map((q) => q.data)
    .filter((r): r is StateReportRequest => Boolean(r?.contribution && r.contribution.state !== 'draft'));
  const accepted = received
    .filter((r) => r.contribution!.state === 'accepted')
    .map((r) => r.contribution!.id);
  const merge = useSubmit({
    action: () =>
      mergeContributions(s.reportId, s.id, { contributionIds: accepted, sectionVersion: s.version }),
    success: t.stateReport.merged,
    onSuccess: () => qc.invalidateQueries({ queryKey: stateReportsKey }),
  });
  return (
    <section aria-labelledby="section-contributions" data-testid="section-contributions">
      <Heading level={2} id="section-contributions">
        {t.stateReport.received}
      </Heading>
      <QueryState query={progress} />
      {progress.data && received.length === 0 && <Paragraph>{t.stateReport.receivedNone}</Paragraph>}
      {received.length > 0 && (
        <ul className="rd-plain-list">
          {received.map((r) => (
            <li key={r.id} data-testid="section-contribution">
              <ContributionItem r={r} />
            </li>
          ))}
        </ul>
      )}
      <Heading level={3}>{t.stateReport.merge}</Heading>
      <Paragraph>{accepted.length > 0 ? t.stateReport.mergeIntro : t.stateReport.mergeNone}</Paragraph>
      <FormFeedback submit={merge} successTestId="section-merged" />
      <Button
        appearance="secondary-action-button"
        type="button"
        busy={merge.busy}
        disabled={merge.busy || accepted.length === 0}
        onClick={() => void merge.run()}
      >
        {t.stateReport.merge}
      </Button>
    </section>
  );
}

function ContributionItem({ r }: { r: StateReportRequest }) {
  const { t, dateTime } = useI18n();
  const qc = useQueryClient();
  const c = r.contribution!;
  const headingId = `contribution-${c.id}`;
  const decide = useSubmit<unknown, Decision>({
    action: (decision) => decideContribution(c.id, { decision, version: c.version }),
    success: (_r, decision) => t.stateReport.decided[decision] ?? '',
    onSuccess: () => qc.invalidateQueries({ queryKey: stateReportsKey }),
  });
  const who = fmt(t.stateReport.contributionFrom, { organisation: r.organisation.name });
  return (
    <article aria-labelledby={headingId} className="rd-panel">
      <Heading level={3} id={headingId}>
        {who}
      </Heading>
      <DataList className="rd-facts rd-facts--compact">
        <Fact label={t.stateReport.state}>
          <span data-testid="contribution-state">{t.stateReport.states[c.state] ?? c.state}</span>
        </Fact>
        <Fact label={t.stateReport.submittedAt}>
          {dateTime(c.submittedAt)}{' '}
          {c.late && <span className="rd-marker rd-marker--overdue">{t.stateReport.lateMark}</span>}
        </Fact>
        <Fact label={t.stateReport.source}>
          {fmt(t.stateReport.sources[c.source] ?? c.source, { file: c.fileName ?? '' })}
        </Fact>
        <Fact label={t.stateReport.words}>{c.words.toLocaleString(t.meta.locale)}</Fact>
      </DataList>
      <Paragraph className="rd-prewrap">{c.text}</Paragraph>
      <FormFeedback submit={decide} focusSuccess />
      {c.abilities.decide && (
        <ButtonGroup>
          {(['accepted', 'rejected'] as const)
            .filter((d) => d !== c.state)
            .map((d) => (
              <Button
                key={d}
                appearance="secondary-action-button"
                type="button"
                busy={decide.busy}
                disabled={decide.busy}
                onClick={() => void decide.run(d)}
              >
                {d === 'accepted' ? t.stateReport.accept : t.stateReport.reject}
                <span className="rd-visually-hidden"> ({who})</span>
              </Button>
            ))}
        </ButtonGroup>
      )}
    </article>
  );
}
