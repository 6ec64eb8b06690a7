import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ProgressDashboard } from '../../src/dashboards/schema.ts';
import { GROUP_LABELS, STATUS_LABELS } from '../../src/dashboards/labels.ts';
import { useI18n } from '../i18n/index.tsx';
import { TableScroll } from '../components/DataTable.tsx';
import '../i18n/followup-texts.ts';

/**
 * The numbers of the chart as a table: a row per group, a column per status, the total per group and,
 * in the footer, the totals of the search (a recommendation in two themes counts once there).
 */
export function ProgressTable(props: {
  data: ProgressDashboard;
  labels: string[];
  id: string;
  caption: string;
}) {
  const { t, lang } = useI18n();
  const { data } = props;
  const captionId = `${props.id}-caption`;
  return (
    <TableScroll labelledBy={captionId}>
      <Table className="rd-table rd-dash-table" id={props.id} data-testid="dashboard-table">
        <TableCaption id={captionId}>{props.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{GROUP_LABELS[data.groupBy][lang]}</TableHeaderCell>
            {data.statuses.map((s) => (
              <TableHeaderCell key={s} scope="col" data-status={s} className="rd-dash-num">
                {STATUS_LABELS[s][lang]}
              </TableHeaderCell>
            ))}
            <TableHeaderCell scope="col" className="rd-dash-num">
              {t.dashboards.total}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.rows.map((r, i) => (
            <TableRow key={r.key ?? '-'} data-key={r.key ?? ''}>
              <TableHeaderCell scope="row">{props.labels[i]}</TableHeaderCell>
              {data.statuses.map((s) => (
                <TableCell key={s} data-status={s} className="rd-dash-num">
                  {r.counts[s] ?? 0}
                </TableCell>
              ))}
              <TableCell data-status="total" className="rd-dash-num">
                {r.total}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow data-testid="dashboard-totals">
            <TableHeaderCell scope="row">{t.dashboards.totals}</TableHeaderCell>
            {data.statuses.map((s) => (
              <TableCell key={s} data-status={s} className="rd-dash-num">
                {data.totals[s] ?? 0}
              </TableCell>
            ))}
            <TableCell data-status="total" className="rd-dash-num">
              {data.total}
            </TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </TableScroll>
  );
}
