import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type {
  RecommendationDetail as Detail,
  RecommendationPage as SearchResult,
} from '../../src/recommendations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { QueryState } from '../components/feedback.tsx';
import { AppLink, Fact, PageTitle, useDocumentTitle } from '../components/ui.tsx';
import { FollowUpSection } from '../followup/FollowUpSection.tsx';
import { ProgressSection } from '../followup/ProgressSection.tsx';
import { PublicFollowUp } from '../followup/PublicFollowUp.tsx';
import { PublishPanel } from '../followup/PublishPanel.tsx';
import { ActionsAndClusters } from '../actions/ActionsAndClusters.tsx';
import { CommentThread } from '../comments/CommentThread.tsx';
import { MergeForm } from './MergeSplit.tsx';
import { ResultList, useRecommendationRef } from './ResultList.tsx';
import { Sources } from './Sources.tsx';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel.tsx';
import { SimilarPanel } from '../similar/SimilarPanel.tsx';
import './recommendations.css';

export function RecommendationPage() {
  const { id } = useParams({ from: '/recommendations/$id' });
  const { t } = useI18n();
  const ref = useRecommendationRef();
  const rec = useQuery({
    queryKey: ['recommendation', id],
    queryFn: () => api<Detail>('GET', `/api/recommendations/${id}`),
  });
  const title = rec.data
    ? fmt(t.recommendations.detailTitle, { ref: ref(rec.data) })
    : t.recommendations.detailTitleNoRef;
  useDocumentTitle(title);
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Paragraph>
        <AppLink to="/recommendations">{t.recommendations.backToList}</AppLink>
      </Paragraph>
      <QueryState query={rec} />
      {rec.data && <Details r={rec.data} />}
    </>
  );
}

function Details({ r }: { r: Detail }) {
  const { t, lang, dateTime } = useI18n();
  const none = t.common.none;
  const schemes = [...new Set(r.terms.map((x) => x.scheme))];
  return (
    <>
      <section aria-labelledby="rec-fields-heading">
        <Heading level={2} id="rec-fields-heading">
          {t.recommendations.fields}
        </Heading>
        <DataList className="rd-facts" data-testid="recommendation-fields">
          <Fact label={t.recommendations.text}>
            <span lang="en" className="rd-prewrap">
              {r.text}
            </span>
          </Fact>
          <Fact label={t.recommendations.textNl}>
            {r.textNl ? (
              <span lang="nl" className="rd-prewrap">
                {r.textNl}
              </span>
            ) : (
              none
            )}
          </Fact>
          <Fact label={t.recommendations.mechanism}>
            {t.recommendations.mechanisms[r.mechanism] ?? r.mechanism}
          </Fact>
          <Fact label={t.recommendations.body}>{r.bodyCode ?? none}</Fact>
          <Fact label={t.recommendations.stateUnderReview}>{r.stateUnderReview}</Fact>
          <Fact label={t.recommendations.symbol}>
            {r.symbol ? <span className="rd-symbol">{r.symbol}</span> : none}
          </Fact>
          <Fact label={t.recommendations.paragraphLabel}>{r.paragraph ?? none}</Fact>
          <Fact label={t.recommendations.bareText}>
            {r.bareText && r.bareText !== r.text ? (
              <span lang="en" className="rd-prewrap">
                {r.bareText}
              </span>
            ) : (
              none
            )}
          </Fact>
          <Fact label={t.recommendations.recommendingStates}>
            {r.recommendingStates.length ? r.recommendingStates.join(', ') : none}
            {r.recommendingStateCodes.length > 0 && (
              <span className="rd-subtle" data-testid="state-codes">
                {' '}
                ({r.recommendingStateCodes.join(', ')})
              </span>
            )}
          </Fact>
          <Fact label={t.recommendations.position}>
            {r.position ? (t.recommendations.positions[r.position] ?? r.position) : none}
          </Fact>
          <Fact label={t.recommendations.positionExplanation}>{r.positionExplanation ?? none}</Fact>
          <Fact label={t.recommendations.followUp}>{r.followUp ? t.common.yes : t.common.no}</Fact>
          <Fact label={t.recommendations.status}>{t.recommendations.statuses[r.status] ?? r.status}</Fact>
          <Fact label={t.recommendations.year}>{r.year ?? none}</Fact>
          <Fact label={t.recommendations.uprSessionLabel}>{r.uprSession ?? none}</Fact>
          <Fact label={t.recommendations.uprCycleLabel}>{r.uprCycle ?? none}</Fact>
          <Fact label={t.recommendations.actionCategory}>{r.actionCategory ?? none}</Fact>
          <Fact label={t.recommendations.createdAt}>{dateTime(r.createdAt)}</Fact>
          <Fact label={t.recommendations.updatedAt}>{dateTime(r.updatedAt)}</Fact>
        </DataList>
      </section>

      <PublicFollowUp recommendationId={r.id} published={r.published} />
      <FollowUpSection recommendationId={r.id} />
      <ProgressSection recommendationId={r.id} />
      <PublishPanel recommendationId={r.id} published={r.published} />
      <ActionsAndClusters recommendationId={r.id} />

      <Sources r={r} />

      <section aria-labelledby="rec-terms-heading" data-testid="recommendation-terms">
        <Heading level={2} id="rec-terms-heading">
          {t.recommendations.termsHeading}
        </Heading>
        {r.terms.length === 0 && <Paragraph>{t.recommendations.noTerms}</Paragraph>}
        {schemes.map((scheme) => (
          <div key={scheme}>
            <Heading level={3} appearance="utrecht-heading-5">
              {t.recommendations.schemes[scheme] ?? scheme}
            </Heading>
            <ul>
              {r.terms
                .filter((x) => x.scheme === scheme)
                .map((x) => {
                  const nl = lang === 'nl' && x.labelNl;
                  return (
                    <li key={x.id}>
                      <AppLink to="/recommendations" search={{ termId: x.id }}>
                        {x.code && <span className="rd-code">{x.code}</span>}{' '}
                        <span lang={nl ? 'nl' : 'en'}>{nl ? x.labelNl : x.labelEn}</span>
                      </AppLink>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
        {r.unmappedTerms.length > 0 && (
          <>
            <Heading level={3} appearance="utrecht-heading-5">
              {t.recommendations.unmappedHeading}
            </Heading>
            <Paragraph>{t.recommendations.unmappedIntro}</Paragraph>
            <ul data-testid="unmapped-terms">
              {r.unmappedTerms.map((u) => (
                <li key={`${u.scheme}|${u.spelling}`}>
                  <span lang="en">{u.spelling}</span> ({t.recommendations.schemes[u.scheme] ?? u.scheme})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <SuggestionsPanel recommendationId={r.id} tagged={r.terms.length > 0} />

      {r.abilities.merge && <MergeForm r={r} />}

      <Related r={r} />
      <SimilarPanel id={r.id} />
      <CommentThread kind="recommendation" id={r.id} />
    </>
  );
}

const RELATED = 20;

function Related({ r }: { r: Detail }) {
  const { t } = useI18n();
  const related = useQuery({
    queryKey: ['recommendations', { symbol: r.symbol }, 'related'],
    queryFn: () =>
      api<SearchResult>('GET', `/api/recommendations${qs({ symbol: r.symbol, pageSize: RELATED + 1 })}`),
    enabled: Boolean(r.symbol),
  });
  const others = related.data?.items.filter((x) => x.id !== r.id).slice(0, RELATED) ?? [];
  return (
    <section aria-labelledby="rec-related-heading" data-testid="related">
      <Heading level={2} id="rec-related-heading">
        {r.symbol
          ? fmt(t.recommendations.relatedHeading, { symbol: r.symbol })
          : t.recommendations.relatedHeadingPlain}
      </Heading>
      {!r.symbol && <Paragraph>{t.recommendations.relatedNoSymbol}</Paragraph>}
      <QueryState query={related} />
      {related.data &&
        (others.length === 0 ? (
          <Paragraph>{t.recommendations.relatedNone}</Paragraph>
        ) : (
          <>
            <ResultList items={others} />
            {related.data.total - 1 > others.length && (
              <Paragraph>
                <AppLink to="/recommendations" search={{ symbol: r.symbol ?? undefined }}>
                  {fmt(t.recommendations.relatedMore, { total: related.data.total, symbol: r.symbol ?? '' })}
                </AppLink>
              </Paragraph>
            )}
          </>
        ))}
    </section>
  );
}
