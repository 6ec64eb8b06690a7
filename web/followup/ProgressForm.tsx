import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import {
  PROGRESS_FILE_LIMITS,
  ProgressStatus,
  type ProgressCreate,
  type ProgressUpdate,
} from '../../src/followup/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import {
  DateField,
  FileField,
  documentAccept,
  FormPanel,
  SelectField,
  TextAreaField,
  useForm,
  type FieldErrors,
} from '../components/form/index.ts';
import { createProgress, editProgress, uploadProgressFiles, type ProgressSubject } from './api.ts';
import '../i18n/followup-texts.ts';

const linesOf = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The file types the server accepts. */
const ACCEPT = documentAccept(PROGRESS_FILE_LIMITS.extensions);

/**
 * Writing a progress update as a draft, or changing one's own draft: the status, what was done, the
 * period it covers, links to the evidence (one a line) and files as evidence, uploaded once the
 * draft is saved. When the files are refused, the draft stays saved: the form then changes it, and
 * saving again uploads the files chosen.
 */
export function ProgressForm(props: {
  subject: ProgressSubject;
  /** The draft being changed; none for a new one. */
  update: ProgressUpdate | null;
  onDone(message: string | null): void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  /** The draft as saved by this form (a new one is changed, not written again, after refused files). */
  const saved = useRef<ProgressUpdate | null>(props.update);
  const [filesFailed, setFilesFailed] = useState(false);
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
      validate: (v): FieldErrors => {
        const errors: FieldErrors = v.text.trim() ? {} : { text: t.followUp.textRequired };
        const big = files.find((f) => f.size > PROGRESS_FILE_LIMITS.maxFileBytes);
        if (big) errors.files = fmt(t.followUp.fileTooLarge, { name: big.name });
        return errors;
      },
      action: async (v) => {
        const body: ProgressCreate = {
          status: v.status as ProgressCreate['status'],
          text: v.text.trim(),
          periodStart: v.periodStart || null,
          periodEnd: v.periodEnd || null,
          evidenceLinks: linesOf(v.evidenceLinks),
        };
        const known = saved.current;
        const update = await (known
          ? editProgress(known.id, { ...body, version: known.version })
          : createProgress(props.subject, body));
        saved.current = update;
        setFilesFailed(false);
        if (files.length === 0) return 0;
        try {
          await uploadProgressFiles(update.id, files);
        } catch (err) {
          setFilesFailed(true);
          await qc.invalidateQueries({ queryKey: ['followup'] });
          throw err;
        }
        setFiles([]);
        if (fileInput.current) fileInput.current.value = '';
        return files.length;
      },
      success: (n) => (n > 0 ? fmt(t.followUp.filesSaved, { count: n }) : t.followUp.draftSaved),
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
      title={u || filesFailed ? t.followUp.editProgress : t.followUp.newProgress}
      headingLevel={3}
      panel
      focusOnMount
      submit={form}
      submitLabel={t.followUp.saveDraft}
      onCancel={() => props.onDone(null)}
      testId="progress-form"
      showSuccess={false}
      errorTitle={filesFailed ? t.followUp.filesNotSaved : undefined}
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
      <FileField
        label={t.followUp.files}
        hint={t.followUp.filesHint}
        name="files"
        error={form.fieldErrors.files}
        accept={ACCEPT}
        multiple
        inputRef={fileInput}
        onChange={setFiles}
      />
    </FormPanel>
  );
}
