import { useId } from 'react';
import {
  Heading,
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
import { useI18n } from '../i18n/index.tsx';
import { TableScroll } from '../components/DataTable.tsx';
import { formatEuro } from './annex-api.ts';
import { priorityLabel } from './ExpenditureTable.tsx';
import './annex-texts.ts';

/** The priorities × the years chosen, with each year's total: the comparison the report makes. */
export function ExpenditureComparison({ years }: { years: YearTotals[] }) {
  const { t, lang } = useI18n();
  const id = useId();
  const captionId = `${id}-caption`;
  const first = years[0];
  if (!first) return null;
  const locale = t.meta.locale;
  return (
    <section aria-labelledby={`${id}-heading`} data-testid="annex-comparison">
      <Heading level={2} id={`${id}-heading`}>
        {t.annex.comparison}
      </Heading>
      <TableScroll labelledBy={captionId}>
        <Table className="rd-table rd-annex-table">
          <TableCaption id={captionId}>{t.annex.comparisonCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.annex.priority}</TableHeaderCell>
              {years.map((y) => (
                <TableHeaderCell key={y.year} scope="col" className="rd-annex-num">
                  {y.year}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {first.priorities.map((p) => (
              <TableRow key={p.priority} data-priority={p.priority}>
                <TableHeaderCell scope="row">{priorityLabel(p, lang)}</TableHeaderCell>
                {years.map((y) => (
                  <TableCell key={y.year} className="rd-annex-num" data-year={y.year}>
                    {formatEuro(locale, y.priorities.find((q) => q.priority === p.priority)?.amountEur ?? 0)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow data-testid="annex-comparison-total">
              <TableHeaderCell scope="row">{t.annex.total}</TableHeaderCell>
              {years.map((y) => (
                <TableCell key={y.year} className="rd-annex-num" data-year={y.year}>
                  {formatEuro(locale, y.totalEur)}
                </TableCell>
              ))}
            </TableRow>
          </TableFooter>
        </Table>
      </TableScroll>
    </section>
  );
}
