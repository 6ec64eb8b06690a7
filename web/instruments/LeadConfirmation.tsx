import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@utrecht/component-library-react';
import type { z } from 'zod';
import type { Instrument, LeadConfirmation as LeadConfirmationBody } from '../../src/instruments/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { FormFeedback, useSubmit } from '../components/form/index.ts';
import { Unverified } from '../components/ui.tsx';

/**
 * Whether the lead ministry is verified (by whom and when, where confirmed in the app), and for
 * those who may edit the instrument a button that confirms it.
 */
export function LeadConfirmation({ i }: { i: Instrument }) {
  const { t, date } = useI18n();
  const qc = useQueryClient();
  const confirm = useSubmit({
    action: () =>
      api<Instrument>('POST', `/api/instruments/${i.id}/lead-confirmation`, {
        version: i.version,
      } satisfies z.input<typeof LeadConfirmationBody>),
    success: t.coordinator.leadConfirmed,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['instrument', i.id] });
      await qc.invalidateQueries({ queryKey: ['overview'] });
    },
  });
  if (!i.lead) return null;
  return (
    <>
      {!i.leadVerified && <Unverified />}
      {i.leadVerified && i.leadVerifiedBy && i.leadVerifiedAt && (
        <span className="rd-subtle" data-testid="lead-verified-by">
          {fmt(t.coordinator.leadVerifiedBy, { name: i.leadVerifiedBy.name, date: date(i.leadVerifiedAt) })}
        </span>
      )}
      {!i.leadVerified && i.abilities.edit && (
        <Button
          appearance="secondary-action-button"
          type="button"
          busy={confirm.busy}
          disabled={confirm.busy}
          onClick={() => void confirm.run()}
        >
          {t.coordinator.leadConfirm}
        </Button>
      )}
      <FormFeedback submit={confirm} focusSuccess successTestId="lead-confirmed" />
    </>
  );
}
