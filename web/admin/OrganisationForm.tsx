import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Organisation, OrganisationCreate, OrganisationKind } from '../../src/organisations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import {
  DateField,
  FormPanel,
  SelectField,
  TextField,
  useForm,
  type Option,
} from '../components/form/index.ts';

/** Creates an organisation, or edits one (with the version the user saw). */
export function OrganisationForm(props: {
  organisation: Organisation | null;
  kinds: Option[];
  onClose(done?: string | null): void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const o = props.organisation;
  const form = useForm(
    {
      code: o?.code ?? '',
      nameNl: o?.nameNl ?? '',
      nameEn: o?.nameEn ?? '',
      kind: o?.kind ?? 'ministry',
      validFrom: o?.validFrom ?? '',
      validTo: o?.validTo ?? '',
    },
    {
      action: (v) => {
        const body = {
          code: v.code.trim(),
          nameNl: v.nameNl.trim(),
          nameEn: v.nameEn.trim(),
          kind: v.kind as OrganisationKind,
          validFrom: v.validFrom || null,
          validTo: v.validTo || null,
        } satisfies z.input<typeof OrganisationCreate>;
        return o
          ? api<Organisation>('PATCH', `/api/organisations/${o.id}`, { ...body, version: o.version })
          : api<Organisation>('POST', '/api/organisations', body);
      },
      success: (saved) => fmt(o ? t.organisations.saved : t.organisations.created, { code: saved.code }),
      onSuccess: async (_saved, message) => {
        await qc.invalidateQueries({ queryKey: ['organisations'] });
        props.onClose(message);
      },
    },
  );
  return (
    <FormPanel
      title={o ? fmt(t.organisations.editTitle, { code: o.code }) : t.organisations.createTitle}
      panel
      focusOnMount
      submit={form}
      submitLabel={o ? t.common.save : t.organisations.createButton}
      onCancel={props.onClose}
    >
      <TextField label={t.organisations.code} {...form.field('code')} required />
      <TextField label={t.organisations.nameNl} {...form.field('nameNl')} required />
      <TextField label={t.organisations.nameEn} {...form.field('nameEn')} required />
      <SelectField label={t.organisations.kind} {...form.field('kind')} required options={props.kinds} />
      <DateField
        label={t.organisations.validFrom}
        hint={t.organisations.dateHint}
        {...form.field('validFrom')}
      />
      <DateField label={t.organisations.validTo} hint={t.organisations.dateHint} {...form.field('validTo')} />
    </FormPanel>
  );
}
