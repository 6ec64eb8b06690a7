import { useState } from 'react';
import {
  Button,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Priorities } from '../../src/dashboards/schema.ts';
import { STATUS_LABELS } from '../../src/dashboards/labels.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { DownloadLinks } from '../components/DownloadLinks.tsx';
import { QueryState } from '../components/feedback.tsx';
import { AppLink, Overdue } from '../components/ui.tsx';
import { excerpt, useRecommendationRef } from '../recommendations/ResultList.tsx';
import { prioritiesHref, usePriorities } from './api.ts';
import '../i18n/followup-texts.ts';

/** Rows shown before "show all": the download always holds them all. */
const SHOWN = 50;

/**
 * The treaty bodies' follow-up priorities within the filters of the dashboard: the soonest deadline of
 * the follow-up report first, overdue and sent said in words, with their .csv and .xlsx.
 */
export function PrioritiesSection({ query }: { query: Record<string, string> }) {
  const { t, lang } = useI18n();
  const priorities = usePriorities(query);
  const data = priorities.data;
  return (
    <section
      className="rd-dash"
      aria-labelledby="dash-priorities-heading"
      aria-busy={priorities.isFetching}
      data-testid="dashboard-priorities"
    >
      <Heading level={2} id="dash-priorities-heading">
        {t.dashboards.prioritiesHeading}
      </Heading>
      <Paragraph>{t.dashboards.prioritiesIntro}</Paragraph>
      <QueryState query={priorities} />
      {data &&
        (data.total === 0 ? (
          <Paragraph data-testid="dashboard-priorities-none">{t.dashboards.prioritiesNone}</Paragraph>
        ) : (
          <>
            <Paragraph data-testid="dashboard-priorities-total">
              {fmt(t.dashboards.prioritiesTotal, { total: data.total })}
            </Paragraph>
            <PrioritiesTable data={data} />
          </>
        ))}
      <DownloadLinks
        links={[
          {
            href: prioritiesHref(query, 'csv', lang),
            label: t.dashboards.prioritiesCsv,
            testId: 'dashboard-priorities-csv',
          },
          {
            href: prioritiesHref(query, 'xlsx', lang),
            label: t.dashboards.prioritiesXlsx,
            testId: 'dashboard-priorities-xlsx',
          },
        ]}
      />
    </section>
  );
}

function PrioritiesTable({ data }: { data: Priorities }) {
  const { t, lang, date } = useI18n();
  const ref = useRecommendationRef();
  const [all, setAll] = useState(false);
  const items = all ? data.items : data.items.slice(0, SHOWN);
  return (
    <>
      <DataTable
        captionId="dash-priorities-caption"
        caption={fmt(t.dashboards.prioritiesCaption, { total: data.total })}
        testId="dashboard-priorities-table"
        columns={[
          t.dashboards.body,
          t.dashboards.reference,
          t.dashboards.text,
          t.dashboards.lead,
          t.dashboards.position,
          t.dashboards.latestStatus,
          t.dashboards.due,
        ]}
      >
        {items.map((i) => (
          <TableRow key={i.id} data-id={i.id}>
            <TableCell>{i.bodyCode ?? t.common.none}</TableCell>
            <TableHeaderCell scope="row">
              <AppLink to="/recommendations/$id" params={{ id: i.id }}>
                {ref({ symbol: i.symbol, paragraph: i.paragraph, uprSession: null })}
              </AppLink>
            </TableHeaderCell>
            <TableCell lang="en">{excerpt(i.text, 160)}</TableCell>
            <TableCell>{i.lead ?? t.common.none}</TableCell>
            <TableCell>
              {i.position ? excerpt(t.followUp.positions[i.position] ?? i.position, 80) : t.common.none}
            </TableCell>
            <TableCell data-status={i.latestStatus}>{STATUS_LABELS[i.latestStatus][lang]}</TableCell>
            <TableCell data-testid="priority-due">
              {i.dueDate ? date(i.dueDate, i.duePrecision ?? 'day') : t.dashboards.dueUnknown}
              {i.overdue && (
                <>
                  {' '}
                  <Overdue />
                </>
              )}
              {i.submitted && (
                <>
                  {' '}
                  <span className="rd-marker rd-marker--sent">{t.dashboards.sent}</span>
                </>
              )}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
      {items.length < data.total && (
        <>
          <Paragraph>
            {fmt(t.dashboards.prioritiesShown, { shown: items.length, total: data.total })}
          </Paragraph>
          <Button appearance="secondary-action-button" onClick={() => setAll(true)}>
            {fmt(t.dashboards.showAll, { total: data.total })}
          </Button>
        </>
      )}
    </>
  );
}
