import { useEffect, useId, type ChangeEvent, type ReactNode, type Ref } from 'react';
import { createLink } from '@tanstack/react-router';
import {
  Alert,
  Button,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Link as UtrechtLink,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import type { Me } from '../../src/auth/schema.ts';

/** A router link with the NL Design System link style. */
export const AppLink = createLink(UtrechtLink);

/** Sets document.title for the page. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} | Rightsdesk` : 'Rightsdesk';
  }, [title]);
}

/** The page's only h1. Focusable so that focus can be moved to it after navigation. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Heading level={1} tabIndex={-1} id="page-title" className="rd-page-title">
      {children}
    </Heading>
  );
}

/** Marks a fact that has not been checked against its source: text, not only colour. */
export function Unverified() {
  const { t } = useI18n();
  return <span className="rd-marker rd-marker--unverified">{t.common.unverified}</span>;
}

export function Overdue() {
  const { t } = useI18n();
  return <span className="rd-marker rd-marker--overdue">{t.common.overdue}</span>;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <Paragraph className="rd-loading" aria-busy="true">
      {t.app.loading}
    </Paragraph>
  );
}

/** Explains a failed request in the user's language where we know the situation, else the API's detail. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, problem } = useI18n();
  let text: string;
  if (error instanceof ApiError) {
    if (error.status === 0) text = t.common.networkError;
    else if (error.isStale) text = t.common.staleEdit;
    else text = problem(error.code, error.message, error.retryAfter);
  } else {
    text = error instanceof Error ? error.message : String(error);
  }
  const stale = error instanceof ApiError && error.isStale;
  return (
    <Alert type="error">
      <Heading level={2} appearance="utrecht-heading-4">
        {t.common.errorTitle}
      </Heading>
      <Paragraph>{text}</Paragraph>
      {stale && (
        <Button appearance="secondary-action-button" type="button" onClick={() => window.location.reload()}>
          {t.common.reload}
        </Button>
      )}
      {!stale && onRetry && (
        <Button appearance="secondary-action-button" type="button" onClick={onRetry}>
          {t.common.retry}
        </Button>
      )}
    </Alert>
  );
}

export function NoAccess() {
  const { t } = useI18n();
  return (
    <Alert type="warning">
      <Heading level={2} appearance="utrecht-heading-4">
        {t.common.noAccessTitle}
      </Heading>
      <Paragraph>{t.common.noAccess}</Paragraph>
    </Alert>
  );
}

/**
 * A page for signed-in users: its title, then the content once the user is known, or the
 * invitation to log in (and come back to `redirect`).
 */
export function SignedInPage(props: { title: string; redirect: string; children: (me: Me) => ReactNode }) {
  useDocumentTitle(props.title);
  const me = useMe();
  return (
    <>
      <PageTitle>{props.title}</PageTitle>
      {me.isPending && <Loading />}
      {me.isSuccess && !me.data && <LoginRequired redirect={props.redirect} />}
      {me.data && props.children(me.data)}
    </>
  );
}

export function LoginRequired({ redirect }: { redirect: string }) {
  const { t } = useI18n();
  return (
    <Alert type="info">
      <Paragraph>{t.common.loginRequired}</Paragraph>
      <Paragraph>
        <AppLink to="/login" search={{ redirect }}>
          {t.app.login}
        </AppLink>
      </Paragraph>
    </Alert>
  );
}

interface FieldBase {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}

function describedBy(hintId: string, errorId: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? hintId : '', error ? errorId : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A labelled text input with its hint and error message tied to it (aria-describedby). */
export function TextField(
  props: FieldBase & {
    value: string;
    onChange(value: string): void;
    type?: string;
    autoComplete?: string;
    inputRef?: Ref<HTMLInputElement>;
  },
) {
  const { t } = useI18n();
  const id = useId();
  const inputId = `${id}-input`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <FormField invalid={Boolean(props.error)} className="rd-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={inputId}>
          {props.label}
          {props.required && <span className="rd-required"> {t.common.required}</span>}
        </FormLabel>
      </div>
      {props.hint && <FormFieldDescription id={hintId}>{props.hint}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={errorId}>{props.error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Textbox
          id={inputId}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(e.target.value)}
          invalid={Boolean(props.error)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(hintId, errorId, props.hint, props.error)}
          required={props.required}
          autoComplete={props.autoComplete}
          ref={props.inputRef}
        />
      </div>
    </FormField>
  );
}

export function SelectField(
  props: FieldBase & {
    value: string;
    onChange(value: string): void;
    options: { value: string; label: string }[];
  },
) {
  const { t } = useI18n();
  const id = useId();
  const inputId = `${id}-input`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <FormField invalid={Boolean(props.error)} className="rd-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={inputId}>
          {props.label}
          {props.required && <span className="rd-required"> {t.common.required}</span>}
        </FormLabel>
      </div>
      {props.hint && <FormFieldDescription id={hintId}>{props.hint}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={errorId}>{props.error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Select
          id={inputId}
          name={props.name}
          value={props.value}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => props.onChange(e.target.value)}
          invalid={Boolean(props.error)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(hintId, errorId, props.hint, props.error)}
          required={props.required}
        >
          {props.options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}

export function CheckboxField(props: {
  label: string;
  name: string;
  checked: boolean;
  onChange(v: boolean): void;
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

/** Previous/next paging with a textual position. */
export function Pager(props: { page: number; pageSize: number; total: number; onPage(page: number): void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <nav className="rd-pager" aria-label={t.common.pagination}>
      <Button
        appearance="secondary-action-button"
        type="button"
        disabled={props.page <= 1}
        onClick={() => props.onPage(props.page - 1)}
      >
        {t.common.previous}
      </Button>
      <Paragraph className="rd-pager__status">
        {fmt(t.common.pageOf, { page: props.page, pages, total: props.total })}
      </Paragraph>
      <Button
        appearance="secondary-action-button"
        type="button"
        disabled={props.page >= pages}
        onClick={() => props.onPage(props.page + 1)}
      >
        {t.common.next}
      </Button>
    </nav>
  );
}

/** A horizontally scrollable table container, reachable by keyboard (scrollable-region-focusable). */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="rd-table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/**
 * A button whose visible text ("Bewerken") is completed for screen readers by what it acts on
 * ("Bewerken Olga Observer"): the accessible name starts with the visible text (WCAG 2.5.3).
 */
export function ActionButton({ text, subject, onClick }: { text: string; subject: string; onClick(): void }) {
  return (
    <Button appearance="subtle-button" type="button" onClick={onClick}>
      {text}
      <span className="rd-visually-hidden"> {subject}</span>
    </Button>
  );
}
