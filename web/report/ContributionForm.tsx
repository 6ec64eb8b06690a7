import { useState } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import type { PublicContributionForm } from '../../src/report/contributions-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import {
  CheckboxGroup,
  FormPanel,
  TextAreaField,
  TextField,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { formatAmsterdam } from '../consultations/time.ts';
import type { ContributionFields } from './contributions-api.ts';

type Choice = { code: string | number; labelNl: string; labelEn: string };

const EMPTY = { organisation: '', contactName: '', contactEmail: '', title: '', body: '', website: '' };

/**
 * The fields of a contribution: who sends it, its title and text, its result areas and (with area 1)
 * priorities. Used by the public form (with the honeypot) and by signed-in contributors.
 */
export function ContributionForm(props: {
  form: Pick<PublicContributionForm, 'areas' | 'priorities' | 'limits'>;
  send(fields: ContributionFields): Promise<{ submittedAt: string }>;
  title?: string;
  labelledBy?: string;
  honeypot?: boolean;
  initial?: Partial<typeof EMPTY>;
  onSent?(): void;
  onCancel?(): void;
}) {
  const { t, lang } = useI18n();
  const tf = t.contributionForm;
  const fields = useFields({ ...EMPTY, ...props.initial });
  const [areas, setAreas] = useState<string[]>([]);
  const [priorities, setPriorities] = useState<string[]>([]);
  const label = (c: Choice) => (lang === 'en' ? c.labelEn : c.labelNl);
  const submit = useSubmit({
    validate: () => {
      const v = fields.values;
      const errors: FieldErrors = {};
      for (const key of ['organisation', 'contactName', 'title', 'body'] as const)
        if (!v[key].trim()) errors[key] = tf.required;
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.contactEmail.trim())) errors.contactEmail = tf.emailInvalid;
      if (areas.length === 0) errors.areas = tf.areaRequired;
      if (priorities.length > 0 && !areas.includes('1')) errors.priorities = tf.priorityNeedsArea1;
      return errors;
    },
    action: () =>
      props.send({
        organisation: fields.values.organisation.trim(),
        contactName: fields.values.contactName.trim(),
        contactEmail: fields.values.contactEmail.trim(),
        title: fields.values.title.trim(),
        body: fields.values.body,
        areas: areas.map(Number).sort(),
        priorities,
        ...(props.honeypot ? { website: fields.values.website } : {}),
      }),
    success: (r) => fmt(tf.thanks, { date: formatAmsterdam(r.submittedAt, t.meta.locale) }),
    onSuccess: () => {
      fields.setValues({ ...EMPTY, ...props.initial });
      setAreas([]);
      setPriorities([]);
      props.onSent?.();
    },
  });
  const field = (key: keyof typeof EMPTY) => ({ ...fields.field(key), error: submit.fieldErrors[key] });
  return (
    <FormPanel
      {...(props.title
        ? { title: props.title, headingLevel: 3 as const, panel: true, focusOnMount: true }
        : {})}
      {...(props.labelledBy ? { labelledBy: props.labelledBy } : {})}
      intro={<Paragraph>{tf.intro}</Paragraph>}
      submit={submit}
      submitLabel={submit.busy ? tf.submitting : tf.submit}
      successTestId="contribution-receipt"
      testId="contribution-form"
      {...(props.onCancel ? { onCancel: props.onCancel } : {})}
    >
      <TextField label={tf.organisation} autoComplete="organization" required {...field('organisation')} />
      <TextField label={tf.contactName} autoComplete="name" required {...field('contactName')} />
      <TextField
        label={tf.contactEmail}
        type="email"
        autoComplete="email"
        required
        {...field('contactEmail')}
      />
      <TextField label={tf.title} required {...field('title')} />
      <TextAreaField
        label={tf.body}
        hint={fmt(tf.bodyHint, { max: props.form.limits.body })}
        rows={10}
        required
        {...field('body')}
      />
      <CheckboxGroup
        legend={tf.areasLegend}
        hint={tf.areasHint}
        name="areas"
        required
        error={submit.fieldErrors.areas}
        options={props.form.areas.map((a) => ({
          value: String(a.code),
          label: fmt(t.contributions.areaTitle, { code: a.code, title: label(a) }),
        }))}
        chosen={areas}
        onChange={setAreas}
      />
      <CheckboxGroup
        legend={tf.prioritiesLegend}
        hint={tf.prioritiesHint}
        name="priorities"
        error={submit.fieldErrors.priorities}
        options={props.form.priorities.map((p) => ({ value: p.code, label: label(p) }))}
        chosen={priorities}
        onChange={setPriorities}
      />
      {props.honeypot && (
        // The honeypot: hidden from people and from assistive technology; bots fill it in.
        <div className="rd-visually-hidden" aria-hidden="true">
          <label htmlFor="contribution-website">{tf.honeypot}</label>
          <input
            id="contribution-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={fields.values.website}
            onChange={(e) => fields.set('website', e.target.value)}
          />
        </div>
      )}
    </FormPanel>
  );
}
