import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  PHASE_KINDS,
  type Cycle,
  type Phase,
  type PhaseCreate,
  type PhaseKind,
  type PhaseUpdate,
} from '../../src/cycles/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import {
  DateField,
  FormPanel,
  SelectField,
  TextField,
  useForm,
  type FieldErrors,
} from '../components/form/index.ts';

const PRECISIONS = ['day', 'month', 'year'] as const;
type Precision = (typeof PRECISIONS)[number];

/** Records a phase of a cycle (its kind, date, precision and document symbol), or changes one. */
export function PhaseForm(props: {
  cycle: Cycle;
  phase?: Phase | undefined;
  onClose(done?: string | null): void;
}) {
  const { t, phase: phaseName, cycle: cycleName } = useI18n();
  const qc = useQueryClient();
  const p = props.phase;
  const form = useForm(
    {
      kind: p?.kind ?? 'report_submitted',
      date: p?.date ?? '',
      datePrecision: p?.datePrecision ?? 'day',
      symbol: p?.symbol ?? '',
    },
    {
      validate: (v) => {
        const errors: FieldErrors = {};
        if (!(PHASE_KINDS as readonly string[]).includes(v.kind)) errors.kind = t.common.required;
        return errors;
      },
      action: (v) => {
        const fields = {
          date: v.date || null,
          datePrecision: (PRECISIONS as readonly string[]).includes(v.datePrecision)
            ? (v.datePrecision as Precision)
            : 'day',
          symbol: v.symbol.trim() || null,
        };
        return p
          ? api('PATCH', `/api/phases/${p.id}`, {
              ...fields,
              version: p.version,
            } satisfies z.input<typeof PhaseUpdate>)
          : api('POST', `/api/cycles/${props.cycle.id}/phases`, {
              ...fields,
              kind: v.kind as PhaseKind,
            } satisfies z.input<typeof PhaseCreate>);
      },
      success: p ? t.coordinator.phaseSaved : t.coordinator.phaseCreated,
      onSuccess: async (_r, message) => {
        await qc.invalidateQueries({ queryKey: ['cycles'] });
        await qc.invalidateQueries({ queryKey: ['overview'] });
        props.onClose(message);
      },
    },
  );
  return (
    <FormPanel
      title={
        p
          ? fmt(t.coordinator.phaseEditTitle, { kind: phaseName(p.kind) })
          : fmt(t.coordinator.phaseNewTitle, { label: cycleName(props.cycle.label) })
      }
      headingLevel={4}
      panel
      focusOnMount
      testId="phase-form"
      submit={form}
      submitLabel={t.common.save}
      onCancel={() => props.onClose()}
    >
      {!p && (
        <SelectField
          label={t.coordinator.phaseKind}
          {...form.field('kind')}
          options={PHASE_KINDS.map((k) => ({ value: k, label: phaseName(k) }))}
        />
      )}
      <DateField label={t.coordinator.phaseDate} hint={t.coordinator.phaseDateHint} {...form.field('date')} />
      <SelectField
        label={t.coordinator.precision}
        {...form.field('datePrecision')}
        options={PRECISIONS.map((x) => ({ value: x, label: t.coordinator.precisions[x] ?? x }))}
      />
      <TextField label={t.coordinator.symbol} {...form.field('symbol')} />
    </FormPanel>
  );
}
