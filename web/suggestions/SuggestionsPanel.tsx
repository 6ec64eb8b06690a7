import { useState } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useMe } from '../lib/auth.ts';
import { QueryState } from '../components/feedback.tsx';
import { useSuggestions } from './api.ts';
import { SuggestionList } from './SuggestionList.tsx';

/**
 * The tags the model suggests for a recommendation that has none, for signed-in users. It stays
 * while the page is open once shown, so that the tags accepted appear in the terms above it and
 * the next suggestions can still be decided.
 */
export function SuggestionsPanel({
  recommendationId,
  tagged,
}: {
  recommendationId: string;
  tagged: boolean;
}) {
  const { t } = useI18n();
  const me = useMe();
  const [shown] = useState(!tagged);
  const suggestions = useSuggestions(recommendationId, shown && Boolean(me.data));
  if (!shown || !me.data) return null;
  const s = suggestions.data;
  return (
    <section
      aria-labelledby="rec-suggestions-heading"
      data-testid="recommendation-suggestions"
      className="rd-panel"
    >
      <Heading level={2} id="rec-suggestions-heading">
        {t.suggestions.heading}
      </Heading>
      <Paragraph>{t.suggestions.intro}</Paragraph>
      <QueryState query={suggestions} />
      {s && !s.abilities.decide && <Paragraph>{t.suggestions.readOnly}</Paragraph>}
      {s && (
        <>
          <Paragraph id="rec-suggestions-caption" className="rd-subtle">
            {fmt(t.suggestions.caption, { count: s.items.length })} ·{' '}
            {fmt(t.suggestions.model, { version: s.modelVersion })}
          </Paragraph>
          <SuggestionList
            recommendationId={recommendationId}
            modelVersion={s.modelVersion}
            items={s.items}
            mayDecide={s.abilities.decide}
            labelledBy="rec-suggestions-caption"
            empty={t.suggestions.none}
            testId="suggestion-list"
          />
        </>
      )}
    </section>
  );
}
