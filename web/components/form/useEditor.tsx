import { useState, type ReactNode } from 'react';
import { SuccessNotice } from '../feedback.tsx';

/**
 * A form that opens in a page (to create, or to edit the item chosen) and closes when done: what is
 * being edited, and after a save the success message, shown where the form was.
 */
export function useEditor<T>() {
  const [value, setValue] = useState<T | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return {
    value,
    open(v: T) {
      setMessage(null);
      setValue(v);
    },
    /** Closes the form; with the message of a save, shows it (and moves the focus to it). */
    close(done?: string | null) {
      setValue(null);
      setMessage(done ?? null);
    },
    notice: (message ? <SuccessNotice message={message} focus /> : null) as ReactNode,
  };
}
