/**
 * Finds recommendations by words or symbol (the recommendation search, GET /api/recommendations)
 * and picks them, instead of typing their ids. It is no form of its own (it sits inside the
 * commitment form): Enter in the search box searches, and does not submit the form around it.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { RecommendationPage } from '../../src/recommendations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { QueryState } from '../components/feedback.tsx';
import { TextField } from '../components/form/index.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { api, qs } from '../lib/api.ts';
import './texts.ts';

/** A recommendation as the picker shows it. */
export interface PickedRecommendation {
  id: string;
  label: string;
}

const SHOWN = 10;

export const recommendationLabel = (r: {
  symbol: string | null;
  paragraph: string | null;
  text: string;
}): string => {
  const ref = [r.symbol, r.paragraph].filter(Boolean).join(' ');
  const text = r.text.length > 120 ? `${r.text.slice(0, 117)}…` : r.text;
  return ref ? `${ref}: ${text}` : text;
};

export function RecommendationPicker(props: {
  picked: PickedRecommendation[];
  /** Called with the recommendation chosen; the caller adds it (to the form's list, or as a link). */
  onPick(r: PickedRecommendation): void;
  /** Called to take one away; without it the picked list is not shown (the caller shows it). */
  onRemove?: ((r: PickedRecommendation) => void) | undefined;
  busy?: boolean | undefined;
  testId?: string | undefined;
}) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const id = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const found = useQuery({
    queryKey: ['commitments', 'picker', query],
    queryFn: () => api<RecommendationPage>('GET', `/api/recommendations${qs({ q: query, pageSize: SHOWN })}`),
    enabled: query !== '',
  });
  const search = () => setQuery(text.trim());
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      search();
    }
  };
  const p = t.commitments.picker;
  const pickedIds = new Set(props.picked.map((x) => x.id));
  const items = found.data?.items ?? [];
  return (
    <div className="rd-recommendation-picker" data-testid={props.testId ?? 'recommendation-picker'}>
      <div onKeyDown={onKeyDown} className="rd-picker-search">
        <TextField
          label={p.label}
          hint={p.hint}
          name="recommendation-search"
          value={text}
          onChange={setText}
        />
        <Button appearance="secondary-action-button" type="button" onClick={search}>
          {p.search}
        </Button>
      </div>
      {query !== '' && (
        <section aria-labelledby={`${id}-results`}>
          <Heading level={4} id={`${id}-results`}>
            {p.results}
          </Heading>
          <QueryState query={found} />
          {found.data && (
            <Paragraph role="status" data-testid="picker-count">
              {found.data.total === 0
                ? p.noResults
                : fmt(p.found, { total: found.data.total, shown: Math.min(found.data.total, SHOWN) })}
            </Paragraph>
          )}
          {items.length > 0 && (
            <ul data-testid="picker-results">
              {items.map((r) => {
                const label = recommendationLabel(r);
                return (
                  <li key={r.id}>
                    {label}{' '}
                    {pickedIds.has(r.id) ? (
                      <em>{p.picked}</em>
                    ) : (
                      <Button
                        appearance="subtle-button"
                        type="button"
                        disabled={props.busy}
                        aria-label={fmt(p.pickLabel, { label })}
                        onClick={() => {
                          props.onPick({ id: r.id, label });
                          announce(fmt(p.added, { label }));
                        }}
                      >
                        {p.pick}
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
      {props.onRemove && (
        <section aria-labelledby={`${id}-picked`}>
          <Heading level={4} id={`${id}-picked`}>
            {p.picked}
          </Heading>
          {props.picked.length === 0 ? (
            <Paragraph>{p.nonePicked}</Paragraph>
          ) : (
            <ul data-testid="picker-picked">
              {props.picked.map((r) => (
                <li key={r.id}>
                  {r.label}{' '}
                  <Button
                    appearance="subtle-button"
                    type="button"
                    aria-label={fmt(p.removeLabel, { label: r.label })}
                    onClick={() => {
                      props.onRemove?.(r);
                      announce(fmt(p.removed, { label: r.label }));
                    }}
                  >
                    {p.remove}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
