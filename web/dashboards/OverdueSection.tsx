import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Overdue } from '../../src/dashboards/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { AppLink } from '../components/ui.tsx';
import { useOverdue } from './api.ts';
import { CommitmentsOverdueCount } from '../commitments/OverdueCount.tsx';
import '../i18n/followup-texts.ts';

type Count = Overdue['withoutProgress'][number];

/**
 * What is overdue in all of the follow-up (not narrowed by the search): actions past their end date, and
 * per organisation the recommendations without approved progress for six months and the drafts waiting.
 */
export function OverdueSection() {
  const { t } = useI18n();
  const overdue = useOverdue();
  const data = overdue.data;
  return (
    <section
      className="rd-dash"
      aria-labelledby="dash-overdue-heading"
      aria-busy={overdue.isFetching}
      data-testid="dashboard-overdue"
    >
      <Heading level={2} id="dash-overdue-heading">
        {t.dashboards.overdueHeading}
      </Heading>
      <Paragraph>{t.dashboards.overdueIntro}</Paragraph>
      <QueryState query={overdue} />
      {data && (
        <>
          <Actions data={data} />
          <Organisations data={data} />
          <CommitmentsOverdueCount />
        </>
      )}
    </section>
  );
}

function Actions({ data }: { data: Overdue }) {
  const { t, date } = useI18n();
  return (
    <>
      <Heading level={3}>{t.dashboards.actionsHeading}</Heading>
      {data.actions.length === 0 ? (
        <Paragraph data-testid="dashboard-actions-none">{t.dashboards.actionsNone}</Paragraph>
      ) : (
        <>
          <DataTable
            captionId="dash-actions-caption"
            caption={fmt(t.dashboards.actionsCaption, { total: data.actionsTotal })}
            testId="dashboard-overdue-actions"
            columns={[
              t.dashboards.action,
              t.dashboards.owner,
              t.dashboards.endDate,
              t.dashboards.recommendationCount,
            ]}
          >
            {data.actions.map((a) => (
              <TableRow key={a.id} data-id={a.id}>
                <TableHeaderCell scope="row">
                  <AppLink to="/actions/$id" params={{ id: a.id }}>
                    {a.title}
                  </AppLink>
                </TableHeaderCell>
                <TableCell>{a.owner}</TableCell>
                <TableCell>{date(a.endDate)}</TableCell>
                <TableCell>{a.recommendationCount}</TableCell>
              </TableRow>
            ))}
          </DataTable>
          {data.actionsTotal > data.actions.length && (
            <Paragraph>
              {fmt(t.dashboards.actionsShown, { shown: data.actions.length, total: data.actionsTotal })}
            </Paragraph>
          )}
        </>
      )}
    </>
  );
}

/** One row per organisation with recommendations without recent progress or drafts waiting. */
function perOrganisation(data: Overdue) {
  const rows = new Map<string, { id: string; code: string; stale?: Count; drafts?: Count }>();
  const row = (c: Count) => rows.get(c.organisationId) ?? { id: c.organisationId, code: c.code };
  for (const c of data.withoutProgress) rows.set(c.organisationId, { ...row(c), stale: c });
  for (const c of data.draftsWaiting) rows.set(c.organisationId, { ...row(c), drafts: c });
  return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
}

function Organisations({ data }: { data: Overdue }) {
  const { t, date } = useI18n();
  const rows = perOrganisation(data);
  const count = (c: Count | undefined) =>
    c ? fmt(t.dashboards.countSince, { count: c.count, date: date(c.since) }) : '0';
  return (
    <>
      <Heading level={3}>{t.dashboards.organisationsHeading}</Heading>
      {rows.length === 0 ? (
        <Paragraph data-testid="dashboard-organisations-none">{t.dashboards.organisationsNone}</Paragraph>
      ) : (
        <DataTable
          captionId="dash-organisations-caption"
          caption={fmt(t.dashboards.organisationsCaption, { total: rows.length })}
          testId="dashboard-overdue-organisations"
          columns={[t.dashboards.organisation, t.dashboards.withoutProgress, t.dashboards.draftsWaiting]}
        >
          {rows.map((r) => (
            <TableRow key={r.id} data-id={r.id}>
              <TableHeaderCell scope="row">
                <AppLink to="/worklist" search={{ organisationId: r.id }}>
                  {r.code}
                </AppLink>
              </TableHeaderCell>
              <TableCell data-kind="without-progress">{count(r.stale)}</TableCell>
              <TableCell data-kind="drafts-waiting">{count(r.drafts)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </>
  );
}
