import type { FocusEvent } from 'react';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.tsx';
import { FormFeedback, TextField, useSubmit } from '../components/form/index.ts';

/**
 * The link of a request's form, shown once (when made or replaced): the full address, selectable,
 * with a copy button and the message that it will not be shown again.
 */
export function ContributionLink({ path }: { path: string }) {
  const { t } = useI18n();
  const url = `${window.location.origin}${path}`;
  const copy = useSubmit({
    action: () =>
      navigator.clipboard.writeText(url).catch(() => {
        throw new Error(t.contributions.copyFailed);
      }),
    success: t.contributions.copied,
  });
  return (
    <section aria-labelledby="contribution-link-heading" data-testid="contribution-link">
      <Alert type="warning">
        <Heading level={2} appearance="utrecht-heading-4" id="contribution-link-heading">
          {t.contributions.linkTitle}
        </Heading>
        <Paragraph>{t.contributions.linkOnce}</Paragraph>
      </Alert>
      <TextField
        label={t.contributions.link}
        name="contribution-link"
        value={url}
        onChange={() => undefined}
        readOnly
        onFocus={(e: FocusEvent<HTMLInputElement>) => e.currentTarget.select()}
        testId="contribution-link-url"
      />
      <ButtonGroup>
        <Button appearance="secondary-action-button" type="button" onClick={() => void copy.run()}>
          {t.contributions.copy}
        </Button>
      </ButtonGroup>
      <FormFeedback submit={copy} />
    </section>
  );
}
