import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { SimilarItem } from '../../src/similar/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { QueryState } from '../components/feedback.tsx';
import { AppLink } from '../components/ui.tsx';
import { excerpt, useRecommendationRef } from '../recommendations/ResultList.tsx';
import { useSimilar, useSimilarTexts } from './api.ts';
import './similar.css';

/**
 * The recommendations most like this one, across bodies and cycles: each with its score, body,
 * state under review, cycle or session, year and position, marked when the state received it again
 * or when it is the same text. Visitors who are not signed in see published ones only (the server).
 */
export function SimilarPanel({ id }: { id: string }) {
  const s = useSimilarTexts();
  const similar = useSimilar(id);
  return (
    <section aria-labelledby="rec-similar-heading" data-testid="similar">
      <Heading level={2} id="rec-similar-heading">
        {s['similar.heading']}
      </Heading>
      <Paragraph>{s['similar.intro']}</Paragraph>
      <QueryState query={similar} />
      {similar.data &&
        (similar.data.items.length === 0 ? (
          <Paragraph data-testid="similar-none">{s['similar.none']}</Paragraph>
        ) : (
          <ol className="rd-rec-list" data-testid="similar-list">
            {similar.data.items.map((item) => (
              <Similar key={item.id} item={item} />
            ))}
          </ol>
        ))}
    </section>
  );
}

function Similar({ item }: { item: SimilarItem }) {
  const { t, lang } = useI18n();
  const s = useSimilarTexts();
  const ref = useRecommendationRef();
  const body = item.bodyCode ?? t.recommendations.mechanisms[item.mechanism] ?? item.mechanism;
  const cycle =
    item.cycle ?? (item.uprSession ? fmt(s['similar.uprSession'], { n: item.uprSession }) : t.common.none);
  return (
    <li className="rd-rec-item" data-id={item.id}>
      <Heading level={3} appearance="utrecht-heading-4" className="rd-rec-item__title">
        <AppLink to="/recommendations/$id" params={{ id: item.id }}>
          <span className="rd-symbol">{ref(item)}</span>
        </AppLink>{' '}
        {item.receivedAgain && (
          <span className="rd-marker rd-marker--again">{s['similar.receivedAgain']}</span>
        )}{' '}
        {item.duplicate && <span className="rd-marker rd-marker--duplicate">{s['similar.duplicate']}</span>}
      </Heading>
      <Paragraph className="rd-rec-item__text" lang="en">
        {excerpt(item.text)}
      </Paragraph>
      <dl className="rd-rec-item__meta">
        <div>
          <dt>{s['similar.score']}</dt>
          <dd>
            {item.score.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
              minimumFractionDigits: 2,
              maximumFractionDigits: 2,
            })}
          </dd>
        </div>
        <div>
          <dt>{s['similar.body']}</dt>
          <dd>{body}</dd>
        </div>
        <div>
          <dt>{t.recommendations.stateUnderReview}</dt>
          <dd>{item.stateUnderReview}</dd>
        </div>
        <div>
          <dt>{s['similar.cycle']}</dt>
          <dd>{cycle}</dd>
        </div>
        <div>
          <dt>{s['similar.year']}</dt>
          <dd>{item.year ?? t.common.none}</dd>
        </div>
        <div>
          <dt>{s['similar.position']}</dt>
          <dd>
            {item.position ? (t.recommendations.positions[item.position] ?? item.position) : t.common.none}
          </dd>
        </div>
      </dl>
    </li>
  );
}
