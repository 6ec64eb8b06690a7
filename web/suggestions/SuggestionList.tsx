import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import type { SuggestedTerm, SuggestionDecision } from '../../src/suggestions/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { FormFeedback, useSubmit } from '../components/form/index.ts';
import { decideSuggestion } from './api.ts';
import './suggestions.css';

/** The name of a suggested term in the user's language (Dutch by default, English where it has none). */
export function useTermLabel(): (s: Pick<SuggestedTerm, 'labelNl' | 'labelEn'>) => {
  text: string;
  lang: 'nl' | 'en';
} {
  const { lang } = useI18n();
  return (s) =>
    lang === 'nl' && s.labelNl ? { text: s.labelNl, lang: 'nl' } : { text: s.labelEn, lang: 'en' };
}

/** The score as a whole percentage. */
const percent = (score: number) => `${Math.round(score * 100)}%`;

/**
 * The pending suggestions of one recommendation, each with its label, kind, score and, for those
 * who may decide, Accept and Reject. What was done is announced and shown above the list, which
 * takes the focus when the buttons pressed are gone.
 */
export function SuggestionList(props: {
  recommendationId: string;
  modelVersion: string;
  items: SuggestedTerm[];
  mayDecide: boolean;
  /** Names the list for screen readers, e.g. the recommendation it belongs to. */
  labelledBy: string;
  /** Said when no suggestion is (left) pending. */
  empty: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const label = useTermLabel();
  const decide = useSubmit<SuggestionDecision, { item: SuggestedTerm; status: 'accepted' | 'rejected' }>({
    action: async ({ item, status }) => {
      try {
        return await decideSuggestion(props.recommendationId, {
          termId: item.termId,
          modelVersion: props.modelVersion,
          status,
        });
      } catch (err) {
        // Decided meanwhile, or another model: the list as it now is.
        if (err instanceof ApiError && err.status === 409)
          await qc.invalidateQueries({ queryKey: ['suggestions'] });
        throw err;
      }
    },
    success: (_, { item, status }) =>
      fmt(status === 'accepted' ? t.suggestions.accepted : t.suggestions.rejected, {
        label: label(item).text,
      }),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['suggestions'] }),
        qc.invalidateQueries({ queryKey: ['recommendation', props.recommendationId] }),
      ]);
    },
  });
  return (
    <div data-testid={props.testId}>
      <FormFeedback submit={decide} successTestId="suggestion-saved" focusSuccess />
      {props.items.length === 0 && <Paragraph data-testid="suggestions-none">{props.empty}</Paragraph>}
      <ul className="rd-sg-list" aria-labelledby={props.labelledBy} hidden={props.items.length === 0}>
        {props.items.map((item) => {
          const name = label(item);
          return (
            <li key={item.termId} className="rd-sg-item" data-testid="suggestion" data-term-id={item.termId}>
              <span className="rd-sg-label">
                <span className="rd-code">{item.code}</span> <span lang={name.lang}>{name.text}</span>
              </span>
              <span className="rd-subtle">
                {' '}
                ({item.vocabularies.map((v) => t.suggestions.vocabularies[v] ?? v).join(', ')}){' '}
              </span>
              <span className="rd-sg-score" data-testid="suggestion-score">
                <span className="rd-visually-hidden">{t.suggestions.score}: </span>
                {percent(item.score)}
              </span>
              {props.mayDecide && (
                <ButtonGroup className="rd-sg-actions">
                  <Button
                    appearance="secondary-action-button"
                    type="button"
                    disabled={decide.busy}
                    onClick={() => void decide.run({ item, status: 'accepted' })}
                  >
                    {t.suggestions.accept}
                    <span className="rd-visually-hidden"> {name.text}</span>
                  </Button>
                  <Button
                    appearance="subtle-button"
                    type="button"
                    disabled={decide.busy}
                    onClick={() => void decide.run({ item, status: 'rejected' })}
                  >
                    {t.suggestions.reject}
                    <span className="rd-visually-hidden"> {name.text}</span>
                  </Button>
                </ButtonGroup>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
