import { useNavigate, useSearch } from '@tanstack/react-router';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { SignedInPage } from '../components/access.tsx';
import { DataTable, Pager } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FilterForm, SelectField, TextField, useFields } from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { useClusters } from './api.ts';
import { ClusterProposals } from '../similar/ClusterProposals.tsx';
import '../i18n/followup-texts.ts';

const PAGE_SIZE = 25;

/**
 * The clusters of recommendations, filtered by owner organisation and text. A cluster is made from a
 * search on the recommendations page ("Cluster maken van deze resultaten").
 */
export function ClustersPage() {
  const { t } = useI18n();
  return <SignedInPage title={t.clusters.title}>{() => <Content />}</SignedInPage>;
}

function Content() {
  const { t, name } = useI18n();
  const search = useSearch({ from: '/clusters' });
  const navigate = useNavigate({ from: '/clusters' });
  const page = search.page ?? 1;
  const list = useClusters({ organisationId: search.organisationId, q: search.q, page, pageSize: PAGE_SIZE });
  const options = useOrganisationOptions(t.clusters.anyOrganisation);
  const filters = useFields({ organisationId: search.organisationId ?? '', q: search.q ?? '' });
  const data = list.data;
  return (
    <>
      <Paragraph appearance="lead">{t.clusters.intro}</Paragraph>
      <FilterForm
        fields={filters}
        resettable
        legend={t.clusters.filterLegend}
        onApply={(v) =>
          void navigate({
            search: { organisationId: v.organisationId || undefined, q: v.q.trim() || undefined },
          })
        }
      >
        <SelectField label={t.clusters.owner} options={options} {...filters.field('organisationId')} />
        <TextField label={t.clusters.searchLabel} type="search" {...filters.field('q')} />
      </FilterForm>
      <QueryState query={list} />
      {data &&
        (data.items.length === 0 ? (
          <Paragraph data-testid="clusters-none">{t.clusters.none}</Paragraph>
        ) : (
          <DataTable
            captionId="clusters-caption"
            caption={fmt(t.clusters.listCaption, { total: data.total })}
            testId="clusters-table"
            columns={[t.clusters.clusterTitle, t.clusters.owner, t.clusters.memberCount]}
          >
            {data.items.map((c) => (
              <TableRow key={c.id}>
                <TableHeaderCell scope="row">
                  <AppLink to="/clusters/$id" params={{ id: c.id }}>
                    {c.title}
                  </AppLink>
                </TableHeaderCell>
                <TableCell>
                  {name(c.owner)} ({c.owner.code})
                </TableCell>
                <TableCell>{c.memberCount}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        ))}
      {data && data.total > PAGE_SIZE && (
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={data.total}
          onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
        />
      )}
      <ClusterProposals />
    </>
  );
}
