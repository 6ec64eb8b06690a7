import { useEffect, type ReactNode } from 'react';
import { createLink } from '@tanstack/react-router';
import {
  Button,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Link as UtrechtLink,
} from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.tsx';

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

/** One fact of a DataList: its label and value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/**
 * A button whose visible text ("Bewerken") is completed for screen readers by what it acts on
 * ("Bewerken Olga Observer"): the accessible name starts with the visible text (WCAG 2.5.3).
 */
export function ActionButton(props: { text: string; subject: string; onClick(): void; disabled?: boolean }) {
  return (
    <Button appearance="subtle-button" type="button" onClick={props.onClick} disabled={props.disabled}>
      {props.text}
      <span className="rd-visually-hidden"> {props.subject}</span>
    </Button>
  );
}
