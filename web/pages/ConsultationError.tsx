import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { ErrorAlert } from '../components/ui.tsx';

/** Like ErrorAlert, with Dutch texts for the consultation problems (the API answers in English). */
export function ConsultationErrorAlert({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  if (error instanceof ApiError && lang === 'nl') {
    const template = t.consultations.problems[error.code];
    if (template) {
      const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : 60;
      return (
        <Alert type="error">
          <Heading level={2} appearance="utrecht-heading-4">
            {t.common.errorTitle}
          </Heading>
          <Paragraph>{fmt(template, { minutes })}</Paragraph>
          <Paragraph lang="en" className="rd-subtle">
            {error.message}
          </Paragraph>
        </Alert>
      );
    }
  }
  return <ErrorAlert error={error} />;
}
