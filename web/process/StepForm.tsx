import type { z } from 'zod';
import { PHASE_KINDS } from '../../src/cycles/schema.ts';
import {
  OffsetUnit,
  OwnerKind,
  STEP_CATEGORIES,
  type StepCreate,
  type Template,
  type TemplateStep,
} from '../../src/process/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { FormPanel, SelectField, TextAreaField, TextField, useForm } from '../components/form/index.ts';

/** Adds a step to a process guide, or edits one: title, owner, category and timing. */
export function StepForm(props: {
  template: Template;
  step: TemplateStep | null;
  onSaved(template: Template): void;
  onClose(done?: string | null): void;
}) {
  const { t, phase } = useI18n();
  const { step } = props;
  const organisations = useOrganisationOptions(t.meetings.choose);
  const form = useForm(
    {
      titleNl: step?.titleNl ?? '',
      titleEn: step?.titleEn ?? '',
      descriptionNl: step?.descriptionNl ?? '',
      descriptionEn: step?.descriptionEn ?? '',
      ownerKind: step?.ownerKind ?? 'lead_ministry',
      ownerOrganisationId: step?.ownerOrganisationId ?? '',
      category: step?.category ?? 'other',
      anchorPhase: step?.anchorPhase ?? 'report_due',
      offsetAmount: String(step?.offsetAmount ?? 0),
      offsetUnit: step?.offsetUnit ?? 'months',
    },
    {
      action: (v) => {
        const body = {
          ...v,
          descriptionNl: v.descriptionNl.trim() || null,
          descriptionEn: v.descriptionEn.trim() || null,
          ownerOrganisationId: v.ownerKind === 'organisation' ? v.ownerOrganisationId || null : null,
          offsetAmount: Number(v.offsetAmount),
        } as z.input<typeof StepCreate>;
        return step
          ? api<Template>('PATCH', `/api/process-steps/${step.id}`, { ...body, version: step.version })
          : api<Template>('POST', `/api/process-templates/${props.template.id}/steps`, body);
      },
      success: step ? t.process.stepSaved : t.process.stepAdded,
      onSuccess: (tpl, message) => {
        props.onSaved(tpl);
        props.onClose(message);
      },
    },
  );
  const choices = <K extends string>(keys: readonly K[], labels: Record<string, string>) =>
    keys.map((k) => ({ value: k, label: labels[k] ?? k }));
  return (
    <FormPanel
      title={step ? t.process.editStep : t.process.addStep}
      headingLevel={3}
      submit={form}
      submitLabel={t.common.save}
      onCancel={props.onClose}
    >
      <TextField label={t.process.titleNl} {...form.field('titleNl')} required />
      <TextField label={t.process.titleEn} {...form.field('titleEn')} required />
      <TextAreaField label={t.process.descriptionNl} {...form.field('descriptionNl')} rows={2} />
      <TextAreaField label={t.process.descriptionEn} {...form.field('descriptionEn')} rows={2} />
      <SelectField
        label={t.process.ownerKind}
        {...form.field('ownerKind')}
        options={choices(OwnerKind.options, t.process.ownerKinds)}
      />
      {form.values.ownerKind === 'organisation' && (
        <SelectField
          label={t.process.ownerOrganisation}
          hint={t.process.ownerOrganisationHint}
          {...form.field('ownerOrganisationId')}
          required
          options={organisations}
        />
      )}
      <SelectField
        label={t.process.category}
        {...form.field('category')}
        options={choices(STEP_CATEGORIES, t.process.categories)}
      />
      <SelectField
        label={t.process.anchorPhase}
        {...form.field('anchorPhase')}
        options={PHASE_KINDS.map((k) => ({ value: k, label: phase(k) }))}
      />
      <TextField
        label={t.process.offsetAmount}
        hint={t.process.offsetAmountHint}
        type="number"
        {...form.field('offsetAmount')}
        required
      />
      <SelectField
        label={t.process.offsetUnit}
        {...form.field('offsetUnit')}
        options={choices(OffsetUnit.options, t.process.units)}
      />
    </FormPanel>
  );
}
