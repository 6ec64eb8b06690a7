import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  Heading,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Cycle, DerivedPhase } from '../../src/cycles/schema.ts';
import type { Instrument } from '../../src/instruments/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, ApiError } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ActionButton, ErrorAlert, TableScroll, TextField, Unverified } from '../components/ui.tsx';

/**
 * The deadlines the rules derive for a cycle (never stored), with the rule that produced each; a
 * coordinator of the instrument's lead or coordinating organisation, or an administrator, overrides
 * a date with a reason, and removes the override again.
 */
export function DerivedDeadlines({
  cycle,
  instrument,
}: {
  cycle: Cycle;
  instrument?: Instrument | undefined;
}) {
  const { t, date, phase } = useI18n();
  const me = useMe().data;
  const [editing, setEditing] = useState<DerivedPhase['kind'] | null>(null);
  if (cycle.derivedPhases.length === 0) return null;
  const canEdit = Boolean(
    me &&
    (me.role === 'admin' ||
      (me.role === 'coordinator' &&
        me.organisationId !== null &&
        instrument &&
        (instrument.lead?.id === me.organisationId || instrument.coordinating?.id === me.organisationId))),
  );
  const captionId = `derived-${cycle.id}-caption`;
  const current = cycle.derivedPhases.find((d) => d.kind === editing);
  return (
    <>
      <TableScroll labelledBy={captionId}>
        <Table className="rd-table" data-testid="derived-deadlines">
          <TableCaption id={captionId}>
            {fmt(t.overrides.derivedCaption, { label: cycle.label })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.overrides.kind}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.overrides.date}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.overrides.rule}</TableHeaderCell>
              {canEdit && <TableHeaderCell scope="col">{t.overrides.override}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {cycle.derivedPhases.map((d) => (
              <TableRow key={d.kind} data-kind={d.kind}>
                <TableHeaderCell scope="row">{phase(d.kind)}</TableHeaderCell>
                <TableCell>
                  {date(d.date, d.datePrecision)} <span className="rd-marker">{t.deadlines.derived}</span>
                  {d.override && (
                    <span className="rd-subtle" data-testid="override-note">
                      {fmt(t.overrides.overrideBy, {
                        date: date(d.override.date),
                        by: d.override.createdByName ?? t.common.none,
                        reason: d.override.reason,
                      })}{' '}
                      ({t.overrides.derivedDate}: {date(d.derivedDate, 'day')})
                    </span>
                  )}
                </TableCell>
                <TableCell>
                  {d.rule} <Unverified />
                </TableCell>
                {canEdit && (
                  <TableCell>
                    <ActionButton
                      text={t.overrides.edit}
                      subject={`${phase(d.kind)} ${cycle.label}`}
                      onClick={() => setEditing(d.kind)}
                    />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
      {canEdit && current && (
        <OverrideForm key={current.kind} cycle={cycle} deadline={current} onDone={() => setEditing(null)} />
      )}
    </>
  );
}

function OverrideForm({ cycle, deadline, onDone }: { cycle: Cycle; deadline: DerivedPhase; onDone(): void }) {
  const { t, phase } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [dateValue, setDate] = useState(deadline.override?.date ?? deadline.date);
  const [reason, setReason] = useState(deadline.override?.reason ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `override-${cycle.id}-${deadline.kind}`;

  const done = async (message: string) => {
    await qc.invalidateQueries({ queryKey: ['cycles'] });
    await qc.invalidateQueries({ queryKey: ['overview'] });
    announce(message);
    onDone();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!dateValue) errs.date = t.overrides.dateRequired;
    if (!reason.trim()) errs.reason = t.overrides.reasonRequired;
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/cycles/${cycle.id}/overrides`, {
        kind: deadline.kind,
        date: dateValue,
        reason: reason.trim(),
        ...(deadline.override ? { version: deadline.override.version } : {}),
      });
      await done(t.overrides.saved);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('DELETE', `/api/cycles/${cycle.id}/overrides/${deadline.kind}`);
      await done(t.overrides.removed);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="rd-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={headingId}
      noValidate
      data-testid="override-form"
    >
      <Heading level={4} id={headingId}>
        {fmt(t.overrides.overrideTitle, { kind: `${phase(deadline.kind)} (${cycle.label})` })}
      </Heading>
      {error !== null && <ErrorAlert error={error} />}
      <TextField
        label={t.overrides.newDate}
        name="date"
        type="date"
        value={dateValue}
        onChange={setDate}
        error={errors.date}
        required
      />
      <TextField
        label={t.overrides.reason}
        name="reason"
        value={reason}
        onChange={setReason}
        hint={t.overrides.reasonHint}
        error={errors.reason}
        required
      />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={busy}>
          {t.overrides.save}
        </Button>
        {deadline.override && (
          <Button
            appearance="secondary-action-button"
            type="button"
            disabled={busy}
            onClick={() => void remove()}
          >
            {t.overrides.remove}
          </Button>
        )}
        <Button appearance="subtle-button" type="button" onClick={onDone}>
          {t.common.cancel}
        </Button>
      </ButtonGroup>
    </form>
  );
}
