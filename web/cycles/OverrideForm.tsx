import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@utrecht/component-library-react';
import type { z } from 'zod';
import type { Cycle, DerivedPhase, OverrideInput } from '../../src/cycles/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import {
  DateField,
  FormFeedback,
  FormPanel,
  TextField,
  useForm,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';

/** Overrides a derived due date with a reason (or changes the override), or removes the override. */
export function OverrideForm(props: {
  cycle: Cycle;
  deadline: DerivedPhase;
  onClose(done?: string | null): void;
}) {
  const { t, phase, cycle: cycleName } = useI18n();
  const qc = useQueryClient();
  const { cycle, deadline } = props;
  const override = deadline.override;
  const refresh = async (_r: unknown, message: string | null) => {
    await qc.invalidateQueries({ queryKey: ['cycles'] });
    await qc.invalidateQueries({ queryKey: ['overview'] });
    props.onClose(message);
  };
  const form = useForm(
    { date: override?.date ?? deadline.date, reason: override?.reason ?? '' },
    {
      validate: (v) => {
        const errors: FieldErrors = {};
        if (!v.date) errors.date = t.overrides.dateRequired;
        if (!v.reason.trim()) errors.reason = t.overrides.reasonRequired;
        return errors;
      },
      action: (v) =>
        api('POST', `/api/cycles/${cycle.id}/overrides`, {
          kind: deadline.kind,
          date: v.date,
          reason: v.reason.trim(),
          ...(override ? { version: override.version } : {}),
        } satisfies z.input<typeof OverrideInput>),
      success: t.overrides.saved,
      onSuccess: refresh,
    },
  );
  const remove = useSubmit({
    action: () =>
      api(
        'DELETE',
        `/api/cycles/${cycle.id}/overrides/${deadline.kind}${qs({ version: override?.version })}`,
      ),
    success: t.overrides.removed,
    onSuccess: refresh,
  });

  return (
    <FormPanel
      title={fmt(t.overrides.overrideTitle, { kind: `${phase(deadline.kind)} (${cycleName(cycle.label)})` })}
      headingLevel={4}
      testId="override-form"
      submit={form}
      submitLabel={t.overrides.save}
      actions={
        override && (
          <Button
            appearance="secondary-action-button"
            type="button"
            disabled={remove.busy || form.busy}
            onClick={() => void remove.run()}
          >
            {t.overrides.remove}
          </Button>
        )
      }
      onCancel={props.onClose}
    >
      <FormFeedback submit={remove} />
      <DateField label={t.overrides.newDate} {...form.field('date')} required />
      <TextField
        label={t.overrides.reason}
        hint={t.overrides.reasonHint}
        {...form.field('reason')}
        required
      />
    </FormPanel>
  );
}
