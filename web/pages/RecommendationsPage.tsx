import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Link as UtrechtLink,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { Mechanism, Position, type Recommendation } from '../../src/recommendations/schema.ts';
import type { Term } from '../../src/taxonomy/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import {
  ActionButton,
  AppLink,
  CheckboxField,
  ErrorAlert,
  Loading,
  PageTitle,
  Pager,
  TableScroll,
  TextField,
  useDocumentTitle,
} from '../components/ui.tsx';
import './RecommendationsPage.css';

/** The list page's state, all in the URL so that a search can be bookmarked and saved. */
export interface RecommendationsSearch {
  q?: string | undefined;
  mechanism?: string | undefined;
  state?: string | undefined;
  recommendingState?: string | undefined;
  position?: string | undefined;
  year?: number | undefined;
  symbol?: string | undefined;
  termId?: string | undefined;
  followUp?: 'true' | 'false' | undefined;
  bodyCode?: string | undefined;
  instrumentId?: string | undefined;
  cycleId?: string | undefined;
  page?: number | undefined;
}

const text = (v: unknown, max: number): string | undefined => {
  const s = typeof v === 'number' ? String(v) : v;
  return typeof s === 'string' && s.trim() !== '' && s.length <= max ? s : undefined;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates search params from the URL (or from a saved search); unknown or bad values are dropped. */
export function validateRecommendationsSearch(s: Record<string, unknown>): RecommendationsSearch {
  const mechanism = text(s.mechanism, 40);
  const position = text(s.position, 40);
  const year = Number(s.year);
  const page = Number(s.page);
  const termId = text(s.termId, 36);
  const instrumentId = text(s.instrumentId, 36);
  const cycleId = text(s.cycleId, 36);
  const followUp =
    s.followUp === true || s.followUp === 'true'
      ? 'true'
      : s.followUp === false || s.followUp === 'false'
        ? 'false'
        : undefined;
  return {
    q: text(s.q, 500),
    mechanism: mechanism && (Mechanism.options as string[]).includes(mechanism) ? mechanism : undefined,
    state: text(s.state, 200),
    recommendingState: text(s.recommendingState, 200),
    position: position && (Position.options as string[]).includes(position) ? position : undefined,
    year: Number.isInteger(year) && year >= 1945 && year <= 2100 ? year : undefined,
    symbol: text(s.symbol, 100),
    termId: termId && UUID.test(termId) ? termId : undefined,
    followUp,
    bodyCode: text(s.bodyCode, 40),
    instrumentId: instrumentId && UUID.test(instrumentId) ? instrumentId : undefined,
    cycleId: cycleId && UUID.test(cycleId) ? cycleId : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** The filters of a search as plain strings, without the page (for the API, exports and saved searches). */
export function searchFilters(s: RecommendationsSearch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = s[key];
    if (v !== undefined && v !== '') out[key] = String(v);
  }
  return out;
}

/** A search as the URL query string ("q=torture&mechanism=upr"), as saved searches store it. */
export function searchToQuery(s: RecommendationsSearch): string {
  return new URLSearchParams(searchFilters(s)).toString();
}

export function queryToSearch(query: string): RecommendationsSearch {
  return validateRecommendationsSearch(
    Object.fromEntries(new URLSearchParams(query.replace(/^\?/, '')).entries()),
  );
}

const FILTER_KEYS = [
  'q',
  'symbol',
  'mechanism',
  'state',
  'recommendingState',
  'position',
  'year',
  'termId',
  'followUp',
  'bodyCode',
  'instrumentId',
  'cycleId',
] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export interface Facet {
  value: string;
  count: number;
  label?: string;
  labelNl?: string;
}
export interface SearchResult {
  items: Recommendation[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<string, Facet[]>;
}
interface SavedSearch {
  id: string;
  name: string;
  query: string;
  createdAt: string;
}

/** Facet panels in display order, and the filter each one sets. */
const FACETS: { facet: string; param: FilterKey }[] = [
  { facet: 'mechanism', param: 'mechanism' },
  { facet: 'year', param: 'year' },
  { facet: 'position', param: 'position' },
  { facet: 'followUp', param: 'followUp' },
  { facet: 'body', param: 'bodyCode' },
  { facet: 'instrument', param: 'instrumentId' },
  { facet: 'cycle', param: 'cycleId' },
  { facet: 'theme', param: 'termId' },
  { facet: 'group', param: 'termId' },
  { facet: 'sdg', param: 'termId' },
  { facet: 'recommendingState', param: 'recommendingState' },
  { facet: 'state', param: 'state' },
];

export const EXPORT_COLUMNS = [
  'id',
  'mechanism',
  'bodyCode',
  'stateUnderReview',
  'symbol',
  'paragraph',
  'text',
  'textNl',
  'recommendingStates',
  'position',
  'followUp',
  'status',
  'year',
  'uprSession',
  'themes',
  'groups',
  'sdgs',
] as const;
const DEFAULT_COLUMNS = [
  'symbol',
  'paragraph',
  'stateUnderReview',
  'text',
  'textNl',
  'recommendingStates',
  'position',
  'year',
  'themes',
];
const COLUMNS_KEY = 'rightsdesk.recommendations.exportColumns';

function loadColumns(): string[] {
  try {
    const stored = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
    if (Array.isArray(stored)) {
      return EXPORT_COLUMNS.filter((c) => stored.includes(c));
    }
  } catch {
    /* nothing remembered */
  }
  return DEFAULT_COLUMNS;
}

const PAGE_SIZE = 25;

/** The reference of a recommendation: "CRC/C/NLD/CO/5-6 para. 12", or "UPR session 39". */
export function useRecommendationRef() {
  const { t } = useI18n();
  return (r: Pick<Recommendation, 'symbol' | 'paragraph' | 'uprSession'>): string => {
    const parts: string[] = [];
    if (r.symbol) parts.push(r.symbol);
    else if (r.uprSession) parts.push(fmt(t.recommendations.uprSession, { n: r.uprSession }));
    if (r.paragraph) parts.push(fmt(t.recommendations.paragraph, { p: r.paragraph }));
    return parts.join(' ') || t.recommendations.noSymbol;
  };
}

export function excerpt(s: string, max = 320): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))}…`;
}

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

  const total = list.data?.total;
  const fetching = list.isFetching;
  useEffect(() => {
    if (total !== undefined && !fetching)
      announce(
        total === 1 ? t.recommendations.resultCountOne : fmt(t.recommendations.resultCount, { total }),
      );
  }, [total, fetching, announce, t]);

  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);

  const go = (next: RecommendationsSearch) => void navigate({ search: { ...next, page: undefined } });
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ ...search, q: q.trim() || undefined });
  };

  return (
    <>
      <PageTitle>{t.recommendations.title}</PageTitle>
      <Paragraph appearance="lead">{t.recommendations.intro}</Paragraph>

      <form className="rd-form rd-rec-search" role="search" onSubmit={onSearch}>
        <FormField className="rd-field">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor="rec-q">{t.recommendations.searchLabel}</FormLabel>
          </div>
          <FormFieldDescription id="rec-q-hint">{t.recommendations.searchHint}</FormFieldDescription>
          <div className="utrecht-form-field__input rd-rec-search__row">
            <Textbox
              id="rec-q"
              name="q"
              type="search"
              value={q}
              onChange={(e: ChangeEvent<HTMLInputElement>) => setQ(e.target.value)}
              aria-describedby="rec-q-hint"
            />
            <Button appearance="primary-action-button" type="submit">
              {t.recommendations.searchButton}
            </Button>
          </div>
        </FormField>
      </form>

      <ActiveFilters search={search} facets={list.data?.facets} onChange={go} />

      <div className="rd-rec-layout">
        <nav className="rd-rec-facets" aria-labelledby="rec-filters-heading">
          <Heading level={2} id="rec-filters-heading">
            {t.recommendations.filters}
          </Heading>
          {list.data &&
            FACETS.map(({ facet, param }) => (
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
          <Heading level={2} id="rec-results-heading">
            {t.recommendations.resultsHeading}
          </Heading>
          {list.isPending && <Loading />}
          {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
          {list.data && (
            <>
              <Paragraph data-testid="result-count">
                <strong>
                  {list.data.total === 1
                    ? t.recommendations.resultCountOne
                    : fmt(t.recommendations.resultCount, { total: list.data.total })}
                </strong>{' '}
                {search.q ? t.recommendations.sortRelevance : t.recommendations.sortYear}
              </Paragraph>
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
          {me.data ? (
            <SavedSearches search={search} />
          ) : (
            me.isSuccess && (
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
            )
          )}
        </section>
      </div>
    </>
  );
}

export function ResultList({ items, headingLevel = 3 }: { items: Recommendation[]; headingLevel?: 3 | 4 }) {
  const { t, lang } = useI18n();
  const ref = useRecommendationRef();
  return (
    <ol className="rd-rec-list" data-testid="recommendation-list">
      {items.map((r) => (
        <li key={r.id} className="rd-rec-item" data-id={r.id}>
          <Heading level={headingLevel} appearance="utrecht-heading-4" className="rd-rec-item__title">
            <AppLink to="/recommendations/$id" params={{ id: r.id }}>
              <span className="rd-symbol">{ref(r)}</span>
            </AppLink>{' '}
            {r.followUp && (
              <span className="rd-marker rd-marker--followup">{t.recommendations.followUpMarker}</span>
            )}
          </Heading>
          <Paragraph className="rd-rec-item__text" lang={lang === 'nl' && r.textNl ? 'nl' : 'en'}>
            {excerpt(lang === 'nl' && r.textNl ? r.textNl : r.text)}
          </Paragraph>
          <dl className="rd-rec-item__meta">
            <div>
              <dt>{t.recommendations.stateUnderReview}</dt>
              <dd>{r.stateUnderReview}</dd>
            </div>
            {r.recommendingStates.length > 0 && (
              <div>
                <dt>{t.recommendations.recommendingStates}</dt>
                <dd>{r.recommendingStates.join(', ')}</dd>
              </div>
            )}
            <div>
              <dt>{t.recommendations.position}</dt>
              <dd>{r.position ? (t.recommendations.positions[r.position] ?? r.position) : t.common.none}</dd>
            </div>
            <div>
              <dt>{t.recommendations.year}</dt>
              <dd>{r.year ?? t.common.none}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}

/** The human label of a facet value or an active filter. */
function useFilterLabel() {
  const { t } = useI18n();
  return (param: string, value: string, facetLabel?: string): string => {
    if (param === 'mechanism') return t.recommendations.mechanisms[value] ?? value;
    if (param === 'position') return t.recommendations.positions[value] ?? value;
    if (param === 'followUp')
      return value === 'true' ? t.recommendations.followUpYes : t.recommendations.followUpNo;
    return facetLabel ?? value;
  };
}

const SHOWN = 8;

function FacetPanel(props: {
  facet: string;
  param: FilterKey;
  values: Facet[];
  search: RecommendationsSearch;
}) {
  const { t, lang } = useI18n();
  const label = useFilterLabel();
  const id = useId();
  const [all, setAll] = useState(false);
  const current = props.search[props.param];
  if (props.values.length === 0) return null;
  const shown = all ? props.values : props.values.slice(0, SHOWN);
  const listId = `${id}-list`;
  return (
    <section className="rd-rec-facet" aria-labelledby={`${id}-h`} data-facet={props.facet}>
      <Heading level={3} appearance="utrecht-heading-5" id={`${id}-h`}>
        {t.recommendations.facets[props.facet] ?? props.facet}
      </Heading>
      <ul className="rd-rec-facet__list" id={listId}>
        {shown.map((v) => {
          const selected = current !== undefined && String(current) === v.value;
          const value = props.param === 'year' ? Number(v.value) : v.value;
          return (
            <li key={v.value}>
              <AppLink
                to="/recommendations"
                search={{
                  ...props.search,
                  [props.param]: selected ? undefined : value,
                  page: undefined,
                }}
                activeOptions={{ exact: true }}
                aria-current={selected ? 'true' : undefined}
                className={selected ? 'rd-rec-facet__selected' : undefined}
              >
                {label(props.param, v.value, lang === 'nl' ? (v.labelNl ?? v.label) : v.label)}{' '}
                <span className="rd-rec-facet__count">({v.count})</span>
                {selected && <span className="rd-visually-hidden"> {t.recommendations.selected}</span>}
              </AppLink>
            </li>
          );
        })}
      </ul>
      {props.values.length > SHOWN && (
        <Button
          appearance="subtle-button"
          type="button"
          aria-expanded={all}
          aria-controls={listId}
          onClick={() => setAll(!all)}
        >
          {all ? t.recommendations.showLess : fmt(t.recommendations.showMore, { n: props.values.length })}
        </Button>
      )}
    </section>
  );
}

function ActiveFilters(props: {
  search: RecommendationsSearch;
  facets: Record<string, Facet[]> | undefined;
  onChange(next: RecommendationsSearch): void;
}) {
  const { t, lang } = useI18n();
  const label = useFilterLabel();
  const termId = props.search.termId;
  const termFromFacets = termId
    ? ['theme', 'group', 'sdg'].flatMap((f) => props.facets?.[f] ?? []).find((f) => f.value === termId)
    : undefined;
  const term = useQuery({
    queryKey: ['taxonomy-term', termId],
    queryFn: () => api<Term>('GET', `/api/taxonomy/terms/${termId}`),
    enabled: Boolean(termId) && props.facets !== undefined && !termFromFacets,
  });
  const active = FILTER_KEYS.filter((k) => props.search[k] !== undefined);
  if (active.length === 0) return null;
  const valueLabel = (k: FilterKey): string => {
    const v = String(props.search[k]);
    if (k === 'termId') {
      if (termFromFacets?.label) return termFromFacets.label;
      if (term.data)
        return `${term.data.code} ${lang === 'nl' ? (term.data.labelNl ?? term.data.labelEn) : term.data.labelEn}`;
    }
    if (k === 'instrumentId' || k === 'cycleId') {
      const f = props.facets?.[k === 'instrumentId' ? 'instrument' : 'cycle']?.find((x) => x.value === v);
      if (f?.label) return f.label;
    }
    return label(k, v);
  };
  return (
    <section className="rd-rec-active" aria-labelledby="rec-active-heading">
      <Heading level={2} appearance="utrecht-heading-5" id="rec-active-heading">
        {t.recommendations.activeFilters}
      </Heading>
      <ul className="rd-rec-active__list" data-testid="active-filters">
        {active.map((k) => (
          <li key={k}>
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={() => props.onChange({ ...props.search, [k]: undefined })}
            >
              {t.recommendations.facets[k] ?? k}: {valueLabel(k)} <span aria-hidden="true">×</span>
              <span className="rd-visually-hidden"> {t.recommendations.removeFilter}</span>
            </Button>
          </li>
        ))}
        {active.length > 1 && (
          <li>
            <Button appearance="subtle-button" type="button" onClick={() => props.onChange({})}>
              {t.recommendations.clearAll}
            </Button>
          </li>
        )}
      </ul>
    </section>
  );
}

function ExportPanel({ filters }: { filters: Record<string, string> }) {
  const { t, lang } = useI18n();
  const [columns, setColumns] = useState<string[]>(loadColumns);
  const toggle = (c: string, on: boolean) => {
    const next = EXPORT_COLUMNS.filter((x) => (x === c ? on : columns.includes(x)));
    setColumns(next);
    try {
      localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
    } catch {
      /* not remembered, still used */
    }
  };
  const href = (ext: string) =>
    `/api/recommendations/export.${ext}${qs({ ...filters, columns: columns.join(','), lang })}`;
  return (
    <section className="rd-panel" aria-labelledby="rec-export-heading">
      <Heading level={2} id="rec-export-heading">
        {t.recommendations.exportHeading}
      </Heading>
      <Paragraph>{t.recommendations.exportIntro}</Paragraph>
      <Fieldset>
        <FieldsetLegend>{t.recommendations.columnsLegend}</FieldsetLegend>
        <FormFieldDescription>{t.recommendations.columnsHint}</FormFieldDescription>
        <div className="rd-checkbox-columns" data-testid="export-columns">
          {EXPORT_COLUMNS.map((c) => (
            <CheckboxField
              key={c}
              name={`column-${c}`}
              label={t.recommendations.columns[c] ?? c}
              checked={columns.includes(c)}
              onChange={(on) => toggle(c, on)}
            />
          ))}
        </div>
      </Fieldset>
      {columns.length === 0 ? (
        <Paragraph role="alert">{t.recommendations.noColumns}</Paragraph>
      ) : (
        <ul className="rd-rec-downloads">
          <li>
            <UtrechtLink href={href('csv')} download>
              {t.recommendations.exportCsv}
            </UtrechtLink>
          </li>
          <li>
            <UtrechtLink href={href('xlsx')} download>
              {t.recommendations.exportXlsx}
            </UtrechtLink>
          </li>
          <li>
            <UtrechtLink href={href('json')} download>
              {t.recommendations.exportJson}
            </UtrechtLink>
          </li>
        </ul>
      )}
    </section>
  );
}

function SavedSearches({ search }: { search: RecommendationsSearch }) {
  const { t, dateTime } = useI18n();
  const label = useFilterLabel();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const saved = useQuery({
    queryKey: ['saved-searches'],
    queryFn: () => api<{ items: SavedSearch[] }>('GET', '/api/saved-searches'),
  });
  const save = useMutation({
    mutationFn: (body: { name: string; query: string }) =>
      api<SavedSearch>('POST', '/api/saved-searches', body),
    onSuccess: async (_r, body) => {
      setName('');
      announce(fmt(t.recommendations.saved, { name: body.name }));
      await qc.invalidateQueries({ queryKey: ['saved-searches'] });
    },
  });
  const remove = useMutation({
    mutationFn: (s: SavedSearch) => api<void>('DELETE', `/api/saved-searches/${s.id}`),
    onSuccess: async (_r, s) => {
      announce(fmt(t.recommendations.deletedSaved, { name: s.name }));
      await qc.invalidateQueries({ queryKey: ['saved-searches'] });
    },
  });
  const onSave = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setNameError(t.recommendations.saveNameRequired);
      return;
    }
    setNameError(undefined);
    save.mutate({ name: name.trim(), query: searchToQuery(search) });
  };
  const describe = (query: string) => {
    const s = queryToSearch(query);
    const parts = FILTER_KEYS.filter((k) => s[k] !== undefined).map(
      (k) => `${t.recommendations.facets[k] ?? k}: ${label(k, String(s[k]))}`,
    );
    return parts.length ? parts.join('; ') : t.recommendations.savedEmptyQuery;
  };
  return (
    <section className="rd-panel" aria-labelledby="rec-saved-heading">
      <Heading level={2} id="rec-saved-heading">
        {t.recommendations.savedHeading}
      </Heading>
      <form className="rd-form rd-rec-save" onSubmit={onSave} noValidate>
        <TextField
          label={t.recommendations.saveName}
          name="savedName"
          value={name}
          onChange={setName}
          error={nameError}
          required
        />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" disabled={save.isPending}>
            {t.recommendations.saveButton}
          </Button>
        </ButtonGroup>
      </form>
      {save.isError && <ErrorAlert error={save.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {saved.isPending && <Loading />}
      {saved.isError && <ErrorAlert error={saved.error} onRetry={() => void saved.refetch()} />}
      {saved.data &&
        (saved.data.items.length === 0 ? (
          <Paragraph>{t.recommendations.savedNone}</Paragraph>
        ) : (
          <TableScroll labelledBy="rec-saved-caption">
            <Table className="rd-table" data-testid="saved-searches">
              <TableCaption id="rec-saved-caption">{t.recommendations.savedCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.recommendations.savedName}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.recommendations.savedQuery}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.recommendations.savedCreated}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.recommendations.savedActions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {saved.data.items.map((s) => (
                  <TableRow key={s.id}>
                    <TableHeaderCell scope="row">
                      <AppLink to="/recommendations" search={queryToSearch(s.query)}>
                        {s.name}
                      </AppLink>
                    </TableHeaderCell>
                    <TableCell>{describe(s.query)}</TableCell>
                    <TableCell>{dateTime(s.createdAt)}</TableCell>
                    <TableCell>
                      <ActionButton
                        text={t.recommendations.deleteSaved}
                        subject={s.name}
                        onClick={() => remove.mutate(s)}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        ))}
    </section>
  );
}
