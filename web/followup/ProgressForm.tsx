import { useQueryClient } from '@tanstack/react-query';
import { ProgressStatus, type ProgressCreate, type ProgressUpdate } from '../../src/followup/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import {
  DateField,
  FormPanel,
  SelectField,
  TextAreaField,
  useForm,
  type FieldErrors,
} from '../components/form/index.ts';
import { createClusterProgress } from '../clusters/api.ts';
import { createProgress, editProgress } from './api.ts';
import '../i18n/followup-texts.ts';

/** What a progress update is written on: a recommendation, or a cluster (it counts for each member). */
export interface ProgressSubject {
  kind: 'recommendation' | 'cluster';
  id: string;
}

const linesOf = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Writing a progress update as a draft, or changing one's own draft: the status, what was done, the
 * period it covers and links to the evidence (one a line).
 */
export function ProgressForm(props: {
  subject: ProgressSubject;
  /** The draft being changed; none for a new one. */
  update: ProgressUpdate | null;
  onDone(message: string | null): void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const u = props.update;
  const form = useForm(
    {
      status: u?.status ?? 'in_progress',
      text: u?.text ?? '',
      periodStart: u?.periodStart ?? '',
      periodEnd: u?.periodEnd ?? '',
      evidenceLinks: u?.evidenceLinks.join('\n') ?? '',
    },
    {
      validate: (v): FieldErrors => (v.text.trim() ? {} : { text: t.followUp.textRequired }),
      action: (v) => {
        const body: ProgressCreate = {
          status: v.status as ProgressCreate['status'],
          text: v.text.trim(),
          periodStart: v.periodStart || null,
          periodEnd: v.periodEnd || null,
          evidenceLinks: linesOf(v.evidenceLinks),
        };
        return u
          ? editProgress(u.id, { ...body, version: u.version })
          : props.subject.kind === 'cluster'
            ? createClusterProgress(props.subject.id, body)
            : createProgress(props.subject.id, body);
      },
      success: t.followUp.draftSaved,
      onSuccess: async (_r, message) => {
        await qc.invalidateQueries({ queryKey: ['followup'] });
        props.onDone(message);
      },
    },
  );
  // The API names a wrong link by its place in the list ("evidenceLinks.1"): shown at the links field.
  const evidenceError =
    form.fieldErrors.evidenceLinks ?? Object.entries(form.fieldErrors).find(([k]) => /^\d+$/.test(k))?.[1];
  return (
    <FormPanel
      title={u ? t.followUp.editProgress : t.followUp.newProgress}
      headingLevel={3}
      panel
      focusOnMount
      submit={form}
      submitLabel={t.followUp.saveDraft}
      onCancel={() => props.onDone(null)}
      testId="progress-form"
      showSuccess={false}
    >
      <SelectField
        label={t.followUp.status}
        options={ProgressStatus.options.map((s) => ({ value: s, label: t.followUp.statuses[s] ?? s }))}
        {...form.field('status')}
        required
      />
      <TextAreaField label={t.followUp.text} {...form.field('text')} required rows={5} />
      <div className="rd-fu-period">
        <DateField label={t.followUp.periodStart} {...form.field('periodStart')} />
        <DateField label={t.followUp.periodEnd} {...form.field('periodEnd')} />
      </div>
      <TextAreaField
        label={t.followUp.evidence}
        hint={t.followUp.evidenceHint}
        {...form.field('evidenceLinks')}
        error={evidenceError}
        rows={3}
      />
    </FormPanel>
  );
}
