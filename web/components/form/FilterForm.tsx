import type { FormEvent, ReactNode } from 'react';
import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/index.tsx';
import type { Fields, Values } from './useFields.ts';

/**
 * A search or filter form: its fields in a row, "filter" and (with `resettable`) "clear", which
 * empties the fields and applies that. The values usually go into the URL, so that a filtered list
 * can be bookmarked.
 */
export function FilterForm<V extends Values>(props: {
  fields: Fields<V>;
  onApply(values: V): void;
  resettable?: boolean;
  /** The legend of the fieldset, which names the search landmark too. */
  legend?: string;
  intro?: ReactNode;
  submitLabel?: string;
  /** Another button after the others (e.g. cancel). */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    props.onApply(props.fields.values);
  };
  const body = (
    <>
      {props.intro}
      <div className="rd-filters__row">{props.children}</div>
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit">
          {props.submitLabel ?? t.common.filter}
        </Button>
        {props.resettable && (
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => props.onApply(props.fields.clear())}
          >
            {t.common.reset}
          </Button>
        )}
        {props.actions}
      </ButtonGroup>
    </>
  );
  return (
    <form
      className={`rd-form rd-filters ${props.className ?? ''}`.trim()}
      onSubmit={onSubmit}
      role="search"
      aria-label={props.legend}
    >
      {props.legend ? (
        <Fieldset>
          <FieldsetLegend>{props.legend}</FieldsetLegend>
          {body}
        </Fieldset>
      ) : (
        body
      )}
    </form>
  );
}
