import { useFields, type Fields, type Values } from './useFields.ts';
import { useSubmit, type FieldErrors, type Submit, type SubmitOptions } from './useSubmit.ts';

export interface Form<V extends Values> extends Submit, Omit<Fields<V>, 'field'> {
  /** Props for a text, select or date field, with the error the checks or the API gave it. */
  field<K extends Parameters<Fields<V>['field']>[0]>(
    key: K,
  ): ReturnType<Fields<V>['field']> & { name: K; error: string | undefined };
}

/**
 * A form's values and its submit in one: `form.field('code')` gives a field everything it needs;
 * `validate` and `action` receive the current values.
 */
export function useForm<V extends Values, T>(
  initial: V | (() => V),
  options: Omit<SubmitOptions<T, void>, 'validate' | 'action'> & {
    validate?: (values: V) => FieldErrors;
    action: (values: V) => Promise<T>;
  },
): Form<V> {
  const fields = useFields(initial);
  const { validate, action } = options;
  const submit = useSubmit<T>({
    ...options,
    validate: validate && (() => validate(fields.values)),
    action: () => action(fields.values),
  });
  return {
    ...submit,
    ...fields,
    field: (key) => ({ ...fields.field(key), name: key, error: submit.fieldErrors[key] }),
  };
}
