import { useId } from 'react';
import {
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
} from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/index.tsx';
import type { Option } from './fields.tsx';

/** Several choices among a list: checkboxes in a fieldset whose legend is the question. */
export function CheckboxGroup(props: {
  legend: string;
  name: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  options: Option[];
  chosen: string[];
  onChange(chosen: string[]): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ');
  const toggle = (value: string, on: boolean) =>
    props.onChange(on ? [...props.chosen, value] : props.chosen.filter((v) => v !== value));
  return (
    <Fieldset
      invalid={Boolean(props.error)}
      aria-describedby={describedBy || undefined}
      data-testid={`field-${props.name}`}
    >
      <FieldsetLegend>
        {props.legend}
        {props.required && <span className="rd-required"> {t.common.required}</span>}
      </FieldsetLegend>
      {props.hint && <FormFieldDescription id={hintId}>{props.hint}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={errorId}>{props.error}</FormFieldErrorMessage>}
      {props.options.map((o, i) => (
        <div key={o.value} className="utrecht-form-field utrecht-form-field--checkbox rd-field">
          <div className="utrecht-form-field__input">
            <input
              id={`${id}-${i}`}
              className="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              name={props.name}
              value={o.value}
              checked={props.chosen.includes(o.value)}
              aria-invalid={props.error ? true : undefined}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
          </div>
          <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
            <FormLabel htmlFor={`${id}-${i}`} type="checkbox">
              {o.label}
            </FormLabel>
          </div>
        </div>
      ))}
    </Fieldset>
  );
}
