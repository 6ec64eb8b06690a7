import { useEffect, useRef } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';

export function Loading() {
  const { t } = useI18n();
  return (
    <Paragraph className="rd-loading" aria-busy="true">
      {t.app.loading}
    </Paragraph>
  );
}

/** The text of a failed request in the user's language: from the problem's code and parameters. */
export function useErrorText(): (error: unknown) => string {
  const { t, problem } = useI18n();
  return (error) => {
    if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
    if (error.status === 0) return t.common.networkError;
    return problem({
      code: error.code,
      detail: error.message,
      params: error.params,
      retryAfter: error.retryAfter,
    });
  };
}

/** Explains a failed request; a stale edit offers to reload, another failure to try again. */
export function ErrorAlert({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const { t } = useI18n();
  const text = useErrorText();
  const stale = error instanceof ApiError && error.isStale;
  return (
    <Alert type="error">
      <Heading level={2} appearance="utrecht-heading-4">
        {title ?? t.common.errorTitle}
      </Heading>
      <Paragraph>{text(error)}</Paragraph>
      {stale && (
        <Button appearance="secondary-action-button" type="button" onClick={() => window.location.reload()}>
          {t.common.reload}
        </Button>
      )}
      {!stale && onRetry && (
        <Button appearance="secondary-action-button" type="button" onClick={onRetry}>
          {t.common.retry}
        </Button>
      )}
    </Alert>
  );
}

/**
 * The waiting and failing of a query: "loading", or the error with a retry (or the `notFound`
 * text for a 404); nothing once the data is there.
 */
export function QueryState({ query, notFound }: { query: UseQueryResult<unknown>; notFound?: string }) {
  if (query.isLoading) return <Loading />;
  if (!query.isError) return null;
  if (notFound && query.error instanceof ApiError && query.error.status === 404) {
    return <Paragraph>{notFound}</Paragraph>;
  }
  return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
}

/**
 * What was done ("Saved."), shown for the eye. The announcer has already said it to screen
 * readers, so this box is no live region of its own (it would be read twice); when it replaces
 * the form that was used, it takes the focus that form had.
 */
export function SuccessNotice({
  message,
  focus = false,
  testId = 'success-notice',
}: {
  message: string;
  focus?: boolean;
  testId?: string | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, message]);
  return (
    <div
      ref={ref}
      tabIndex={focus ? -1 : undefined}
      className="rd-alert-focus"
      data-testid={testId}
      data-feedback="success"
    >
      <Alert type="ok" role="none">
        <Paragraph>{message}</Paragraph>
      </Alert>
    </div>
  );
}
