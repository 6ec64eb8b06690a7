import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { StateReportRequest } from '../../src/state-report/contributions-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { AppLink, Overdue } from '../components/ui.tsx';
import { useMyRequests } from './api.ts';

/** The requests for contributions to state reports that the signed-in user's organisation received. */
export function RequestsPage() {
  const { t } = useI18n();
  const list = useMyRequests();
  return (
    <SignedInPage title={t.stateReport.requestsTitle}>
      {() => (
        <>
          <Paragraph>{t.stateReport.requestsIntro}</Paragraph>
          <QueryState query={list} />
          {list.data &&
            (list.data.items.length === 0 ? (
              <Paragraph>{t.stateReport.requestsNone}</Paragraph>
            ) : (
              <RequestTable items={list.data.items} />
            ))}
        </>
      )}
    </SignedInPage>
  );
}

/** The state of a request's contribution in words, "late" marked. */
export function ContributionStateText({ r }: { r: StateReportRequest }) {
  const { t } = useI18n();
  const c = r.contribution;
  return (
    <>
      {t.stateReport.states[c?.state ?? 'requested']}
      {c?.late && <span className="rd-marker rd-marker--overdue">{t.stateReport.lateMark}</span>}
    </>
  );
}

function RequestTable({ items }: { items: StateReportRequest[] }) {
  const { t, date } = useI18n();
  return (
    <DataTable
      captionId="state-report-requests-caption"
      caption={fmt(t.stateReport.requestsCaption, { total: items.length })}
      testId="state-report-requests"
      columns={[t.stateReport.section, t.stateReport.report, t.stateReport.deadline, t.stateReport.state]}
    >
      {items.map((r) => (
        <TableRow key={r.id}>
          <TableHeaderCell scope="row">
            <AppLink to="/bijdrageverzoeken/$requestId" params={{ requestId: r.id }}>
              {r.section.number ? `${r.section.number}. ` : ''}
              {r.section.heading}
            </AppLink>
          </TableHeaderCell>
          <TableCell>{r.reportTitle}</TableCell>
          <TableCell>
            {date(r.deadline)} {r.overdue && <Overdue />}
          </TableCell>
          <TableCell>
            <ContributionStateText r={r} />
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
