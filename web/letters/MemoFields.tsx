import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import type { MemoFields as Fields, MemoPurpose } from '../../src/letters/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { DateField, RadioField, TextAreaField, TextField } from '../components/form/index.ts';

/** The lines of a field such as "Kopie aan": one per line, empty lines left out. */
export const linesOf = (v: string): string[] =>
  v
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const optionalLines = (v: string) => (linesOf(v).length > 0 ? linesOf(v) : undefined);
const lines = (l: readonly string[] | undefined) => (l ?? []).join('\n');

/** The memo's fixed fields and purpose as the form holds them: text, a line per name. */
export type MemoFieldValues = {
  to: string;
  from: string;
  via: string;
  copyTo: string;
  consultedWith: string;
  date: string;
  reference: string;
  draftedBy: string;
  deadlineDate: string;
  deadlineNote: string;
  purpose: string;
};
type Key = keyof MemoFieldValues;
interface FieldProps {
  name: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}

/** The form's values of a memo's fields (empty for a new memo, dated today). */
export function memoFieldValues(f?: Fields, purpose: MemoPurpose = 'decision'): MemoFieldValues {
  return {
    to: lines(f?.to),
    from: lines(f?.from),
    via: lines(f?.via),
    copyTo: lines(f?.copyTo),
    consultedWith: lines(f?.consultedWith),
    date: f?.date ?? new Date().toISOString().slice(0, 10),
    reference: f?.reference ?? '',
    draftedBy: lines(f?.draftedBy),
    deadlineDate: f?.deadline?.date ?? '',
    deadlineNote: f?.deadline?.note ?? '',
    purpose,
  };
}

/** The fields and purpose as the API takes them; the server checks what is required. */
export function memoFieldsOf(v: MemoFieldValues): { fields: Fields; purpose: MemoPurpose } {
  return {
    fields: {
      to: linesOf(v.to),
      from: linesOf(v.from),
      via: optionalLines(v.via),
      copyTo: optionalLines(v.copyTo),
      consultedWith: optionalLines(v.consultedWith),
      date: v.date,
      reference: v.reference.trim() || undefined,
      draftedBy: optionalLines(v.draftedBy),
      deadline: v.deadlineDate
        ? { date: v.deadlineDate, note: v.deadlineNote.trim() || undefined }
        : undefined,
    },
    purpose: v.purpose === 'information' ? 'information' : 'decision',
  };
}

/** The inputs of the fixed fields (Aan … Plandatum/Deadline) and of TER BESLISSING / TER INFORMATIE. */
export function MemoFieldInputs({ field }: { field(key: Key): FieldProps }) {
  const { t } = useI18n();
  const m = t.letters.memo;
  return (
    <>
      <Fieldset>
        <FieldsetLegend>{m.fieldsLegend}</FieldsetLegend>
        <TextAreaField label={m.to} hint={m.linesHint} rows={2} {...field('to')} required />
        <TextAreaField label={m.from} hint={m.linesHint} rows={2} {...field('from')} required />
        <TextAreaField label={m.via} rows={2} {...field('via')} />
        <TextAreaField label={m.copyTo} rows={2} {...field('copyTo')} />
        <TextAreaField label={m.consultedWith} rows={2} {...field('consultedWith')} />
        <DateField label={m.date} {...field('date')} required />
        <TextField label={m.reference} {...field('reference')} />
        <TextAreaField label={m.draftedBy} rows={2} {...field('draftedBy')} />
        <DateField label={m.deadline} {...field('deadlineDate')} />
        <TextField label={m.deadlineNote} hint={m.deadlineNoteHint} {...field('deadlineNote')} />
      </Fieldset>
      <RadioField
        label={m.purpose}
        {...field('purpose')}
        options={[
          { value: 'decision', label: m.decision },
          { value: 'information', label: m.information },
        ]}
        required
      />
    </>
  );
}
