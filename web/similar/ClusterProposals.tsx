import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Proposal } from '../../src/similar/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FormFeedback, useSubmit } from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { createCluster } from '../clusters/api.ts';
import { useRecommendationRef } from '../recommendations/ResultList.tsx';
import { useClusterProposals, useSimilarTexts } from './api.ts';
import './similar.css';

/**
 * Proposed clusters: groups of the Kingdom's similar recommendations that are in no cluster yet.
 * A coordinator makes a cluster of one with one click (the clusters API, owned by the user's own
 * organisation); the server says who may, and the proposal leaves the list once made.
 */
export function ClusterProposals() {
  const s = useSimilarTexts();
  const qc = useQueryClient();
  const proposals = useClusterProposals();
  const [made, setMade] = useState<{ id: string; title: string } | null>(null);
  const data = proposals.data;
  const create = useSubmit<{ id: string; title: string; memberCount: number }, Proposal>({
    action: (p) =>
      createCluster({
        title: p.title,
        ownerOrganisationId: data?.ownerOrganisationId ?? undefined,
        recommendationIds: p.members.map((m) => m.id),
      }),
    success: (c) => fmt(s['similar.created'], { title: c.title, count: c.memberCount }),
    onSuccess: async (c) => {
      setMade({ id: c.id, title: c.title });
      await qc.invalidateQueries({ queryKey: ['clusters'] });
    },
  });
  return (
    <section aria-labelledby="cluster-proposals-heading" data-testid="cluster-proposals">
      <Heading level={2} id="cluster-proposals-heading">
        {s['similar.proposalsHeading']}
      </Heading>
      <Paragraph>{s['similar.proposalsIntro']}</Paragraph>
      <FormFeedback submit={create} focusSuccess successTestId="proposal-created" />
      {made && create.success && (
        <Paragraph>
          <AppLink to="/clusters/$id" params={{ id: made.id }} data-testid="proposal-cluster-link">
            {s['similar.openCluster']}: {made.title}
          </AppLink>
        </Paragraph>
      )}
      <QueryState query={proposals} />
      {data && !data.abilities.createCluster && data.items.length > 0 && (
        <Paragraph>{s['similar.noRight']}</Paragraph>
      )}
      {data &&
        (data.items.length === 0 ? (
          <Paragraph data-testid="proposals-none">{s['similar.proposalsNone']}</Paragraph>
        ) : (
          data.items.map((p, i) => (
            <ProposalItem
              key={p.members.map((m) => m.id).join()}
              p={p}
              index={i}
              canCreate={data.abilities.createCluster}
              busy={create.busy}
              onCreate={() => void create.run(p)}
            />
          ))
        ))}
    </section>
  );
}

function ProposalItem(props: {
  p: Proposal;
  index: number;
  canCreate: boolean;
  busy: boolean;
  onCreate(): void;
}) {
  const { lang } = useI18n();
  const s = useSimilarTexts();
  const ref = useRecommendationRef();
  const { p } = props;
  const headingId = `proposal-${props.index}-heading`;
  const score = p.score.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
  return (
    <article className="rd-proposal" aria-labelledby={headingId} data-testid="proposal">
      <Heading level={3} appearance="utrecht-heading-4" id={headingId}>
        {fmt(s['similar.proposalTitle'], { title: p.title })}
      </Heading>
      <Paragraph>{fmt(s['similar.proposalMeta'], { count: p.members.length, score })}</Paragraph>
      <Paragraph className="rd-proposal__terms">
        {s['similar.sharedTerms']}: <span lang="en">{p.sharedTerms.join(', ')}</span>
      </Paragraph>
      <details>
        <summary>{s['similar.members']}</summary>
        <ul>
          {p.members.map((m) => (
            <li key={m.id}>
              <AppLink to="/recommendations/$id" params={{ id: m.id }}>
                {ref(m)}
              </AppLink>{' '}
              ({m.bodyCode ?? m.stateUnderReview}
              {m.year ? `, ${m.year}` : ''}): <span lang="en">{m.text}</span>
            </li>
          ))}
        </ul>
      </details>
      {props.canCreate && (
        <Button
          appearance="secondary-action-button"
          type="button"
          disabled={props.busy}
          onClick={props.onCreate}
        >
          {s['similar.createCluster']}
          <span className="rd-visually-hidden"> {p.title}</span>
        </Button>
      )}
    </article>
  );
}
