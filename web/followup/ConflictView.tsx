import { useEffect, useId, useRef } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useI18n } from '../i18n/index.tsx';
import { useAnnounce } from '../components/announcer.tsx';
import '../i18n/followup-texts.ts';

/** One field of the two versions: what the user sent and what another user saved meanwhile. */
export interface ConflictRow {
  label: string;
  mine: string;
  theirs: string;
}

/**
 * What a save that came too late shows (409 stale_edit): the user's version beside the one saved by
 * someone else, and the two ways out. The form stays open below it, so that the user may also merge
 * the values by hand; nothing the user typed is lost until they choose to discard it.
 */
export function ConflictView(props: {
  rows: ConflictRow[];
  /** Who saved the other version and when, when known. */
  savedBy?: string | undefined;
  busy: boolean;
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const headingId = useId();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
    announce(t.followUp.conflictHeading);
  }, [announce, t]);
  return (
    <section aria-labelledby={headingId} className="rd-panel rd-conflict" data-testid="conflict-view">
      <Alert type="warning">
        <Heading level={3} id={headingId} tabIndex={-1} ref={ref}>
          {t.followUp.conflictHeading}
        </Heading>
        <Paragraph>{t.followUp.conflictIntro}</Paragraph>
      </Alert>
      {props.savedBy && <Paragraph>{props.savedBy}</Paragraph>}
      <Table className="rd-table rd-conflict__table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.followUp.conflictField}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.followUp.conflictMine}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.followUp.conflictTheirs}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.rows.map((r) => (
            <TableRow key={r.label} className={r.mine === r.theirs ? undefined : 'rd-conflict__differs'}>
              <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
              <TableCell data-testid="conflict-mine" className="rd-prewrap">
                {r.mine || t.common.none}
              </TableCell>
              <TableCell data-testid="conflict-theirs" className="rd-prewrap">
                {r.theirs || t.common.none}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          type="button"
          busy={props.busy}
          disabled={props.busy}
          onClick={props.onKeepMine}
        >
          {t.followUp.keepMine}
        </Button>
        <Button
          appearance="secondary-action-button"
          type="button"
          disabled={props.busy}
          onClick={props.onTakeTheirs}
        >
          {t.followUp.takeTheirs}
        </Button>
      </ButtonGroup>
    </section>
  );
}
