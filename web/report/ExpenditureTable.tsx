import { lazy, Suspense, useId, useState } from 'react';
import {
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { YearTotals } from '../../src/report/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { Loading } from '../components/feedback.tsx';
import { TableScroll } from '../components/DataTable.tsx';
import { formatEuro } from './annex-api.ts';
import './annex-texts.ts';

// The chart library loads only when someone asks for a chart: the table is the annex.
const ExpenditureChart = lazy(() => import('./ExpenditureChart.tsx'));

/** The label of a priority in the UI language, as the totals give it. */
export const priorityLabel = (p: { labelNl: string; labelEn: string }, lang: 'nl' | 'en') =>
  lang === 'nl' ? p.labelNl : p.labelEn;

/**
 * One year of the annex: the table of the priorities with their amounts and payments and the total,
 * the year's notes beneath it, and on request a bar chart beside the table (never instead of it).
 */
export function ExpenditureYear({ totals }: { totals: YearTotals }) {
  const { t, lang } = useI18n();
  const id = useId();
  const headingId = `${id}-heading`;
  const captionId = `${id}-caption`;
  const chartId = `${id}-chart`;
  const [chart, setChart] = useState(false);
  const locale = t.meta.locale;
  const y = totals.year;
  const payments = totals.priorities.reduce((n, p) => n + p.payments, 0);
  return (
    <section aria-labelledby={headingId} data-testid={`annex-year-${y}`} className="rd-annex-year">
      <Heading level={2} id={headingId}>
        {fmt(t.annex.year, { year: y })}
      </Heading>
      <TableScroll labelledBy={captionId}>
        <Table className="rd-table rd-annex-table" data-testid="annex-table">
          <TableCaption id={captionId}>{fmt(t.annex.caption, { year: y })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.annex.priority}</TableHeaderCell>
              <TableHeaderCell scope="col" className="rd-annex-num">
                {t.annex.amount}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="rd-annex-num">
                {t.annex.payments}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {totals.priorities.map((p) => (
              <TableRow key={p.priority} data-priority={p.priority}>
                <TableHeaderCell scope="row">{priorityLabel(p, lang)}</TableHeaderCell>
                <TableCell className="rd-annex-num" data-testid="annex-amount">
                  {formatEuro(locale, p.amountEur)}
                </TableCell>
                <TableCell className="rd-annex-num" data-testid="annex-payments">
                  {p.payments}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow data-testid="annex-total">
              <TableHeaderCell scope="row">{t.annex.total}</TableHeaderCell>
              <TableCell className="rd-annex-num" data-testid="annex-amount">
                {formatEuro(locale, totals.totalEur)}
              </TableCell>
              <TableCell className="rd-annex-num" data-testid="annex-payments">
                {payments}
              </TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </TableScroll>
      <YearNotes year={y} notes={totals.notes} />
      <ButtonGroup>
        <Button
          appearance="secondary-action-button"
          type="button"
          aria-expanded={chart}
          aria-controls={chart ? chartId : undefined}
          onClick={() => setChart((c) => !c)}
        >
          {chart ? t.annex.hideChart : t.annex.showChart}
          <span className="rd-visually-hidden"> {fmt(t.annex.chartYear, { year: y })}</span>
        </Button>
      </ButtonGroup>
      {chart && (
        <div id={chartId}>
          <Suspense fallback={<Loading />}>
            <ExpenditureChart totals={totals} captionId={captionId} />
          </Suspense>
        </div>
      )}
    </section>
  );
}

/** The explanatory notes of a year: advances paid in it or for it, payments left out. */
export function YearNotes({ year, notes, level = 3 }: { year: number; notes: string[]; level?: 3 | 4 }) {
  const { t, lang } = useI18n();
  return (
    <div className="rd-annex-notes" data-testid="annex-notes">
      <Heading level={level}>{fmt(t.annex.notes, { year })}</Heading>
      {notes.length === 0 ? (
        <Paragraph>{fmt(t.annex.noNotes, { year })}</Paragraph>
      ) : (
        // The notes are written in Dutch, as the annex is.
        <ul lang={lang === 'nl' ? undefined : 'nl'}>
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
