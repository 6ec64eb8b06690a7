import { useQueryClient } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import type { StateReport } from '../../src/state-report/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { DateField, FormPanel, TextField, useForm, type FieldErrors } from '../components/form/index.ts';
import { recordSubmission, reportKey, stateReportsKey } from './api.ts';

/**
 * "Indiening vastleggen": the date and symbol of the submission. The server writes the cycle's phase
 * (report or replies submitted), so the cycle's phase shown on the page moves with it.
 */
export function SubmissionForm({ r, onSaved }: { r: StateReport; onSaved(message: string): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const form = useForm(
    { submittedOn: r.submittedOn ?? '', symbol: r.symbol ?? '' },
    {
      validate: (v) => {
        const errors: FieldErrors = {};
        if (!v.submittedOn) errors.submittedOn = t.stateReport.submittedOnRequired;
        if (!v.symbol.trim()) errors.symbol = t.stateReport.symbolRequired;
        return errors;
      },
      action: (v) =>
        recordSubmission(r.id, { submittedOn: v.submittedOn, symbol: v.symbol.trim(), version: r.version }),
      onSuccess: async () => {
        onSaved(t.stateReport.submissionSaved);
        await qc.invalidateQueries({ queryKey: reportKey(r.id) });
        await qc.invalidateQueries({ queryKey: stateReportsKey });
        await qc.invalidateQueries({ queryKey: ['cycles'] });
      },
    },
  );
  return (
    <FormPanel
      title={t.stateReport.submissionTitle}
      intro={<Paragraph>{t.stateReport.submissionIntro}</Paragraph>}
      submit={form}
      submitLabel={t.stateReport.submissionSubmit}
      narrow
      testId="state-report-submission"
    >
      <DateField label={t.stateReport.submittedOnField} required {...form.field('submittedOn')} />
      <TextField
        label={t.stateReport.symbolField}
        hint={t.stateReport.symbolHint}
        required
        {...form.field('symbol')}
      />
    </FormPanel>
  );
}
