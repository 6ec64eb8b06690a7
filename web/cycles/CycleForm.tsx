import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Cycle, CycleCreate, CycleUpdate } from '../../src/cycles/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { FormPanel, SelectField, TextField, useForm, type FieldErrors } from '../components/form/index.ts';

/**
 * Adds a reporting cycle to an instrument, or changes one (its name, sequence and procedure); shown
 * only to those who may edit the instrument (its abilities).
 */
export function CycleForm(props: {
  instrumentId: string;
  instrumentName: string;
  cycle?: Cycle | undefined;
  nextSequence?: number | undefined;
  onClose(done?: string | null): void;
}) {
  const { t, cycle: cycleName } = useI18n();
  const qc = useQueryClient();
  const c = props.cycle;
  const form = useForm(
    {
      label: c?.label ?? '',
      sequence: String(c?.sequence ?? props.nextSequence ?? 1),
      procedure: c?.procedure ?? '',
    },
    {
      validate: (v) => {
        const errors: FieldErrors = {};
        if (!v.label.trim()) errors.label = t.coordinator.labelRequired;
        const n = Number(v.sequence);
        if (!/^\d+$/.test(v.sequence.trim()) || n > 1000) errors.sequence = t.coordinator.sequenceInvalid;
        return errors;
      },
      action: (v) => {
        const procedure: Cycle['procedure'] =
          v.procedure === 'standard' || v.procedure === 'simplified' ? v.procedure : null;
        const fields = { label: v.label.trim(), sequence: Number(v.sequence), procedure };
        return c
          ? api<Cycle>('PATCH', `/api/cycles/${c.id}`, {
              ...fields,
              version: c.version,
            } satisfies z.input<typeof CycleUpdate>)
          : api<Cycle>('POST', '/api/cycles', {
              ...fields,
              instrumentId: props.instrumentId,
            } satisfies z.input<typeof CycleCreate>);
      },
      success: c ? t.coordinator.cycleSaved : t.coordinator.cycleCreated,
      onSuccess: async (_r, message) => {
        await qc.invalidateQueries({ queryKey: ['cycles'] });
        props.onClose(message);
      },
    },
  );
  return (
    <FormPanel
      title={
        c
          ? fmt(t.coordinator.cycleEditTitle, { label: cycleName(c.label) })
          : fmt(t.coordinator.cycleNewTitle, { instrument: props.instrumentName })
      }
      headingLevel={3}
      panel
      focusOnMount
      testId="cycle-form"
      submit={form}
      submitLabel={t.common.save}
      onCancel={() => props.onClose()}
    >
      <TextField
        label={t.coordinator.label}
        hint={t.coordinator.labelHint}
        {...form.field('label')}
        required
      />
      <TextField label={t.coordinator.sequence} {...form.field('sequence')} required />
      <SelectField
        label={t.coordinator.procedure}
        {...form.field('procedure')}
        options={[
          { value: '', label: t.coordinator.procedureNone },
          { value: 'standard', label: t.procedures.standard ?? 'standard' },
          { value: 'simplified', label: t.procedures.simplified ?? 'simplified' },
        ]}
      />
    </FormPanel>
  );
}
