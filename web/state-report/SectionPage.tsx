import { useParams } from '@tanstack/react-router';
import { DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { StateReportSection } from '../../src/state-report/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { QueryState } from '../components/feedback.tsx';
import { AppLink, Fact } from '../components/ui.tsx';
import { useSection } from './api.ts';
import { useSectionName } from './ReportSections.tsx';
import { SectionContributions } from './SectionContributions.tsx';
import { SectionEditor } from './SectionEditor.tsx';
import { SectionGuidance } from './SectionGuidance.tsx';
import { WordCount } from './WordCount.tsx';

/**
 * A section of a state report: the question or article it answers, what it must answer (the previous
 * recommendations with their follow-up, the consultation input), its text editor and the submitted
 * contributions to accept, reject and merge.
 */
export function SectionPage() {
  const { id, sectionId } = useParams({ from: '/statenrapporten/$id/secties/$sectionId' });
  const { t } = useI18n();
  const query = useSection(id, sectionId);
  const sectionName = useSectionName();
  const s = query.data;
  return (
    <SignedInPage
      title={s ? sectionName(s) : t.stateReport.section}
      back={
        <AppLink to="/statenrapporten/$id" params={{ id }}>
          {t.stateReport.sectionBack}
        </AppLink>
      }
    >
      {() => (
        <>
          <QueryState query={query} notFound={t.stateReport.sectionNotFound} />
          {s && <SectionView s={s} />}
        </>
      )}
    </SignedInPage>
  );
}

function SectionView({ s }: { s: StateReportSection }) {
  const { t } = useI18n();
  return (
    <>
      <section aria-labelledby="section-facts">
        <Heading level={2} id="section-facts">
          {t.stateReport.facts}
        </Heading>
        <DataList className="rd-facts">
          {s.articles.length > 0 && <Fact label={t.stateReport.articles}>{s.articles.join(', ')}</Fact>}
          {s.coParagraphs.length > 0 && (
            <Fact label={t.stateReport.coParagraphs}>{s.coParagraphs.join('; ')}</Fact>
          )}
          {s.priority && (
            <Fact label={t.stateReport.priority}>
              <span className="rd-marker">{t.stateReport.priorityMark}</span>
            </Fact>
          )}
          <Fact label={t.stateReport.wordCount}>
            <WordCount words={s.reportWords} limit={s.wordLimit} over={s.overLimit} />
          </Fact>
        </DataList>
        {s.question && (
          <>
            <Heading level={3}>{t.stateReport.question}</Heading>
            <Paragraph className="rd-prewrap" data-testid="section-question">
              {s.question}
            </Paragraph>
          </>
        )}
      </section>
      <SectionGuidance s={s} />
      <SectionEditor s={s} />
      {s.abilities.manage && <SectionContributions s={s} />}
    </>
  );
}
