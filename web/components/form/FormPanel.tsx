import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorAlert, SuccessNotice } from '../feedback.tsx';
import type { SubmitState } from './useSubmit.ts';

/**
 * What became of the last submit: the error (with the focus, so that it is read and the user starts
 * from there), or "check the marked fields" after the form's own checks, or the success message.
 */
export function FormFeedback({
  submit,
  errorTitle,
  testId,
  successTestId,
  showSuccess = true,
  focusSuccess = false,
}: {
  submit: Pick<SubmitState, 'error' | 'fieldErrors' | 'success' | 'failures' | 'successes'>;
  errorTitle?: string | undefined;
  testId?: string | undefined;
  successTestId?: string | undefined;
  /** False where the caller shows the outcome itself (a report of what was done). */
  showSuccess?: boolean | undefined;
  /**
   * Moves the focus to the success message: for actions whose button goes away once done (a row
   * deleted, a confirmation given), so that the keyboard carries on from the message.
   */
  focusSuccess?: boolean | undefined;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (submit.failures > 0) ref.current?.focus();
  }, [submit.failures]);
  const invalid = Object.keys(submit.fieldErrors).length > 0;
  return (
    <>
      {(submit.error !== null || invalid) && (
        <div ref={ref} tabIndex={-1} className="rd-alert-focus" data-testid={testId} data-feedback="error">
          {submit.error !== null ? (
            <ErrorAlert error={submit.error} title={errorTitle} />
          ) : (
            <Alert type="error">
              <Heading level={2} appearance="utrecht-heading-4">
                {errorTitle ?? t.common.errorTitle}
              </Heading>
              <Paragraph>{t.common.fieldErrorsIntro}</Paragraph>
            </Alert>
          )}
        </div>
      )}
      {showSuccess && submit.success && (
        <SuccessNotice
          key={submit.successes}
          message={submit.success}
          focus={focusSuccess}
          testId={successTestId}
        />
      )}
    </>
  );
}

export interface FormPanelProps {
  /** The heading that names the form; without it, `label` or `labelledBy` names it. */
  title?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  label?: string;
  labelledBy?: string;
  /** Moves the focus to the heading when the form opens (a form opened by a button). */
  focusOnMount?: boolean;
  /** A framed panel (a form that opens within a page). */
  panel?: boolean;
  intro?: ReactNode;
  submit: SubmitState;
  submitLabel: ReactNode;
  /** Shows a cancel button. */
  onCancel?: () => void;
  /** More buttons, between submit and cancel. */
  actions?: ReactNode;
  narrow?: boolean;
  testId?: string;
  /** Keeps the submit button disabled (e.g. until the form has what it needs). */
  submitDisabled?: boolean;
  errorTitle?: string;
  errorTestId?: string;
  successTestId?: string;
  /** False where the caller shows the outcome itself. */
  showSuccess?: boolean;
  children: ReactNode;
}

/**
 * A form with its heading, its feedback (error summary or success), its fields and the row of
 * submit and cancel buttons. Every form of the app is one.
 */
export function FormPanel(props: FormPanelProps) {
  const { t } = useI18n();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusOnMount = props.focusOnMount ?? false;
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  const { submit } = props;
  const form = (
    <>
      <FormFeedback
        submit={submit}
        errorTitle={props.errorTitle}
        testId={props.errorTestId}
        successTestId={props.successTestId}
        showSuccess={props.showSuccess}
      />
      <form
        className={props.narrow ? 'rd-form rd-form--narrow' : 'rd-form'}
        onSubmit={submit.onSubmit}
        noValidate
        aria-labelledby={props.title !== undefined ? headingId : props.labelledBy}
        aria-label={props.title === undefined && !props.labelledBy ? props.label : undefined}
        data-testid={props.title === undefined ? props.testId : undefined}
      >
        {props.children}
        <ButtonGroup>
          <Button
            appearance="primary-action-button"
            type="submit"
            busy={submit.busy}
            disabled={submit.busy || props.submitDisabled}
          >
            {props.submitLabel}
          </Button>
          {props.actions}
          {props.onCancel && (
            <Button appearance="secondary-action-button" type="button" onClick={() => props.onCancel?.()}>
              {t.common.cancel}
            </Button>
          )}
        </ButtonGroup>
      </form>
    </>
  );
  if (props.title === undefined) return form;
  return (
    <section
      aria-labelledby={headingId}
      className={props.panel ? 'rd-panel' : undefined}
      data-testid={props.testId}
    >
      <Heading level={props.headingLevel ?? 2} id={headingId} tabIndex={-1} ref={headingRef}>
        {props.title}
      </Heading>
      {props.intro}
      {form}
    </section>
  );
}
