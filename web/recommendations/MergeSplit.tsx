import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import type { z } from 'zod';
import type {
  MergeRequest,
  MergeResult,
  RecommendationDetail as Detail,
} from '../../src/recommendations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { FormFeedback, FormPanel, TextField, useForm, useSubmit } from '../components/form/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Merging another recommendation into this one: the user gives the other's id (or its address),
 * sees its text, and confirms. The server keeps what the other was, so that taking its source out
 * again restores it.
 */
export function MergeForm({ r }: { r: Detail }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [other, setOther] = useState<Detail | null>(null);
  const find = useForm(
    { otherId: '' },
    {
      validate: (v): Record<string, string> => {
        const id = /[0-9a-f-]{36}/i.exec(v.otherId.trim())?.[0] ?? '';
        if (!UUID.test(id)) return { otherId: t.recommendations.mergeIdInvalid };
        if (id === r.id) return { otherId: t.recommendations.mergeSelf };
        return {};
      },
      action: async (v) => {
        const id = /[0-9a-f-]{36}/i.exec(v.otherId.trim())![0];
        setOther(await api<Detail>('GET', `/api/recommendations/${id}`));
      },
    },
  );
  const merge = useSubmit({
    action: () =>
      api<MergeResult>('POST', `/api/recommendations/${r.id}/merge`, {
        otherId: other!.id,
        version: r.version,
        otherVersion: other!.version,
      } satisfies z.input<typeof MergeRequest>),
    success: t.recommendations.merged,
    onSuccess: async (result) => {
      setOther(null);
      find.set('otherId', '');
      qc.setQueryData(['recommendation', r.id], result.recommendation);
      await qc.invalidateQueries({ queryKey: ['recommendations'] });
    },
  });
  return (
    <>
      <FormPanel
        title={t.recommendations.mergeHeading}
        headingLevel={3}
        intro={<Paragraph>{t.recommendations.mergeIntro}</Paragraph>}
        submit={find}
        submitLabel={t.recommendations.mergeFind}
        testId="merge-form"
        narrow
      >
        <TextField
          {...find.field('otherId')}
          label={t.recommendations.mergeOtherId}
          hint={t.recommendations.mergeOtherIdHint}
          required
          testId="merge-other-id"
        />
      </FormPanel>
      {other && (
        <div
          className="rd-panel"
          data-testid="merge-confirm"
          role="group"
          aria-label={t.recommendations.mergeHeading}
        >
          <Paragraph>
            {fmt(t.recommendations.mergeConfirm, {
              states: other.recommendingStates.join(', ') || t.common.none,
            })}
          </Paragraph>
          <blockquote lang="en" className="rd-prewrap">
            {other.text}
          </blockquote>
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              type="button"
              busy={merge.busy}
              disabled={merge.busy}
              onClick={() => void merge.run()}
              data-testid="merge-confirm-button"
            >
              {t.recommendations.mergeButton}
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={() => setOther(null)}>
              {t.common.cancel}
            </Button>
          </ButtonGroup>
        </div>
      )}
      <FormFeedback submit={merge} focusSuccess successTestId="merged" />
    </>
  );
}
