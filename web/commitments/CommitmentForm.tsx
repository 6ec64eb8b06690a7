import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Commitment } from '../../src/commitments/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { useOrganisationOptions } from '../lib/organisations.ts';
import { useErrorText } from '../components/feedback.tsx';
import {
  DateField,
  FormPanel,
  SelectField,
  TextAreaField,
  TextField,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { commitmentKey, createCommitment, updateCommitment } from './api.ts';
import { RecommendationPicker, type PickedRecommendation } from './RecommendationPicker.tsx';
import { COMMITMENT_KINDS, type CommitmentKind } from './values.ts';
import './texts.ts';

type Values = {
  kind: CommitmentKind;
  text: string;
  citation: string;
  organisationId: string;
  madeOn: string;
  dueOn: string;
};

const valuesOf = (c: Commitment | null, organisationId = ''): Values => ({
  kind: c?.kind ?? 'toezegging',
  text: c?.text ?? '',
  citation: c?.citation ?? '',
  organisationId: c?.organisation.id ?? organisationId,
  madeOn: c?.madeOn ?? '',
  dueOn: c?.dueOn ?? '',
});

/** Registering a commitment or changing its details; a citation that does not parse is refused at its field. */
export function CommitmentForm(props: {
  commitment: Commitment | null;
  organisationId?: string | undefined;
  onDone(message: string | null, saved: Commitment | null): void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const c = props.commitment;
  const options = useOrganisationOptions(t.commitments.chooseOrganisation);
  const fields = useFields<Values>(() => valuesOf(c, props.organisationId));
  // The recommendations of a new commitment; an existing one's are linked on its page.
  const [picked, setPicked] = useState<PickedRecommendation[]>([]);

  const validate = (v: Values): FieldErrors => {
    const e: FieldErrors = {};
    if (!v.text.trim()) e.text = t.commitments.textRequired;
    if (!v.organisationId) e.organisationId = t.commitments.organisationRequired;
    if ((v.kind === 'motie' || v.kind === 'toezegging') && !v.citation.trim() && !c?.tkNumber)
      e.citation = t.commitments.citationRequired;
    return e;
  };
  const submit = useSubmit<Commitment>({
    validate: () => validate(fields.values),
    action: () => {
      const v = fields.values;
      const body = {
        kind: v.kind,
        text: v.text.trim(),
        citation: v.citation.trim() || null,
        organisationId: v.organisationId,
        madeOn: v.madeOn || null,
        dueOn: v.dueOn || null,
      };
      return c
        ? updateCommitment(c.id, { ...body, version: c.version })
        : createCommitment({ ...body, recommendationIds: picked.map((r) => r.id) });
    },
    success: c ? t.commitments.saved : t.commitments.created,
    onSuccess: async (r, message) => {
      qc.setQueryData(commitmentKey(r.id), r);
      await qc.invalidateQueries({ queryKey: ['commitments'] });
      props.onDone(message, r);
    },
  });
  // The reason a citation is refused, in the user's language (the field error of the API is English).
  const citationError =
    submit.error instanceof ApiError && submit.error.is('citation_invalid')
      ? errorText(submit.error)
      : submit.fieldErrors.citation;
  return (
    <FormPanel
      title={c ? t.commitments.edit : t.commitments.newCommitment}
      headingLevel={2}
      panel
      focusOnMount
      submit={submit}
      submitLabel={c ? t.common.save : t.commitments.createSubmit}
      onCancel={() => props.onDone(null, null)}
      testId="commitment-form"
      showSuccess={false}
    >
      <SelectField
        label={t.commitments.kind}
        options={COMMITMENT_KINDS.map((k) => ({ value: k, label: t.commitments.kinds[k] }))}
        {...fields.field('kind')}
        error={submit.fieldErrors.kind}
        required
      />
      <TextAreaField
        label={t.commitments.text}
        {...fields.field('text')}
        error={submit.fieldErrors.text}
        rows={4}
        required
      />
      <TextField
        label={t.commitments.citation}
        hint={t.commitments.citationHint}
        {...fields.field('citation')}
        error={citationError}
      />
      <SelectField
        label={t.commitments.organisation}
        options={options}
        {...fields.field('organisationId')}
        error={submit.fieldErrors.organisationId}
        required
      />
      <div className="rd-fu-period">
        <DateField
          label={t.commitments.madeOn}
          {...fields.field('madeOn')}
          error={submit.fieldErrors.madeOn}
        />
        <DateField label={t.commitments.dueOn} {...fields.field('dueOn')} error={submit.fieldErrors.dueOn} />
      </div>
      {!c && (
        <RecommendationPicker
          picked={picked}
          onPick={(r) => setPicked((old) => (old.some((x) => x.id === r.id) ? old : [...old, r]))}
          onRemove={(r) => setPicked((old) => old.filter((x) => x.id !== r.id))}
        />
      )}
    </FormPanel>
  );
}
