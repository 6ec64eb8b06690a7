import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { RecommendationPage as SearchResult } from '../../src/recommendations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { Pager } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FilterForm, TextField, useFields } from '../components/form/index.ts';
import { AppLink, PageTitle, useDocumentTitle } from '../components/ui.tsx';
import { BulkAssignPanel } from '../followup/BulkAssignPanel.tsx';
import { BulkPublishPanel } from '../followup/PublishPanel.tsx';
import { ClusterCreatePanel } from '../clusters/ClusterCreatePanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { ActiveFilters, FACETS, FacetPanel } from './Facets.tsx';
import { ResultList } from './ResultList.tsx';
import { SavedSearches } from './SavedSearches.tsx';
import { kingdomByDefault, searchFilters, type RecommendationsSearch } from './search.ts';
import './recommendations.css';

const PAGE_SIZE = 25;

/** Full-text search in the recommendations with facets, exports and saved searches; its state is the URL. */
export function RecommendationsPage() {
  const { t } = useI18n();
  useDocumentTitle(t.recommendations.title);
  const search = useSearch({ from: '/recommendations' });
  const navigate = useNavigate({ from: '/recommendations' });
  const announce = useAnnounce();
  const me = useMe();
  const page = search.page ?? 1;
  const filters = searchFilters(search);
  const list = useQuery({
    queryKey: ['recommendations', filters, page],
    queryFn: () =>
      api<SearchResult>('GET', `/api/recommendations${qs({ ...filters, page, pageSize: PAGE_SIZE })}`),
    placeholderData: (prev) => prev,
  });
  const count = (total: number) =>
    total === 1 ? t.recommendations.resultCountOne : fmt(t.recommendations.resultCount, { total });

  const total = list.data?.total;
  const fetching = list.isFetching;
  useEffect(() => {
    if (total === undefined || fetching) return;
    announce(total === 1 ? t.recommendations.resultCountOne : fmt(t.recommendations.resultCount, { total }));
  }, [total, fetching, announce, t]);

  const text = useFields({ q: search.q ?? '' });
  const setText = text.set;
  useEffect(() => setText('q', search.q ?? ''), [search.q, setText]);

  const go = (next: RecommendationsSearch) => void navigate({ search: { ...next, page: undefined } });

  return (
    <>
      <PageTitle>{t.recommendations.title}</PageTitle>
      <a href="#rec-results-heading" className="utrecht-link utrecht-link--html-a rd-skip-results">
        {t.recommendations.skipToResults}
      </a>
      <Paragraph appearance="lead">{t.recommendations.intro}</Paragraph>
      <PublishedOnlyNotice />

      <FilterForm
        submitLabel={t.recommendations.searchButton}
        fields={text}
        onApply={(v) => go({ ...search, q: v.q.trim() || undefined })}
        className="rd-rec-search"
      >
        <TextField
          label={t.recommendations.searchLabel}
          hint={t.recommendations.searchHint}
          type="search"
          {...text.field('q')}
        />
      </FilterForm>

      <ActiveFilters search={search} facets={list.data?.facets} onChange={go} />
      <ScopeNotice search={search} />

      <div className="rd-rec-layout">
        <nav className="rd-rec-facets" aria-labelledby="rec-filters-heading">
          <Heading level={2} id="rec-filters-heading">
            {t.recommendations.filters}
          </Heading>
          {list.data &&
            // A facet the answer leaves out (who is responsible, for a visitor not signed in) is not offered.
            FACETS.filter(({ facet }) => facet in list.data.facets).map(({ facet, param }) => (
              <FacetPanel
                key={facet}
                facet={facet}
                param={param}
                values={list.data.facets[facet] ?? []}
                search={search}
              />
            ))}
        </nav>

        <section className="rd-rec-results" aria-labelledby="rec-results-heading" aria-busy={fetching}>
          <Heading level={2} id="rec-results-heading" tabIndex={-1}>
            {t.recommendations.resultsHeading}
          </Heading>
          <QueryState query={list} />
          {list.data && (
            <>
              <Paragraph data-testid="result-count">
                <strong>{count(list.data.total)}</strong>{' '}
                {search.q ? t.recommendations.sortRelevance : t.recommendations.sortYear}
              </Paragraph>
              {list.data.alsoSearched.length > 0 && (
                <Paragraph data-testid="also-searched">
                  {fmt(t.recommendations.alsoSearched, { words: list.data.alsoSearched.join(', ') })}
                </Paragraph>
              )}
              {list.data.items.length === 0 ? (
                <Paragraph>{t.recommendations.none}</Paragraph>
              ) : (
                <ResultList items={list.data.items} />
              )}
              {list.data.total > PAGE_SIZE && (
                <Pager
                  page={page}
                  pageSize={PAGE_SIZE}
                  total={list.data.total}
                  onPage={(p) => void navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
                />
              )}
            </>
          )}
          <ExportPanel filters={filters} />
          {me.data?.abilities.assignRecommendations && list.data && (
            <BulkAssignPanel filters={filters} total={list.data.total} />
          )}
          {me.data?.abilities.assignRecommendations && list.data && (
            <BulkPublishPanel filters={filters} total={list.data.total} />
          )}
          {me.data?.abilities.assignRecommendations && list.data && (
            <ClusterCreatePanel filters={filters} total={list.data.total} />
          )}
          <SavedSearchesOrLogin search={search} />
        </section>
      </div>
    </>
  );
}

/** Which states' recommendations the list shows: the Kingdom's by default, every state's one click away. */
function ScopeNotice(props: { search: RecommendationsSearch }) {
  const { t } = useI18n();
  if (props.search.state !== undefined) return null;
  const kingdom = kingdomByDefault(props.search);
  return (
    <Paragraph className="rd-rec-scope" data-testid="scope-notice">
      {kingdom ? t.recommendations.kingdomOnly : t.recommendations.worldShown}{' '}
      <AppLink
        to="/recommendations"
        search={{ ...props.search, world: kingdom ? true : undefined, page: undefined }}
      >
        {kingdom ? t.recommendations.showWorld : t.recommendations.showKingdom}
      </AppLink>
    </Paragraph>
  );
}

/** A visitor who is not signed in sees the published recommendations only, and is told so. */
function PublishedOnlyNotice() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.isSuccess || me.data) return null;
  return (
    <Paragraph className="rd-rec-published-only" data-testid="published-only-notice">
      {t.recommendations.publishedOnly}{' '}
      <AppLink to="/login" search={{ redirect: '/recommendations' }}>
        {t.recommendations.publishedOnlyLogin}
      </AppLink>
    </Paragraph>
  );
}

function SavedSearchesOrLogin({ search }: { search: RecommendationsSearch }) {
  const { t } = useI18n();
  const me = useMe();
  if (me.data) return <SavedSearches search={search} />;
  if (!me.isSuccess) return null;
  return (
    <section aria-labelledby="rec-saved-heading" className="rd-panel">
      <Heading level={2} id="rec-saved-heading">
        {t.recommendations.savedHeading}
      </Heading>
      <Paragraph>
        <AppLink to="/login" search={{ redirect: '/recommendations' }}>
          {t.recommendations.savedLogin}
        </AppLink>
      </Paragraph>
    </section>
  );
}
