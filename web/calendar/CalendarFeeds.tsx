import { useState, type FocusEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { FeedCreated, FeedStatus } from '../../src/calendar/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { ErrorAlert } from '../components/feedback.tsx';
import { FormFeedback, TextField, useSubmit } from '../components/form/index.ts';

/** The iCalendar links of the user and (where the server allows it) of the user's organisation. */
export function CalendarFeeds() {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const user = me.data;
  const status = useQuery({
    queryKey: ['calendar-feeds', user?.id ?? ''],
    queryFn: () => api<FeedStatus>('GET', '/api/calendar-feeds'),
    enabled: Boolean(user),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['calendar-feeds'] });
  const org = status.data?.organisation;
  return (
    <section aria-labelledby="feeds-heading" className="rd-section">
      <Heading level={2} id="feeds-heading">
        {t.deadlines.feedTitle}
      </Heading>
      <Paragraph>{t.deadlines.feedIntro}</Paragraph>
      {!user && me.isSuccess && <Paragraph>{t.deadlines.feedLoginNeeded}</Paragraph>}
      {status.isError && <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && (
        <FeedControl
          id="my"
          title={t.deadlines.myFeed}
          active={status.data.user.exists ? dateTime(status.data.user.createdAt) : null}
          path="/api/calendar-feeds/me"
          onChange={refresh}
        />
      )}
      {org?.abilities.manage && (
        <FeedControl
          id="org"
          title={fmt(t.deadlines.orgFeed, { code: org.code })}
          active={org.exists ? dateTime(org.createdAt) : null}
          path={`/api/calendar-feeds/organisations/${org.organisationId}`}
          onChange={refresh}
        />
      )}
    </section>
  );
}

/** One feed: whether it exists, its URL once created (shown once, with a copy button), rotate and revoke. */
function FeedControl(props: {
  id: string;
  title: string;
  active: string | null;
  path: string;
  onChange(): unknown;
}) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const feed = useSubmit({
    action: (method: 'POST' | 'DELETE') => api<FeedCreated | undefined>(method, props.path),
    success: (_r, method) => (method === 'POST' ? t.deadlines.feedCreated : t.deadlines.feedRevoked),
    onSuccess: (created) => {
      setUrl(created?.url ?? null);
      return props.onChange();
    },
  });
  /** Copies the URL; a browser that refuses says so (the URL can still be selected by hand). */
  const copy = useSubmit({
    action: () =>
      navigator.clipboard.writeText(url ?? '').catch(() => {
        throw new Error(t.deadlines.copyFailed);
      }),
    success: t.deadlines.copied,
  });
  const hidden = <span className="rd-visually-hidden"> ({props.title})</span>;

  return (
    <div className="rd-feed" data-testid={`feed-${props.id}`}>
      <Heading level={3}>{props.title}</Heading>
      <Paragraph>
        {props.active ? fmt(t.deadlines.feedActive, { date: props.active }) : t.deadlines.feedNone}
      </Paragraph>
      <FormFeedback submit={feed} focusSuccess successTestId={`feed-notice-${props.id}`} />
      {url && (
        <>
          <TextField
            label={t.deadlines.feedUrl}
            hint={t.deadlines.feedUrlHint}
            name={`feed-url-${props.id}`}
            value={url}
            onChange={() => undefined}
            readOnly
            onFocus={(e: FocusEvent<HTMLInputElement>) => e.currentTarget.select()}
            testId={`feed-url-${props.id}`}
          />
          <ButtonGroup>
            <Button appearance="secondary-action-button" type="button" onClick={() => void copy.run()}>
              {t.deadlines.copy}
              {hidden}
            </Button>
          </ButtonGroup>
          <FormFeedback submit={copy} successTestId={`feed-copied-${props.id}`} />
        </>
      )}
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          type="button"
          disabled={feed.busy}
          onClick={() => void feed.run('POST')}
        >
          {props.active ? t.deadlines.feedRotate : t.deadlines.feedCreate}
          {hidden}
        </Button>
        {props.active && (
          <Button
            appearance="secondary-action-button"
            type="button"
            disabled={feed.busy}
            onClick={() => void feed.run('DELETE')}
          >
            {t.deadlines.feedRevoke}
            {hidden}
          </Button>
        )}
      </ButtonGroup>
    </div>
  );
}
