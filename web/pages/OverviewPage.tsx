import { useQuery } from '@tanstack/react-query';
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { OverviewRow } from '../../src/instruments/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import {
  AppLink,
  ErrorAlert,
  Loading,
  Overdue,
  PageTitle,
  TableScroll,
  Unverified,
  useDocumentTitle,
} from '../components/ui.tsx';

export function OverviewPage() {
  const { t, name, date, phase, lang } = useI18n();
  useDocumentTitle(t.overview.title);
  const q = useQuery({
    queryKey: ['overview'],
    queryFn: () => api<{ items: OverviewRow[] }>('GET', '/api/overview'),
  });

  return (
    <>
      <PageTitle>{t.overview.title}</PageTitle>
      <Paragraph appearance="lead">{t.overview.intro}</Paragraph>
      <nav aria-labelledby="export-heading" className="rd-exports">
        <Heading level={2} id="export-heading" appearance="utrecht-heading-4">
          {t.exports.title}
        </Heading>
        <ul className="rd-exports__list">
          <li>
            <a
              className="utrecht-link utrecht-link--html-a"
              href={`/api/overview.xlsx?lang=${lang}`}
              download
              data-testid="export-xlsx"
            >
              {t.exports.xlsx}
            </a>
          </li>
          <li>
            <a
              className="utrecht-link utrecht-link--html-a"
              href={`/api/overview.csv?lang=${lang}`}
              download
              data-testid="export-csv"
            >
              {t.exports.csv}
            </a>
          </li>
        </ul>
      </nav>
      {q.isPending && <Loading />}
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && q.data.items.length === 0 && <Paragraph>{t.overview.empty}</Paragraph>}
      {q.data && q.data.items.length > 0 && (
        <TableScroll labelledBy="overview-caption">
          <Table className="rd-table" data-testid="overview-table">
            <TableCaption id="overview-caption">{t.overview.caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t.overview.instrument}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.overview.body}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.overview.lead}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.overview.lastReport}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.overview.currentPhase}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.overview.nextDue}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {q.data.items.map((row) => (
                <TableRow key={row.instrumentId} data-code={row.code}>
                  <TableHeaderCell scope="row" className="rd-instrument-cell">
                    <AppLink to="/instruments/$id" params={{ id: row.instrumentId }}>
                      {row.shortName}
                    </AppLink>
                    <span className="rd-subtle">{name(row)}</span>
                  </TableHeaderCell>
                  <TableCell>{row.monitoringBody ? name(row.monitoringBody) : t.common.none}</TableCell>
                  <TableCell>
                    {row.lead ? name(row.lead) : t.common.none}{' '}
                    {row.lead && !row.leadVerified && <Unverified />}
                  </TableCell>
                  <TableCell>
                    {row.lastReport ? (
                      <>
                        {row.lastReport.date
                          ? date(row.lastReport.date, row.lastReport.datePrecision)
                          : row.lastReport.cycleLabel}
                        {row.lastReport.symbol && <span className="rd-symbol">{row.lastReport.symbol}</span>}
                        {!row.lastReport.verified && <Unverified />}
                      </>
                    ) : (
                      t.common.none
                    )}
                  </TableCell>
                  <TableCell>
                    {row.currentPhase ? (
                      <>
                        {phase(row.currentPhase.kind)}
                        {row.currentPhase.date && (
                          <span className="rd-subtle">
                            {date(row.currentPhase.date, row.currentPhase.datePrecision ?? 'day')}
                          </span>
                        )}
                      </>
                    ) : (
                      t.common.none
                    )}
                  </TableCell>
                  <TableCell className={row.nextDue?.overdue ? 'rd-cell--overdue' : undefined}>
                    {row.nextDue ? (
                      <>
                        {date(row.nextDue.date, row.nextDue.datePrecision ?? 'day')}{' '}
                        {row.nextDue.overdue && <Overdue />}
                        {row.nextDue.derived && <span className="rd-marker">{t.deadlines.derived}</span>}
                        <span className="rd-subtle">{phase(row.nextDue.kind)}</span>
                      </>
                    ) : (
                      t.common.none
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {q.data && q.data.items.length > 0 && (
        <Paragraph className="rd-subtle">{fmt(t.overview.count, { count: q.data.items.length })}</Paragraph>
      )}
    </>
  );
}
