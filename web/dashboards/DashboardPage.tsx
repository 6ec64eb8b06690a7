import { useEffect, useMemo } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ProgressDashboard } from '../../src/dashboards/schema.ts';
import type { Facet } from '../../src/recommendations/schema.ts';
import { GROUP_LABELS } from '../../src/dashboards/labels.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { filled } from '../lib/search.ts';
import { SignedInPage } from '../components/access.tsx';
import { DownloadLinks } from '../components/DownloadLinks.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FilterForm, SelectField, TextField, useFields } from '../components/form/index.ts';
import { dashboardQuery, downloadHref, useFacets, useProgressDashboard } from './api.ts';
import { OverdueSection } from './OverdueSection.tsx';
import { PrioritiesSection } from './PrioritiesSection.tsx';
import { ProgressChart } from './ProgressChart.tsx';
import { ProgressTable } from './ProgressTable.tsx';
import { DASHBOARD_FILTERS, DASHBOARD_GROUPS, type DashboardSearch } from './search.ts';
import './dashboards.css';
import '../i18n/followup-texts.ts';

const TABLE_ID = 'dashboard-table';

/**
 * The progress dashboard: a view of a recommendation search (its filters are in the URL), counted per
 * group by the status of each recommendation's latest approved progress, as a chart and as a table;
 * below it the treaty bodies' follow-up priorities of the same search, and what is overdue.
 */
export function DashboardPage() {
  const { t } = useI18n();
  return <SignedInPage title={t.dashboards.title}>{() => <Content />}</SignedInPage>;
}

const formOf = (s: DashboardSearch) => ({
  q: s.q ?? '',
  mechanism: s.mechanism ?? '',
  instrumentId: s.instrumentId ?? '',
  cycleId: s.cycleId ?? '',
  leadOrganisationId: s.leadOrganisationId ?? '',
  termId: s.termId ?? '',
  year: s.year ?? '',
  groupBy: s.groupBy ?? 'instrument',
});

function Content() {
  const { t, lang } = useI18n();
  const search = useSearch({ from: '/dashboards' });
  const navigate = useNavigate({ from: '/dashboards' });
  const query = dashboardQuery(search);
  const dashboard = useProgressDashboard(query);
  const facets = useFacets(query).data;
  const form = useFields(() => formOf(search));
  const setValues = form.setValues;
  // The form follows the URL (back and forward, a bookmark).
  const key = JSON.stringify(search);
  useEffect(() => setValues(formOf(JSON.parse(key) as DashboardSearch)), [key, setValues]);

  const option = useFacetOptions(facets);
  const organisations = useOrganisationOptions(t.dashboards.any);
  const apply = (v: ReturnType<typeof formOf>) => {
    const next = filled(v) as DashboardSearch;
    void navigate({ search: { ...next, groupBy: next.groupBy === 'instrument' ? undefined : next.groupBy } });
  };
  const data = dashboard.data;

  return (
    <>
      <Paragraph appearance="lead">{t.dashboards.intro}</Paragraph>
      <FilterForm
        fields={form}
        legend={t.dashboards.filters}
        submitLabel={t.dashboards.show}
        onApply={apply}
        resettable
        className="rd-dash-filters"
      >
        <TextField label={t.dashboards.q} type="search" {...form.field('q')} />
        <SelectField
          label={t.dashboards.mechanism}
          options={option('mechanism')}
          {...form.field('mechanism')}
        />
        <SelectField
          label={t.dashboards.instrument}
          options={option('instrument')}
          {...form.field('instrumentId')}
        />
        <SelectField label={t.dashboards.cycle} options={option('cycle')} {...form.field('cycleId')} />
        <SelectField
          label={t.dashboards.ministry}
          options={organisations}
          {...form.field('leadOrganisationId')}
        />
        <SelectField label={t.dashboards.theme} options={option('theme')} {...form.field('termId')} />
        <SelectField label={t.dashboards.year} options={option('year')} {...form.field('year')} />
        <SelectField
          label={t.dashboards.groupBy}
          options={DASHBOARD_GROUPS.map((g) => ({ value: g, label: GROUP_LABELS[g][lang] }))}
          {...form.field('groupBy')}
        />
      </FilterForm>
      <QueryState query={dashboard} />
      {data && <Result data={data} query={query} busy={dashboard.isFetching} />}
      <PrioritiesSection query={query} />
      <OverdueSection />
    </>
  );
}

/** The choices of a filter select from the search's facets, after "any". */
function useFacetOptions(facets: Record<string, Facet[]> | undefined) {
  const { t, lang } = useI18n();
  return (facet: string) => [
    { value: '', label: t.dashboards.any },
    ...(facets?.[facet] ?? []).map((f) => ({
      value: f.value,
      label: `${
        facet === 'mechanism'
          ? (t.recommendations.mechanisms[f.value] ?? f.value)
          : ((lang === 'nl' ? (f.labelNl ?? f.label) : f.label) ?? f.value)
      } (${f.count})`,
    })),
  ];
}

function Result({
  data,
  query,
  busy,
}: {
  data: ProgressDashboard;
  query: Record<string, string>;
  busy: boolean;
}) {
  const { t, lang } = useI18n();
  const labels = useMemo(
    () =>
      data.rows.map((r) =>
        data.groupBy === 'mechanism' && r.key
          ? (t.recommendations.mechanisms[r.key] ?? r.label)
          : lang === 'nl'
            ? r.labelNl
            : r.label,
      ),
    [data, lang, t],
  );
  const group = GROUP_LABELS[data.groupBy][lang];
  const caption = fmt(t.dashboards.tableCaption, { group: group.toLocaleLowerCase(lang), total: data.total });
  const summary = fmt(t.dashboards.chartSummary, {
    group: group.toLocaleLowerCase(lang),
    total: data.total,
    groups: data.rows.length,
  });
  const active = DASHBOARD_FILTERS.some((k) => query[k] !== undefined);
  return (
    <section className="rd-dash" aria-labelledby="dash-result-heading" aria-busy={busy}>
      <Heading level={2} id="dash-result-heading">
        {fmt(t.dashboards.resultHeading, { group: group.toLocaleLowerCase(lang) })}
      </Heading>
      <Paragraph data-testid="dashboard-total">
        {fmt(active ? t.dashboards.totalFiltered : t.dashboards.totalAll, { total: data.total })}
      </Paragraph>
      {data.total === 0 ? (
        <Paragraph>{t.dashboards.none}</Paragraph>
      ) : (
        <>
          <ProgressChart data={data} labels={labels} summary={summary} tableId={TABLE_ID} />
          <Heading level={3}>{t.dashboards.tableHeading}</Heading>
          {(data.groupBy === 'theme' || data.groupBy === 'sdg') && (
            <Paragraph className="rd-dash-note">{t.dashboards.multiNote}</Paragraph>
          )}
          <ProgressTable data={data} labels={labels} id={TABLE_ID} caption={caption} />
        </>
      )}
      <Heading level={3}>{t.dashboards.downloadHeading}</Heading>
      <DownloadLinks
        links={[
          { href: downloadHref(query, 'csv', lang), label: t.dashboards.csv, testId: 'dashboard-csv' },
          { href: downloadHref(query, 'xlsx', lang), label: t.dashboards.xlsx, testId: 'dashboard-xlsx' },
        ]}
      />
    </section>
  );
}
