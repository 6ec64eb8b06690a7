import { useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textarea,
} from '@utrecht/component-library-react';
import type { Mentionable } from '../../src/comments/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useMentionable } from './api.ts';
import '../i18n/followup-texts.ts';

/** The mention being typed just before the caret: "@" and what follows it, up to the caret. */
const TYPING = /(?:^|[^\w.+@-])@([^\s@]{0,60})$/;

/**
 * A textarea that offers the users to mention after "@": a listbox under it (combobox pattern,
 * aria-activedescendant), the arrows move through it, Enter or a click inserts "@address", Escape
 * closes it.
 */
export function MentionTextarea(props: {
  label: string;
  name: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  testId?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const listId = `${id}-mentions`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const users = useMentionable(query);
  const options = query !== null ? (users.data ?? []) : [];
  const open = query !== null && options.length > 0;

  const track = (text: string, caret: number) => {
    const typed = TYPING.exec(text.slice(0, caret));
    setQuery(typed ? typed[1]! : null);
    setActive(0);
  };

  const pick = (u: Mentionable) => {
    const el = ref.current;
    const caret = el?.selectionStart ?? props.value.length;
    const before = props.value.slice(0, caret).replace(/@[^\s@]*$/, `@${u.email} `);
    const next = before + props.value.slice(caret);
    props.onChange(next);
    setQuery(null);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(before.length, before.length);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(options[Math.min(active, options.length - 1)]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setQuery(null);
    }
  };

  const describedBy = [hintId, props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <FormField invalid={Boolean(props.error)} className="rd-field rd-mention-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{props.label}</FormLabel>
      </div>
      <FormFieldDescription id={hintId}>{t.comments.mentionHint}</FormFieldDescription>
      {props.error && <FormFieldErrorMessage id={errorId}>{props.error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input rd-mention-input">
        <Textarea
          id={id}
          ref={ref}
          name={props.name}
          rows={4}
          value={props.value}
          invalid={Boolean(props.error)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          data-testid={props.testId}
          onChange={(e: ChangeEvent<HTMLTextAreaElement>) => {
            props.onChange(e.target.value);
            track(e.target.value, e.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setQuery(null)}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t.comments.mentionList}
          className="rd-mention-list"
          hidden={!open}
          data-testid="mention-options"
        >
          {options.map((u, i) => (
            <li
              key={u.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'rd-mention-option rd-mention-option--active' : 'rd-mention-option'}
              // mousedown, not click: the textarea keeps the focus (its blur would close the list first).
              onMouseDown={(e) => {
                e.preventDefault();
                pick(u);
              }}
            >
              {u.name}
              {u.organisationCode && <span className="rd-subtle"> ({u.organisationCode})</span>}
              <span className="rd-subtle"> {u.email}</span>
            </li>
          ))}
        </ul>
        <span className="rd-visually-hidden" aria-live="polite">
          {open ? fmt(t.comments.mentionCount, { count: options.length }) : ''}
        </span>
      </div>
    </FormField>
  );
}
