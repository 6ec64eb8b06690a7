import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { BULK_LIMIT, type BulkAssign } from '../../src/followup/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { Confirmation } from '../components/Confirmation.tsx';
import { useOrganisationOptions, useOrganisations } from '../lib/organisations.ts';
import {
  FormFeedback,
  FormPanel,
  SelectField,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { assignMany } from './api.ts';
import './followup.css';
import '../i18n/followup-texts.ts';

/**
 * Assigning every hit of the current search to a lead organisation, after a confirmation that names
 * the count; more than BULK_LIMIT is refused before anything is sent. For users allowed to assign
 * (the server checks each recommendation again).
 */
export function BulkAssignPanel(props: { filters: Record<string, string>; total: number }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const options = useOrganisationOptions(t.followUp.chooseOrganisation);
  const orgs = useOrganisations().data?.items ?? [];
  const fields = useFields({ leadOrganisationId: '' });
  const [confirming, setConfirming] = useState(false);
  const lead = orgs.find((o) => o.id === fields.values.leadOrganisationId);

  // The first step checks and asks; nothing is sent before the confirmation.
  const ask = useSubmit<void>({
    validate: (): FieldErrors => {
      if (!fields.values.leadOrganisationId) return { leadOrganisationId: t.followUp.bulkChoose };
      if (props.total === 0) return { leadOrganisationId: t.followUp.bulkNone };
      if (props.total > BULK_LIMIT)
        return {
          leadOrganisationId: fmt(t.followUp.bulkTooMany, { total: props.total, limit: BULK_LIMIT }),
        };
      return {};
    },
    action: async () => setConfirming(true),
  });
  const assign = useSubmit<{ assigned: number; unchanged: number }>({
    action: () =>
      assignMany({
        search: props.filters as BulkAssign['search'],
        leadOrganisationId: fields.values.leadOrganisationId,
      }),
    success: (r) => fmt(t.followUp.bulkDone, r),
    onSuccess: async () => {
      setConfirming(false);
      // The lists are stale but not fetched again now: that would announce the count over the report.
      await qc.invalidateQueries({ queryKey: ['recommendations'], refetchType: 'none' });
      await qc.invalidateQueries({ queryKey: ['followup'] });
    },
  });

  return (
    <section aria-labelledby="bulk-heading" className="rd-panel" data-testid="bulk-assign">
      <Heading level={2} id="bulk-heading">
        {t.followUp.bulkHeading}
      </Heading>
      <FormFeedback submit={assign} focusSuccess successTestId="bulk-result" />
      {confirming ? (
        <Confirmation
          testId="bulk-confirm"
          question={fmt(t.followUp.bulkConfirm, {
            total: props.total,
            org: lead ? `${name(lead)} (${lead.code})` : '',
          })}
          yes={t.followUp.bulkConfirmYes}
          submit={assign}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <FormPanel label={t.followUp.bulkHeading} submit={ask} submitLabel={t.followUp.bulkSubmit}>
          <Paragraph>{fmt(t.followUp.bulkIntro, { total: props.total })}</Paragraph>
          <SelectField
            label={t.followUp.bulkLead}
            options={options}
            {...fields.field('leadOrganisationId')}
            error={ask.fieldErrors.leadOrganisationId}
          />
        </FormPanel>
      )}
    </section>
  );
}
