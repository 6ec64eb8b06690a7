import { useId, type ChangeEvent, type FocusEvent, type ReactNode, type Ref } from 'react';
import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/index.tsx';

interface FieldBase {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
  /** The input's id, where something else refers to it; otherwise one is made. */
  id?: string;
}

/** What an input needs to be tied to its label, hint and error. */
interface InputA11y {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  invalid: boolean;
  required: boolean | undefined;
}

function RequiredMark({ required }: { required?: boolean | undefined }) {
  const { t } = useI18n();
  return required ? <span className="rd-required"> {t.common.required}</span> : null;
}

/** The label, hint and error of a field around its input, tied together with aria-describedby. */
function Field({ props, children }: { props: FieldBase; children(a11y: InputA11y): ReactNode }) {
  const made = useId();
  const id = props.id ?? `${made}-input`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <FormField invalid={Boolean(props.error)} className="rd-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          {props.label}
          <RequiredMark required={props.required} />
        </FormLabel>
      </div>
      {props.hint && <FormFieldDescription id={hintId}>{props.hint}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={errorId}>{props.error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        {children({
          id,
          'aria-describedby': describedBy || undefined,
          'aria-invalid': props.error ? true : undefined,
          invalid: Boolean(props.error),
          required: props.required,
        })}
      </div>
    </FormField>
  );
}

/** A labelled text input (also date, number, e-mail, password, search). */
export function TextField(
  props: FieldBase & {
    value: string;
    onChange(value: string): void;
    type?: string;
    autoComplete?: string;
    inputRef?: Ref<HTMLInputElement>;
    readOnly?: boolean;
    onFocus?(e: FocusEvent<HTMLInputElement>): void;
    testId?: string;
  },
) {
  return (
    <Field props={props}>
      {(a11y) => (
        <Textbox
          {...a11y}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(e.target.value)}
          autoComplete={props.autoComplete}
          readOnly={props.readOnly}
          onFocus={props.onFocus}
          ref={props.inputRef}
          data-testid={props.testId}
        />
      )}
    </Field>
  );
}

/** A calendar date, entered as YYYY-MM-DD by the browser's date picker. */
export function DateField(props: FieldBase & { value: string; onChange(value: string): void }) {
  return <TextField {...props} type="date" />;
}

export function TextAreaField(
  props: FieldBase & { value: string; onChange(value: string): void; rows?: number },
) {
  return (
    <Field props={props}>
      {(a11y) => (
        <Textarea
          {...a11y}
          name={props.name}
          rows={props.rows ?? 4}
          value={props.value}
          onChange={(e: ChangeEvent<HTMLTextAreaElement>) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: FieldBase & { value: string; onChange(value: string): void; options: Option[] },
) {
  return (
    <Field props={props}>
      {(a11y) => (
        <Select
          {...a11y}
          name={props.name}
          value={props.value}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => props.onChange(e.target.value)}
        >
          {props.options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      )}
    </Field>
  );
}

/**
 * The `accept` of a file input for the documents the server takes as attachments (PDF, Word,
 * OpenDocument, text): the extensions given, and the media types browsers know them by.
 */
export const documentAccept = (extensions: readonly string[]) =>
  [
    ...extensions.map((e) => `.${e}`),
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text',
    'text/plain',
  ].join(',');

/** A file input (one file, or several with `multiple`). */
export function FileField(
  props: FieldBase & {
    accept: string;
    multiple?: boolean;
    inputRef?: Ref<HTMLInputElement>;
    onChange(files: File[]): void;
  },
) {
  return (
    <Field props={props}>
      {({ invalid: _invalid, ...a11y }) => (
        <input
          {...a11y}
          ref={props.inputRef}
          type="file"
          name={props.name}
          className="utrecht-textbox utrecht-textbox--html-input"
          accept={props.accept}
          multiple={props.multiple}
          onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(Array.from(e.target.files ?? []))}
        />
      )}
    </Field>
  );
}

export function CheckboxField(props: {
  label: string;
  name: string;
  checked: boolean;
  onChange(value: boolean): void;
}) {
  const id = useId();
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox rd-field">
      <div className="utrecht-form-field__input">
        <input
          id={id}
          className="utrecht-checkbox utrecht-checkbox--html-input"
          type="checkbox"
          name={props.name}
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
        />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={id} type="checkbox">
          {props.label}
        </FormLabel>
      </div>
    </div>
  );
}

/** A choice of one among a few, as radio buttons in a fieldset whose legend is the question. */
export function RadioField(
  props: Omit<FieldBase, 'id'> & { value: string; onChange(value: string): void; options: Option[] },
) {
  const id = useId();
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <Fieldset invalid={Boolean(props.error)} aria-describedby={describedBy || undefined}>
      <FieldsetLegend>
        {props.label}
        <RequiredMark required={props.required} />
      </FieldsetLegend>
      {props.hint && <FormFieldDescription id={`${id}-hint`}>{props.hint}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={`${id}-error`}>{props.error}</FormFieldErrorMessage>}
      {props.options.map((o) => (
        <div key={o.value} className="utrecht-form-field utrecht-form-field--radio rd-field">
          <div className="utrecht-form-field__input">
            <RadioButton
              id={`${id}-${o.value}`}
              name={props.name}
              value={o.value}
              checked={props.value === o.value}
              onChange={() => props.onChange(o.value)}
            />
          </div>
          <div className="utrecht-form-field__label utrecht-form-field__label--radio">
            <FormLabel htmlFor={`${id}-${o.value}`} type="radio">
              {o.label}
            </FormLabel>
          </div>
        </div>
      ))}
    </Fieldset>
  );
}
