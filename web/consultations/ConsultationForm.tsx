import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { z } from 'zod';
import type { Consultation, ConsultationCreate } from '../../src/consultations/schema.ts';
import type { Cycle } from '../../src/cycles/schema.ts';
import type { Instrument } from '../../src/instruments/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import {
  FormPanel,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
  type FieldErrors,
} from '../components/form/index.ts';
import { amsterdamToIso, isoToAmsterdam } from './time.ts';

/**
 * Opens a consultation round for a cycle of one of `instruments` (then shows it), or edits a round
 * (titles, descriptions, dates; the cycle stays).
 */
export function ConsultationForm(props: {
  consultation?: Consultation;
  instruments?: Instrument[];
  onClose(done?: string | null): void;
}) {
  const { t, name, cycle: cycleName } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const c = props.consultation;
  const form = useForm(
    {
      instrumentId: '',
      cycleId: '',
      titleNl: c?.titleNl ?? '',
      titleEn: c?.titleEn ?? '',
      descriptionNl: c?.descriptionNl ?? '',
      descriptionEn: c?.descriptionEn ?? '',
      opensAt: c ? isoToAmsterdam(c.opensAt) : '',
      closesAt: c ? isoToAmsterdam(c.closesAt) : '',
    },
    {
      validate: (v) => {
        const errors: FieldErrors = {};
        const required = t.consultations.fieldRequired;
        if (!c && !v.cycleId) errors.cycleId = required;
        if (!v.titleNl.trim()) errors.titleNl = required;
        if (!v.titleEn.trim()) errors.titleEn = required;
        const opens = amsterdamToIso(v.opensAt);
        const closes = amsterdamToIso(v.closesAt);
        if (!opens) errors.opensAt = required;
        if (!closes) errors.closesAt = required;
        if (opens && closes && closes <= opens) errors.closesAt = t.consultations.closesBeforeOpens;
        return errors;
      },
      action: (v) => {
        const fields = {
          titleNl: v.titleNl.trim(),
          titleEn: v.titleEn.trim(),
          descriptionNl: v.descriptionNl,
          descriptionEn: v.descriptionEn,
          opensAt: amsterdamToIso(v.opensAt) ?? '',
          closesAt: amsterdamToIso(v.closesAt) ?? '',
        };
        return c
          ? api<Consultation>('PATCH', `/api/consultations/${c.id}`, { ...fields, version: c.version })
          : api<Consultation>('POST', '/api/consultations', {
              ...fields,
              cycleId: v.cycleId,
            } satisfies z.input<typeof ConsultationCreate>);
      },
      success: (saved) => fmt(c ? t.consultations.saved : t.consultations.created, { title: saved.titleNl }),
      onSuccess: async (saved, message) => {
        await qc.invalidateQueries({ queryKey: ['consultations'] });
        await qc.invalidateQueries({ queryKey: ['consultation', saved.id] });
        if (c) props.onClose(message);
        else
          await navigate({
            to: '/consultations/$id',
            params: { id: saved.id },
            state: { notice: message ?? undefined },
          });
      },
    },
  );
  const instrumentId = form.values.instrumentId;
  const cycles = useQuery({
    queryKey: ['cycles', instrumentId],
    queryFn: () => api<Page<Cycle>>('GET', `/api/cycles${qs({ instrumentId, pageSize: 200 })}`),
    enabled: Boolean(instrumentId),
  });

  return (
    <FormPanel
      title={c ? t.consultations.editTitle : t.consultations.createTitle}
      panel
      focusOnMount
      submit={form}
      submitLabel={c ? t.common.save : t.consultations.createButton}
      onCancel={props.onClose}
    >
      {!c && (
        <>
          <SelectField
            label={t.consultations.instrument}
            {...form.field('instrumentId')}
            onChange={(v) => form.setValues({ ...form.values, instrumentId: v, cycleId: '' })}
            required
            options={[
              { value: '', label: t.consultations.chooseInstrument },
              ...(props.instruments ?? []).map((i) => ({
                value: i.id,
                label: `${i.shortName} — ${name(i)}`,
              })),
            ]}
          />
          <SelectField
            label={t.consultations.cycle}
            {...form.field('cycleId')}
            required
            options={[
              { value: '', label: t.consultations.chooseCycle },
              ...(cycles.data?.items ?? [])
                .slice()
                .sort((a, b) => b.sequence - a.sequence)
                .map((x) => ({ value: x.id, label: cycleName(x.label) })),
            ]}
          />
        </>
      )}
      <TextField label={t.consultations.titleNl} {...form.field('titleNl')} required />
      <TextField label={t.consultations.titleEn} {...form.field('titleEn')} required />
      <TextAreaField label={t.consultations.descriptionNl} {...form.field('descriptionNl')} rows={5} />
      <TextAreaField label={t.consultations.descriptionEn} {...form.field('descriptionEn')} rows={5} />
      <TextField
        label={t.consultations.opensAtLabel}
        type="datetime-local"
        hint={t.consultations.dateTimeHint}
        {...form.field('opensAt')}
        required
      />
      <TextField
        label={t.consultations.closesAtLabel}
        type="datetime-local"
        hint={t.consultations.dateTimeHint}
        {...form.field('closesAt')}
        required
      />
    </FormPanel>
  );
}
