import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { ApiError } from '../../lib/api.ts';
import { useAnnounce } from '../announcer.tsx';

/** Messages per field, keyed by the field's name (as the API's problem names it). */
export type FieldErrors = Record<string, string>;

export interface SubmitOptions<T, A> {
  /** Checks before anything is sent: a message per wrong field stops the submit. */
  validate?: () => FieldErrors;
  /** The request. `A` is what the trigger passes (a status chosen, a button's mode); void for a form. */
  action: (arg: A) => Promise<T>;
  /** What to tell the user when it worked: announced, and shown where the form shows feedback. */
  success?: string | ((result: T, arg: A) => string);
  /** After the success: refresh queries, close the form, navigate; receives the message told. */
  onSuccess?: (result: T, message: string | null, arg: A) => unknown;
}

/** The state of one submit or action: busy, its error and field errors, and the success message. */
export interface Submit<A = void> {
  busy: boolean;
  /** The failed request (null when none): an ApiError, or any other error. */
  error: unknown;
  fieldErrors: FieldErrors;
  success: string | null;
  /** Counts the failed attempts, so that the feedback can take the focus after each. */
  failures: number;
  /** Counts the successes, so that the same message twice is shown (and focused) anew. */
  successes: number;
  run(arg: A): Promise<void>;
  /** The form's onSubmit. */
  onSubmit(e: FormEvent): void;
  reset(): void;
}

/** What a form shows of a submit (everything but `run`, whatever its argument). */
export type SubmitState = Omit<Submit<never>, 'run'>;

/**
 * One way to send what the user did: the checks, the request, the busy state, the error (with the
 * API's field errors tied to the fields) and the success, announced and kept for display.
 */
export function useSubmit<T, A = void>(options: SubmitOptions<T, A>): Submit<A> {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [success, setSuccess] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const [successes, setSuccesses] = useState(0);

  const reset = () => {
    setError(null);
    setFieldErrors({});
    setSuccess(null);
  };

  const run = async (arg: A) => {
    reset();
    const invalid = options.validate?.() ?? {};
    if (Object.keys(invalid).length > 0) {
      setFieldErrors(invalid);
      setFailures((n) => n + 1);
      announce(t.common.fieldErrorsIntro);
      return;
    }
    setBusy(true);
    try {
      const result = await options.action(arg);
      const told = typeof options.success === 'function' ? options.success(result, arg) : options.success;
      const message = told ?? null;
      if (message) {
        announce(message);
        setSuccess(message);
        setSuccesses((n) => n + 1);
      }
      await options.onSuccess?.(result, message, arg);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
      setFailures((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    error,
    fieldErrors,
    success,
    failures,
    successes,
    run,
    onSubmit(e) {
      e.preventDefault();
      void run(undefined as A);
    },
    reset,
  };
}
