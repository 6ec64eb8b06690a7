import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { StateReport, StateReportSectionSummary } from '../../src/state-report/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { AppLink } from '../components/ui.tsx';

/** "Vraag 12: Detention", "Artikel 2: …", "Inleiding": a section's name as the report shows it. */
export function useSectionName() {
  const { t } = useI18n();
  return (s: Pick<StateReportSectionSummary, 'part' | 'number' | 'heading'>) => {
    const part = t.stateReport.parts[s.part] ?? s.part;
    const head = s.number ? `${part} ${s.number}` : part;
    return s.heading && s.heading !== head ? `${head}: ${s.heading}` : head;
  };
}

/** The sections in order, each with its words, requests, contributions and follow-up priority mark. */
export function ReportSections({ r }: { r: StateReport }) {
  const { t } = useI18n();
  const name = useSectionName();
  const n = (v: number) => v.toLocaleString(t.meta.locale);
  return (
    <section aria-labelledby="state-report-sections">
      <Heading level={2} id="state-report-sections">
        {t.stateReport.sections}
      </Heading>
      {r.sections.length === 0 ? (
        <Paragraph>{t.stateReport.noSections}</Paragraph>
      ) : (
        <DataTable
          captionId="state-report-sections-caption"
          caption={fmt(t.stateReport.sectionsCaption, { total: r.sections.length })}
          testId="state-report-sections-table"
          columns={[
            t.stateReport.position,
            t.stateReport.section,
            t.stateReport.words,
            t.stateReport.requests,
            t.stateReport.contributions,
            t.stateReport.priority,
          ]}
        >
          {r.sections.map((s, i) => (
            <TableRow key={s.id} data-testid="state-report-section-row">
              <TableCell>{i + 1}</TableCell>
              <TableHeaderCell scope="row">
                <AppLink to="/statenrapporten/$id/secties/$sectionId" params={{ id: r.id, sectionId: s.id }}>
                  {name(s)}
                </AppLink>
              </TableHeaderCell>
              <TableCell data-testid="section-words">{n(s.words)}</TableCell>
              <TableCell>{s.requests}</TableCell>
              <TableCell>
                {fmt(t.stateReport.contributionsState, {
                  submitted: s.contributionsSubmitted,
                  accepted: s.contributionsAccepted,
                })}
              </TableCell>
              <TableCell>
                {s.priority ? (
                  <span className="rd-marker" data-testid="section-priority">
                    {t.stateReport.priorityMark}
                  </span>
                ) : (
                  t.common.none
                )}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}
