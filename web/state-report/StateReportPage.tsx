import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { DataList, Heading } from '@utrecht/component-library-react';
import type { Cycle } from '../../src/cycles/schema.ts';
import type { StateReport } from '../../src/state-report/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { SignedInPage } from '../components/access.tsx';
import { QueryState, SuccessNotice } from '../components/feedback.tsx';
import { AppLink, Fact } from '../components/ui.tsx';
import { useStateReport } from './api.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { LoiImport } from './LoiImport.tsx';
import { Progress } from './Progress.tsx';
import { RequestContributions } from './RequestContributions.tsx';
import { ReportSections } from './ReportSections.tsx';
import { SubmissionForm } from './SubmissionForm.tsx';
import { WordCount } from './WordCount.tsx';

/**
 * A state report: its facts and word count, its sections, and for those who manage it the import of
 * the list of issues, the requests for contributions and their progress, the export and the submission.
 */
export function StateReportPage() {
  const { id } = useParams({ from: '/statenrapporten/$id' });
  const { t } = useI18n();
  const query = useStateReport(id);
  const r = query.data;
  return (
    <SignedInPage
      title={r?.title ?? t.stateReport.listTitle}
      back={<AppLink to="/statenrapporten">{t.stateReport.back}</AppLink>}
    >
      {() => (
        <>
          <QueryState query={query} notFound={t.stateReport.notFound} />
          {r && <ReportView r={r} />}
        </>
      )}
    </SignedInPage>
  );
}

function ReportView({ r }: { r: StateReport }) {
  const manage = r.abilities.manage;
  // The submission ends the editing (the form goes away): its confirmation is shown here.
  const [submitted, setSubmitted] = useState<string | null>(null);
  return (
    <>
      {submitted && <SuccessNotice message={submitted} focus testId="state-report-submission-saved" />}
      <ReportFacts r={r} />
      <ReportSections r={r} />
      {manage && r.kind === 'simplified' && <LoiImport r={r} />}
      {manage && r.sections.length > 0 && <RequestContributions r={r} />}
      {manage && <Progress r={r} />}
      {manage && <ExportPanel r={r} />}
      {manage && <SubmissionForm r={r} onSaved={setSubmitted} />}
    </>
  );
}

/** The cycle of the report, to show the phase it is in (which the submission moves). */
export function useCycle(id: string) {
  return useQuery({
    queryKey: ['cycles', id],
    queryFn: () => api<Cycle>('GET', `/api/cycles/${encodeURIComponent(id)}`),
  });
}

function ReportFacts({ r }: { r: StateReport }) {
  const { t, date, phase, cycle: cycleName } = useI18n();
  const cycle = useCycle(r.cycleId).data;
  return (
    <section aria-labelledby="state-report-facts">
      <Heading level={2} id="state-report-facts">
        {t.stateReport.facts}
      </Heading>
      <DataList className="rd-facts">
        <Fact label={t.stateReport.kind}>
          <span data-testid="state-report-kind">{t.stateReport.kinds[r.kind] ?? r.kind}</span>
        </Fact>
        <Fact label={t.stateReport.cycle}>
          <AppLink to="/instruments/$id" params={{ id: r.instrumentId }}>
            {r.instrumentName}: {cycleName(r.cycleLabel)}
          </AppLink>
        </Fact>
        <Fact label={t.stateReport.cyclePhase}>
          <span data-testid="state-report-cycle-phase">{cycle ? phase(cycle.status.currentPhase) : '…'}</span>
        </Fact>
        {r.kind === 'simplified' && (
          <Fact label={t.stateReport.loi}>{r.loiSymbol ?? t.stateReport.loiNone}</Fact>
        )}
        <Fact label={t.stateReport.submittedOn}>
          <span data-testid="state-report-submitted">
            {r.submittedOn ? `${date(r.submittedOn)} (${r.symbol ?? ''})` : t.stateReport.notSubmitted}
          </span>
        </Fact>
        <Fact label={t.stateReport.wordCount}>
          <WordCount words={r.words} limit={r.wordLimit} over={r.overLimit} />
        </Fact>
      </DataList>
    </section>
  );
}
