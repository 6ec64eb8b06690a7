import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import type { z } from 'zod';
import {
  submissionReference,
  type Submission,
  type SubmissionErase,
  type SubmissionErased,
} from '../../src/consultations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { FormFeedback, useSubmit } from '../components/form/index.ts';

/**
 * Erasing a submission on its author's request (administrators): a button, then a confirmation
 * that says what is removed. The message of the erase is shown by the page, since the submission
 * leaves the list.
 */
export function EraseSubmission({
  s,
  onErased,
}: {
  s: Submission;
  onErased: (message: string | null) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const reference = submissionReference(s.id);
  const erase = useSubmit({
    action: () =>
      api<z.infer<typeof SubmissionErased>>('POST', `/api/consultation-submissions/${s.id}/erase`, {
        version: s.version,
      } satisfies z.input<typeof SubmissionErase>),
    success: (r) => fmt(t.consultations.erased, { reference: r.reference }),
    onSuccess: async (_r, message) => {
      onErased(message);
      await qc.invalidateQueries({ queryKey: ['consultation-submissions', s.consultationId] });
      await qc.invalidateQueries({ queryKey: ['consultation', s.consultationId] });
    },
  });
  if (!confirming) {
    return (
      <Paragraph>
        <Button appearance="secondary-action-button" type="button" onClick={() => setConfirming(true)}>
          {t.consultations.eraseButton}
          <span className="rd-visually-hidden"> {s.organisationName}</span>
        </Button>
      </Paragraph>
    );
  }
  const textId = `erase-${s.id}`;
  return (
    <div role="group" aria-labelledby={textId} className="rd-panel" data-testid="erase-confirm">
      <Paragraph id={textId}>
        {fmt(t.consultations.eraseConfirm, { name: s.organisationName, reference })}
      </Paragraph>
      <FormFeedback submit={erase} showSuccess={false} />
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          type="button"
          disabled={erase.busy}
          onClick={() => void erase.run()}
        >
          {t.consultations.eraseConfirmButton}
        </Button>
        <Button appearance="subtle-button" type="button" onClick={() => setConfirming(false)}>
          {t.common.cancel}
        </Button>
      </ButtonGroup>
    </div>
  );
}
