import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { StateReport } from '../../src/state-report/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { AppLink, Overdue } from '../components/ui.tsx';
import { useProgress } from './api.ts';
import { useSectionName } from './ReportSections.tsx';

/** The progress of the contributions: a row per section × organisation asked, late ones marked. */
export function Progress({ r }: { r: StateReport }) {
  const { t, date } = useI18n();
  const progress = useProgress(r.id);
  const sectionName = useSectionName();
  const p = progress.data;
  const rows = (p?.sections ?? []).flatMap((s) => s.requests.map((cell) => ({ s, cell })));
  const part = new Map(r.sections.map((s) => [s.id, s]));
  return (
    <section aria-labelledby="state-report-progress">
      <Heading level={2} id="state-report-progress">
        {t.stateReport.progressTitle}
      </Heading>
      <QueryState query={progress} />
      {p && rows.length === 0 && <Paragraph>{t.stateReport.progressNone}</Paragraph>}
      {rows.length > 0 && (
        <DataTable
          captionId="state-report-progress-caption"
          caption={t.stateReport.progressCaption}
          testId="state-report-progress-table"
          columns={[
            t.stateReport.section,
            t.stateReport.organisation,
            t.stateReport.deadline,
            t.stateReport.state,
          ]}
        >
          {rows.map(({ s, cell }) => {
            const summary = part.get(s.id);
            return (
              <TableRow key={cell.requestId} data-testid="progress-row">
                <TableHeaderCell scope="row">
                  <AppLink
                    to="/statenrapporten/$id/secties/$sectionId"
                    params={{ id: r.id, sectionId: s.id }}
                  >
                    {summary ? sectionName(summary) : s.heading}
                  </AppLink>
                </TableHeaderCell>
                <TableCell>
                  {cell.organisation.name} ({cell.organisation.code})
                </TableCell>
                <TableCell>
                  {date(cell.deadline)} {cell.overdue && <Overdue />}
                </TableCell>
                <TableCell data-testid="progress-state">
                  {t.stateReport.states[cell.state] ?? cell.state}
                  {cell.late && (
                    <span className="rd-marker rd-marker--overdue">{t.stateReport.lateMark}</span>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
