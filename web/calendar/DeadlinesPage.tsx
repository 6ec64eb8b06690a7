import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { DeadlineQuery, type Deadline } from '../../src/calendar/schema.ts';
import { daysBetween, today } from '../../src/core/dates.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { QueryTable } from '../components/QueryTable.tsx';
import { FilterForm, SelectField, useFields } from '../components/form/index.ts';
import { AppLink, PageTitle, useDocumentTitle } from '../components/ui.tsx';
import { CalendarFeeds } from './CalendarFeeds.tsx';

const PAGE_SIZE = 50;
const WITHIN = [30, 90, 180, 365, 730, 1825, 3650];
const OVERDUE = DeadlineQuery.shape.overdue.unwrap().options;
type OverdueFilter = (typeof OVERDUE)[number];

export function DeadlinesPage() {
  const { t, date, phase, rule, cycle: cycleName } = useI18n();
  useDocumentTitle(t.deadlines.title);
  const search = useSearch({ from: '/deadlines' });
  const navigate = useNavigate({ from: '/deadlines' });
  const within = search.within ?? 365;
  const overdue = search.overdue ?? 'include';
  const page = search.page ?? 1;
  const organisations = useOrganisationOptions(t.deadlines.allOrganisations, 'all');
  const filters = useFields({
    within: String(within),
    organisationId: search.organisationId ?? '',
    overdue: overdue as string,
  });
  const list = useQuery({
    queryKey: ['deadlines', within, search.organisationId ?? '', overdue, page],
    queryFn: () =>
      api<Page<Deadline>>(
        'GET',
        `/api/deadlines${qs({ within, organisationId: search.organisationId, overdue, page, pageSize: PAGE_SIZE })}`,
      ),
  });

  const withinLabel = (d: number) =>
    d >= 365 && d % 365 === 0
      ? fmt(t.deadlines.withinYears, { years: d / 365 })
      : fmt(t.deadlines.withinDays, { days: d });
  const overdueLabels: Record<OverdueFilter, string> = {
    include: t.deadlines.overdueInclude,
    only: t.deadlines.overdueOnly,
    exclude: t.deadlines.overdueExclude,
  };
  const status = (d: Deadline) => {
    if (d.overdue) return <strong className="rd-overdue-text">{t.deadlines.overdueText}</strong>;
    const days = daysBetween(today(), d.date);
    return days <= 0 ? t.deadlines.dueToday : fmt(t.deadlines.dueIn, { days });
  };

  return (
    <>
      <PageTitle>{t.deadlines.title}</PageTitle>
      <Paragraph appearance="lead">{t.deadlines.intro}</Paragraph>
      <FilterForm
        legend={t.deadlines.filterLegend}
        submitLabel={t.deadlines.apply}
        fields={filters}
        onApply={(v) =>
          void navigate({
            search: {
              within: Number(v.within),
              organisationId: v.organisationId || undefined,
              overdue: v.overdue as OverdueFilter,
            },
          })
        }
      >
        <SelectField
          label={t.deadlines.within}
          {...filters.field('within')}
          options={WITHIN.map((d) => ({ value: String(d), label: withinLabel(d) }))}
        />
        <SelectField
          label={t.deadlines.organisation}
          {...filters.field('organisationId')}
          options={organisations}
        />
        <SelectField
          label={t.deadlines.overdueFilter}
          {...filters.field('overdue')}
          options={OVERDUE.map((o) => ({ value: o, label: overdueLabels[o] }))}
        />
      </FilterForm>

      <QueryTable
        query={list}
        empty={t.deadlines.empty}
        captionId="deadlines-caption"
        caption={t.deadlines.caption}
        columns={[
          t.deadlines.date,
          t.deadlines.instrument,
          t.deadlines.step,
          t.deadlines.cycle,
          t.deadlines.status,
          t.deadlines.how,
          t.deadlines.lead,
        ]}
        testId="deadlines-table"
        paging={{
          page,
          pageSize: PAGE_SIZE,
          onPage: (p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } }),
        }}
        row={(d) => (
          <TableRow
            key={`${d.cycleId}-${d.kind}`}
            data-code={d.instrumentCode}
            data-overdue={d.overdue ? 'true' : 'false'}
          >
            <TableCell className={d.overdue ? 'rd-cell--overdue' : undefined}>
              {date(d.date, d.datePrecision)}
            </TableCell>
            <TableHeaderCell scope="row">
              <AppLink to="/instruments/$id" params={{ id: d.instrumentId }}>
                {d.instrumentShortName}
              </AppLink>
            </TableHeaderCell>
            <TableCell>{phase(d.kind)}</TableCell>
            <TableCell>{cycleName(d.cycleLabel)}</TableCell>
            <TableCell>{status(d)}</TableCell>
            <TableCell>
              {d.derived ? (
                <>
                  <span className="rd-marker">{t.deadlines.derived}</span>
                  {d.overridden && <span className="rd-marker"> {t.deadlines.overridden}</span>}
                  {d.rule && <span className="rd-subtle">{rule(d)}</span>}
                </>
              ) : (
                t.deadlines.recorded
              )}
            </TableCell>
            <TableCell>{d.lead ? d.lead.code : t.common.none}</TableCell>
          </TableRow>
        )}
      />
      <CalendarFeeds />
    </>
  );
}
