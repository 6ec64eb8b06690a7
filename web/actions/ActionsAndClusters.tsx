import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.tsx';
import { useMe } from '../lib/auth.ts';
import { QueryState } from '../components/feedback.tsx';
import { AppLink } from '../components/ui.tsx';
import { useClusters } from '../clusters/api.ts';
import { useActions } from './api.ts';
import '../i18n/followup-texts.ts';

/**
 * On a recommendation's page: the actions taken on it and the clusters it belongs to, each a link,
 * and for coordinators a new action linked to it. For signed-in users, as the rest of the follow-up.
 */
export function ActionsAndClusters({ recommendationId }: { recommendationId: string }) {
  const me = useMe();
  return me.data ? (
    <Content recommendationId={recommendationId} canCreate={me.data.abilities.assignRecommendations} />
  ) : null;
}

function Content({ recommendationId, canCreate }: { recommendationId: string; canCreate: boolean }) {
  const { t, date } = useI18n();
  const actions = useActions({ recommendationId, pageSize: 100 });
  const clusters = useClusters({ recommendationId, pageSize: 100 });
  return (
    <section aria-labelledby="rec-actions-heading" className="rd-fu" data-testid="recommendation-actions">
      <Heading level={2} id="rec-actions-heading">
        {t.actions.onRecommendationHeading}
      </Heading>
      <Heading level={3}>{t.actions.title}</Heading>
      <QueryState query={actions} />
      {actions.data &&
        (actions.data.items.length === 0 ? (
          <Paragraph>{t.actions.none}</Paragraph>
        ) : (
          <ul data-testid="recommendation-action-list">
            {actions.data.items.map((a) => (
              <li key={a.id}>
                <AppLink to="/actions/$id" params={{ id: a.id }}>
                  {a.title}
                </AppLink>
                {a.endDate && ` (${t.actions.endDate.toLowerCase()} ${date(a.endDate)})`}
              </li>
            ))}
          </ul>
        ))}
      {canCreate && (
        <Paragraph>
          <AppLink to="/actions" search={{ linkRecommendation: recommendationId }}>
            {t.actions.newAction}
          </AppLink>
        </Paragraph>
      )}
      <Heading level={3}>{t.clusters.title}</Heading>
      <QueryState query={clusters} />
      {clusters.data &&
        (clusters.data.items.length === 0 ? (
          <Paragraph>{t.clusters.noneForRecommendation}</Paragraph>
        ) : (
          <ul data-testid="recommendation-cluster-list">
            {clusters.data.items.map((c) => (
              <li key={c.id}>
                <AppLink to="/clusters/$id" params={{ id: c.id }}>
                  {c.title}
                </AppLink>{' '}
                ({c.owner.code})
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
