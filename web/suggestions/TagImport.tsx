import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { ImportTagResult } from '../../src/suggestions/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { Confirmation } from '../components/Confirmation.tsx';
import { FormFeedback, useSubmit } from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { tagImport, useImportSuggestions } from './api.ts';

/**
 * Tags the new recommendations of an import that have no tags with the suggested tags above the
 * model's threshold: a button, a confirmation, then the counts of what was done. The counts stay
 * when the list, read again, has no recommendation without tags left (and so no button).
 */
export function TagImportButton(props: { importId: string; modelVersion: string; untagged: number }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  const submit = useSubmit<ImportTagResult>({
    action: () => tagImport(props.importId, props.modelVersion),
    success: (r) =>
      fmt(t.suggestions.bulkDone, {
        tagged: r.tagged,
        untagged: r.untagged,
        tags: r.tagsAdded,
        without: r.withoutSuggestions,
      }),
    onSuccess: async () => {
      setAsking(false);
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['suggestions'] }),
        qc.invalidateQueries({ queryKey: ['recommendation'] }),
        qc.invalidateQueries({ queryKey: ['recommendations'] }),
      ]);
    },
  });
  return (
    <div data-testid="tag-import">
      <FormFeedback submit={submit} successTestId="tag-import-done" focusSuccess />
      {asking ? (
        <div ref={question} tabIndex={-1} className="rd-alert-focus">
          <Confirmation
            question={t.suggestions.bulkQuestion}
            yes={t.suggestions.bulkYes}
            submit={submit}
            onCancel={() => setAsking(false)}
            testId="tag-import-confirm"
          />
        </div>
      ) : (
        props.untagged > 0 && (
          <Button appearance="primary-action-button" type="button" onClick={() => setAsking(true)}>
            {t.suggestions.bulkButton}
          </Button>
        )
      )}
    </div>
  );
}

/**
 * On the import page, after an import that created recommendations: the way to their suggested
 * tags, and the bulk tagging for those who may.
 */
export function ImportSuggestionsLinks({ importId }: { importId: string }) {
  const { t } = useI18n();
  const first = useImportSuggestions(importId, 1, 1);
  const s = first.data;
  return (
    <section aria-labelledby="import-suggestions-heading" data-testid="import-suggestions">
      <Heading level={3} id="import-suggestions-heading">
        {t.suggestions.bulkHeading}
      </Heading>
      <Paragraph>
        <AppLink to="/suggesties/$importId" params={{ importId }} data-testid="import-suggestions-link">
          {t.suggestions.bulkLink}
        </AppLink>
      </Paragraph>
      {s && s.abilities.decide && (
        <TagImportButton importId={importId} modelVersion={s.modelVersion} untagged={s.untagged} />
      )}
    </section>
  );
}
