import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Heading } from '@utrecht/component-library-react';
import type { Facet } from '../../src/recommendations/schema.ts';
import type { Term } from '../../src/taxonomy/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { AppLink } from '../components/ui.tsx';
import { FILTER_KEYS, type FilterKey, type RecommendationsSearch } from './search.ts';

/** Facet panels in display order, and the filter each one sets. */
export const FACETS: { facet: string; param: FilterKey }[] = [
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

/** The human label of a facet value or an active filter. */
export function useFilterLabel() {
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
/** A facet with more values than this gets a box to narrow them. */
const SEARCHABLE = 20;

/** One facet: its values with their counts, each a link that sets (or, when set, clears) the filter. */
export function FacetPanel(props: {
  facet: string;
  param: FilterKey;
  values: Facet[];
  search: RecommendationsSearch;
}) {
  const { t, lang } = useI18n();
  const label = useFilterLabel();
  const id = useId();
  const [all, setAll] = useState(false);
  const [filter, setFilter] = useState('');
  const current = props.search[props.param];
  if (props.values.length === 0) return null;
  const title = t.recommendations.facets[props.facet] ?? props.facet;
  const shownLabel = (v: Facet) =>
    label(props.param, v.value, lang === 'nl' ? (v.labelNl ?? v.label) : v.label);
  // A long list (the states) can be narrowed by typing part of a name.
  const searchable = props.values.length > SEARCHABLE;
  const needle = filter.trim().toLocaleLowerCase(lang);
  const matching = needle
    ? props.values.filter((v) => shownLabel(v).toLocaleLowerCase(lang).includes(needle))
    : props.values;
  const shown = all || needle ? matching : matching.slice(0, SHOWN);
  const listId = `${id}-list`;
  return (
    <section className="rd-rec-facet" aria-labelledby={`${id}-h`} data-facet={props.facet}>
      <Heading level={3} appearance="utrecht-heading-5" id={`${id}-h`}>
        {title}
      </Heading>
      {searchable && (
        <div className="rd-rec-facet__filter">
          <label htmlFor={`${id}-filter`} className="rd-visually-hidden">
            {fmt(t.recommendations.facetFilter, { facet: title })}
          </label>
          <input
            id={`${id}-filter`}
            className="utrecht-textbox utrecht-textbox--html-input"
            type="search"
            placeholder={fmt(t.recommendations.facetFilter, { facet: title })}
            value={filter}
            aria-controls={listId}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
      )}
      {needle && matching.length === 0 && (
        <p className="rd-rec-facet__none">{t.recommendations.facetNoMatch}</p>
      )}
      <ul className="rd-rec-facet__list" id={listId}>
        {shown.map((v) => {
          const selected = current !== undefined && String(current) === v.value;
          const value = props.param === 'year' ? Number(v.value) : v.value;
          const search = { ...props.search, [props.param]: selected ? undefined : value, page: undefined };
          return (
            <li key={v.value}>
              <AppLink
                to="/recommendations"
                search={search as RecommendationsSearch}
                activeOptions={{ exact: true }}
                aria-current={selected ? 'true' : undefined}
                className={selected ? 'rd-rec-facet__selected' : undefined}
              >
                {shownLabel(v)} <span className="rd-rec-facet__count">({v.count})</span>
                {selected && <span className="rd-visually-hidden"> {t.recommendations.selected}</span>}
              </AppLink>
            </li>
          );
        })}
      </ul>
      {!needle && props.values.length > SHOWN && (
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

/** The filters in force, each a button that removes it; "clear all" when there are several. */
export function ActiveFilters(props: {
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
      if (f?.label) return lang === 'nl' ? (f.labelNl ?? f.label) : f.label;
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
