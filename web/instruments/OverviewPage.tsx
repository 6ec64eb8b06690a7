import { useQuery } from '@tanstack/react-query';
import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { OverviewRow } from '../../src/instruments/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { DownloadLinks } from '../components/DownloadLinks.tsx';
import { QueryTable } from '../components/QueryTable.tsx';
import { AppLink, Overdue, PageTitle, Unverified, useDocumentTitle } from '../components/ui.tsx';

export function OverviewPage() {
  const { t, name, date, phase, lang, cycle: cycleName } = useI18n();
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
        <DownloadLinks
          links={[
            { href: `/api/overview.xlsx?lang=${lang}`, label: t.exports.xlsx, testId: 'export-xlsx' },
            { href: `/api/overview.csv?lang=${lang}`, label: t.exports.csv, testId: 'export-csv' },
          ]}
        />
      </nav>
      <QueryTable
        query={q}
        empty={t.overview.empty}
        captionId="overview-caption"
        caption={t.overview.caption}
        columns={[
          t.overview.instrument,
          t.overview.body,
          t.overview.lead,
          t.overview.lastReport,
          t.overview.currentPhase,
          t.overview.nextDue,
        ]}
        testId="overview-table"
        row={(row) => (
          <TableRow key={row.instrumentId} data-code={row.code}>
            <TableHeaderCell scope="row" className="rd-instrument-cell">
              <AppLink to="/instruments/$id" params={{ id: row.instrumentId }}>
                {row.shortName}
              </AppLink>
              <span className="rd-subtle">{name(row)}</span>
            </TableHeaderCell>
            <TableCell>{row.monitoringBody ? name(row.monitoringBody) : t.common.none}</TableCell>
            <TableCell>
              {row.lead ? name(row.lead) : t.common.none} {row.lead && !row.leadVerified && <Unverified />}
            </TableCell>
            <TableCell>
              {row.lastReport ? (
                <>
                  {row.lastReport.date
                    ? date(row.lastReport.date, row.lastReport.datePrecision)
                    : cycleName(row.lastReport.cycleLabel)}
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
        )}
      />
      {q.data && q.data.items.length > 0 && (
        <Paragraph className="rd-subtle">{fmt(t.overview.count, { count: q.data.items.length })}</Paragraph>
      )}
    </>
  );
}
