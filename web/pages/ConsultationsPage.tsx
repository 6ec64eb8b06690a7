import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import {
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from '@utrecht/component-library-react';
import type { Consultation } from '../../src/consultations/schema.ts';
import type { Cycle } from '../../src/cycles/schema.ts';
import type { Instrument } from '../../src/instruments/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, ApiError, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import {
  AppLink,
  ErrorAlert,
  Loading,
  PageTitle,
  SelectField,
  TableScroll,
  TextField,
  useDocumentTitle,
} from '../components/ui.tsx';
import { amsterdamToIso, formatAmsterdam, isoToAmsterdam } from './ConsultationTime.ts';

/** The title in the UI language. */
export const consultationTitle = (c: { titleNl: string; titleEn: string }, lang: string) =>
  lang === 'en' ? c.titleEn || c.titleNl : c.titleNl || c.titleEn;

export function StatusMarker({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <span className={`rd-marker rd-marker--consultation-${status}`}>
      {t.consultations.statuses[status] ?? status}
    </span>
  );
}

/** A labelled multi-line text field with hint and error tied to it. */
export function TextAreaField(props: {
  label: string;
  name: string;
  value: string;
  onChange(v: string): void;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  rows?: number;
}) {
  const { t } = useI18n();
  const id = useId();
  const ids = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <FormField invalid={Boolean(props.error)} className="rd-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={`${id}-input`}>
          {props.label}
          {props.required && <span className="rd-required"> {t.common.required}</span>}
        </FormLabel>
      </div>
      {props.hint && <FormFieldDescription id={`${id}-hint`}>{props.hint}</FormFieldDescription>}
      {props.error && <FormFieldErrorMessage id={`${id}-error`}>{props.error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Textarea
          id={`${id}-input`}
          name={props.name}
          value={props.value}
          rows={props.rows ?? 5}
          onChange={(e: ChangeEvent<HTMLTextAreaElement>) => props.onChange(e.target.value)}
          invalid={Boolean(props.error)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={ids || undefined}
          required={props.required}
        />
      </div>
    </FormField>
  );
}

export function ConsultationsPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t.consultations.title);
  const me = useMe();
  const mayCreate = me.data?.role === 'admin' || me.data?.role === 'coordinator';
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['consultations'],
    queryFn: () => api<Page<Consultation>>('GET', `/api/consultations${qs({ pageSize: 200 })}`),
  });
  const locale = t.meta.locale;

  return (
    <>
      <PageTitle>{t.consultations.title}</PageTitle>
      <Paragraph appearance="lead">{t.consultations.intro}</Paragraph>
      {mayCreate && !creating && (
        <Paragraph>
          <Button appearance="secondary-action-button" type="button" onClick={() => setCreating(true)}>
            {t.consultations.newButton}
          </Button>
        </Paragraph>
      )}
      {mayCreate && creating && <ConsultationForm onDone={() => setCreating(false)} />}
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Paragraph>{t.consultations.none}</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <>
          <Paragraph className="rd-subtle">{t.consultations.timeZoneNote}</Paragraph>
          <TableScroll labelledBy="consultations-caption">
            <Table className="rd-table" data-testid="consultations-table">
              <TableCaption id="consultations-caption">{t.consultations.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.consultations.consultation}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.consultations.instrument}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.consultations.cycle}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.consultations.opensAt}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.consultations.closesAt}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.consultations.status}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.items.map((c) => (
                  <TableRow key={c.id}>
                    <TableHeaderCell scope="row">
                      <AppLink to="/consultations/$id" params={{ id: c.id }}>
                        {consultationTitle(c, lang)}
                      </AppLink>
                    </TableHeaderCell>
                    <TableCell>{c.instrumentShortName}</TableCell>
                    <TableCell>{c.cycleLabel}</TableCell>
                    <TableCell>{formatAmsterdam(c.opensAt, locale)}</TableCell>
                    <TableCell>{formatAmsterdam(c.closesAt, locale)}</TableCell>
                    <TableCell>
                      <StatusMarker status={c.status} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        </>
      )}
    </>
  );
}

/** Creates a consultation round, or edits one (titles, descriptions, dates; the cycle stays). */
export function ConsultationForm({ consultation, onDone }: { consultation?: Consultation; onDone(): void }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const [instrumentId, setInstrumentId] = useState('');
  const [cycleId, setCycleId] = useState('');
  const [titleNl, setTitleNl] = useState(consultation?.titleNl ?? '');
  const [titleEn, setTitleEn] = useState(consultation?.titleEn ?? '');
  const [descriptionNl, setDescriptionNl] = useState(consultation?.descriptionNl ?? '');
  const [descriptionEn, setDescriptionEn] = useState(consultation?.descriptionEn ?? '');
  const [opensAt, setOpensAt] = useState(consultation ? isoToAmsterdam(consultation.opensAt) : '');
  const [closesAt, setClosesAt] = useState(consultation ? isoToAmsterdam(consultation.closesAt) : '');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const instruments = useQuery({
    queryKey: ['instruments', 'all'],
    queryFn: () => api<Page<Instrument>>('GET', `/api/instruments${qs({ pageSize: 500 })}`),
  });
  const cycles = useQuery({
    queryKey: ['cycles', instrumentId],
    queryFn: () => api<Page<Cycle>>('GET', `/api/cycles${qs({ instrumentId, pageSize: 200 })}`),
    enabled: Boolean(instrumentId),
  });
  const editing = consultation !== undefined;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    const required = t.consultations.fieldRequired;
    if (!editing && !cycleId) errors.cycleId = required;
    if (!titleNl.trim()) errors.titleNl = required;
    if (!titleEn.trim()) errors.titleEn = required;
    const opens = amsterdamToIso(opensAt);
    const closes = amsterdamToIso(closesAt);
    if (!opens) errors.opensAt = required;
    if (!closes) errors.closesAt = required;
    if (opens && closes && closes <= opens) errors.closesAt = t.consultations.closesBeforeOpens;
    setFieldErrors(errors);
    setError(null);
    if (Object.keys(errors).length) {
      announce(t.common.fieldErrorsIntro);
      return;
    }
    setBusy(true);
    try {
      const fields = {
        titleNl: titleNl.trim(),
        titleEn: titleEn.trim(),
        descriptionNl,
        descriptionEn,
        opensAt: opens,
        closesAt: closes,
      };
      const saved = consultation
        ? await api<Consultation>('PATCH', `/api/consultations/${consultation.id}`, {
            ...fields,
            version: consultation.version,
          })
        : await api<Consultation>('POST', '/api/consultations', { ...fields, cycleId });
      await qc.invalidateQueries({ queryKey: ['consultations'] });
      await qc.invalidateQueries({ queryKey: ['consultation', saved.id] });
      announce(fmt(editing ? t.consultations.saved : t.consultations.created, { title: saved.titleNl }));
      onDone();
      if (!editing) await navigate({ to: '/consultations/$id', params: { id: saved.id } });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="consultation-form-heading" className="rd-panel">
      <Heading level={2} id="consultation-form-heading" tabIndex={-1} ref={headingRef}>
        {editing ? t.consultations.editTitle : t.consultations.createTitle}
      </Heading>
      {error !== null && <ErrorAlert error={error} />}
      <form className="rd-form" onSubmit={onSubmit} noValidate aria-labelledby="consultation-form-heading">
        {!editing && (
          <>
            <SelectField
              label={t.consultations.instrument}
              name="instrumentId"
              value={instrumentId}
              onChange={(v) => {
                setInstrumentId(v);
                setCycleId('');
              }}
              required
              options={[
                { value: '', label: t.consultations.chooseInstrument },
                ...(instruments.data?.items ?? []).map((i) => ({
                  value: i.id,
                  label: `${i.shortName} — ${name(i)}`,
                })),
              ]}
            />
            <SelectField
              label={t.consultations.cycle}
              name="cycleId"
              value={cycleId}
              onChange={setCycleId}
              error={fieldErrors.cycleId}
              required
              options={[
                { value: '', label: t.consultations.chooseCycle },
                ...(cycles.data?.items ?? [])
                  .slice()
                  .sort((a, b) => b.sequence - a.sequence)
                  .map((c) => ({ value: c.id, label: c.label })),
              ]}
            />
          </>
        )}
        <TextField
          label={t.consultations.titleNl}
          name="titleNl"
          value={titleNl}
          onChange={setTitleNl}
          error={fieldErrors.titleNl}
          required
        />
        <TextField
          label={t.consultations.titleEn}
          name="titleEn"
          value={titleEn}
          onChange={setTitleEn}
          error={fieldErrors.titleEn}
          required
        />
        <TextAreaField
          label={t.consultations.descriptionNl}
          name="descriptionNl"
          value={descriptionNl}
          onChange={setDescriptionNl}
          error={fieldErrors.descriptionNl}
        />
        <TextAreaField
          label={t.consultations.descriptionEn}
          name="descriptionEn"
          value={descriptionEn}
          onChange={setDescriptionEn}
          error={fieldErrors.descriptionEn}
        />
        <TextField
          label={t.consultations.opensAtLabel}
          name="opensAt"
          type="datetime-local"
          value={opensAt}
          onChange={setOpensAt}
          hint={t.consultations.dateTimeHint}
          error={fieldErrors.opensAt}
          required
        />
        <TextField
          label={t.consultations.closesAtLabel}
          name="closesAt"
          type="datetime-local"
          value={closesAt}
          onChange={setClosesAt}
          hint={t.consultations.dateTimeHint}
          error={fieldErrors.closesAt}
          required
        />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
            {editing ? t.common.save : t.consultations.createButton}
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={onDone}>
            {t.common.cancel}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
