import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { BULK_LIMIT } from '../../src/followup/schema.ts';
import type { PublishSelection } from '../../src/followup/publish-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { Confirmation } from '../components/Confirmation.tsx';
import { FormFeedback, useSubmit } from '../components/form/index.ts';
import { useFollowUp } from './api.ts';
import {
  publicFollowUpKey,
  publishMany,
  publishOne,
  usePublicFollowUp,
  usePublishTexts,
} from './publish-api.ts';
import './followup.css';

/**
 * Publishing one recommendation's follow-up, or withdrawing its publication: for users whose
 * abilities allow it (the lead's coordinators, the coordinating ministry, administrators).
 */
export function PublishPanel(props: { recommendationId: string; published: boolean }) {
  const me = useMe();
  return me.data ? <PublishPanelContent {...props} /> : null;
}

function PublishPanelContent({
  recommendationId,
  published,
}: {
  recommendationId: string;
  published: boolean;
}) {
  const p = usePublishTexts();
  const { date } = useI18n();
  const qc = useQueryClient();
  const fu = useFollowUp(recommendationId);
  // What the public reads tells since when it is public.
  const since = usePublicFollowUp(recommendationId, published).data?.publishedAt;
  const submit = useSubmit<unknown, boolean>({
    action: (publish) => publishOne(recommendationId, publish),
    success: (_r, publish) => (publish ? p.published : p.withdrawn),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['recommendation', recommendationId] });
      await qc.invalidateQueries({ queryKey: publicFollowUpKey(recommendationId) });
    },
  });
  if (!fu.data?.abilities.publishFollowUp) return null;
  return (
    <section aria-labelledby="fu-publish-heading" className="rd-panel" data-testid="publish-followup">
      <Heading level={2} id="fu-publish-heading">
        {p.panelHeading}
      </Heading>
      <Paragraph data-testid="publish-state">
        {published ? fmt(p.isPublic, { date: date(since ?? '') || '…' }) : p.isInternal}
      </Paragraph>
      <FormFeedback submit={submit} successTestId="publish-result" />
      <ButtonGroup>
        <Button
          appearance={published ? 'secondary-action-button' : 'primary-action-button'}
          type="button"
          busy={submit.busy}
          disabled={submit.busy}
          onClick={() => void submit.run(!published)}
        >
          {published ? p.withdraw : p.publish}
        </Button>
      </ButtonGroup>
    </section>
  );
}

/**
 * Publishing the follow-up of every hit of the current search, or withdrawing it, after a
 * confirmation that names the count; more than BULK_LIMIT is refused before anything is sent. For
 * users who may act on search results in bulk (the server checks each recommendation's lead).
 */
export function BulkPublishPanel(props: { filters: Record<string, string>; total: number }) {
  const p = usePublishTexts();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const announce = useAnnounce();
  // The first step checks and asks; nothing is sent before the confirmation.
  const ask = (publish: boolean) => {
    submit.reset();
    const refused =
      props.total === 0
        ? p.bulkNone
        : props.total > BULK_LIMIT
          ? fmt(p.bulkTooMany, { total: props.total, limit: BULK_LIMIT })
          : null;
    setProblem(refused);
    if (refused) announce(refused);
    else setConfirming(publish);
  };
  const submit = useSubmit<{ changed: number; unchanged: number }, boolean>({
    action: (publish) => publishMany({ search: props.filters as PublishSelection['search'] }, publish),
    success: (r, publish) => fmt(publish ? p.bulkPublished : p.bulkWithdrawn, r),
    onSuccess: async () => {
      setConfirming(null);
      await qc.invalidateQueries({ queryKey: ['recommendation'] });
      await qc.invalidateQueries({ queryKey: ['public-followup'] });
    },
  });
  return (
    <section aria-labelledby="bulk-publish-heading" className="rd-panel" data-testid="bulk-publish">
      <Heading level={2} id="bulk-publish-heading">
        {p.bulkHeading}
      </Heading>
      <FormFeedback submit={submit} focusSuccess successTestId="bulk-publish-result" />
      {problem && (
        <Alert type="warning" data-testid="bulk-publish-problem">
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
      {confirming !== null ? (
        <Confirmation
          testId="bulk-publish-confirm"
          question={fmt(confirming ? p.bulkConfirmPublish : p.bulkConfirmWithdraw, { total: props.total })}
          yes={confirming ? p.bulkConfirmYesPublish : p.bulkConfirmYesWithdraw}
          submit={{ ...submit, run: () => submit.run(confirming) }}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <>
          <Paragraph>{fmt(p.bulkIntro, { total: props.total })}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" type="button" onClick={() => ask(true)}>
              {p.bulkPublish}
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={() => ask(false)}>
              {p.bulkWithdraw}
            </Button>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
