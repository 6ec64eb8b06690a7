import { useId, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { SUBMISSION_LIMITS, type PublicConsultation } from '../../src/consultations/schema.ts';
import type { Problem } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, ApiError } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { AppLink, ErrorAlert, Loading, PageTitle, TextField, useDocumentTitle } from '../components/ui.tsx';
import { consultationTitle, StatusMarker, TextAreaField } from './ConsultationsPage.tsx';
import { ConsultationErrorAlert } from './ConsultationError.tsx';
import { formatAmsterdam } from './ConsultationTime.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

export const fileSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;

export function ConsultationPage() {
  const { id } = useParams({ from: '/consultations/$id' });
  const { t, lang } = useI18n();
  const consultation = useQuery({
    queryKey: ['consultation', id],
    queryFn: () => api<PublicConsultation>('GET', `/api/consultations/${encodeURIComponent(id)}`),
  });
  const c = consultation.data;
  useDocumentTitle(c ? consultationTitle(c, lang) : t.consultations.title);
  const locale = t.meta.locale;
  const description = c
    ? lang === 'en'
      ? c.descriptionEn || c.descriptionNl
      : c.descriptionNl || c.descriptionEn
    : '';

  return (
    <>
      <Paragraph>
        <AppLink to="/consultations">{t.consultations.back}</AppLink>
      </Paragraph>
      <PageTitle>{c ? consultationTitle(c, lang) : t.consultations.title}</PageTitle>
      {consultation.isPending && <Loading />}
      {consultation.isError &&
        (consultation.error instanceof ApiError && consultation.error.status === 404 ? (
          <Paragraph>{t.consultations.notFound}</Paragraph>
        ) : (
          <ErrorAlert error={consultation.error} onRetry={() => void consultation.refetch()} />
        ))}
      {c && (
        <>
          <section aria-labelledby="consultation-facts">
            <Heading level={2} id="consultation-facts">
              {t.consultations.facts}
            </Heading>
            <DataList className="rd-facts">
              <Fact label={t.consultations.instrument}>
                <AppLink to="/instruments/$id" params={{ id: c.instrumentId }}>
                  {c.instrumentShortName}
                </AppLink>
              </Fact>
              <Fact label={t.consultations.cycle}>{c.cycleLabel}</Fact>
              <Fact label={t.consultations.opensAt}>{formatAmsterdam(c.opensAt, locale)}</Fact>
              <Fact label={t.consultations.closesAt}>{formatAmsterdam(c.closesAt, locale)}</Fact>
              <Fact label={t.consultations.status}>
                <StatusMarker status={c.status} />
              </Fact>
            </DataList>
            <Paragraph className="rd-subtle">{t.consultations.timeZoneNote}</Paragraph>
            {c.mayEdit && (
              <Paragraph>
                <AppLink to="/consultations/$id/moderation" params={{ id: c.id }}>
                  {t.consultations.moderate} ({c.submissionCount})
                </AppLink>
              </Paragraph>
            )}
          </section>
          {description && (
            <section aria-labelledby="consultation-description">
              <Heading level={2} id="consultation-description">
                {t.consultations.description}
              </Heading>
              {description.split(/\n{2,}/).map((p, i) => (
                <Paragraph key={i} className="rd-prewrap">
                  {p}
                </Paragraph>
              ))}
            </section>
          )}
          <section aria-labelledby="submission-form-heading">
            <Heading level={2} id="submission-form-heading">
              {t.consultations.formTitle}
            </Heading>
            {c.status === 'planned' && (
              <Paragraph>
                {fmt(t.consultations.notOpenYet, { date: formatAmsterdam(c.opensAt, locale) })}
              </Paragraph>
            )}
            {c.status === 'closed' && (
              <Paragraph>
                {fmt(t.consultations.closedText, { date: formatAmsterdam(c.closesAt, locale) })}
              </Paragraph>
            )}
            {c.status === 'open' && <SubmissionForm consultationId={c.id} />}
          </section>
          {c.usageSummary && (
            <section aria-labelledby="usage-summary">
              <Heading level={2} id="usage-summary">
                {t.consultations.usageSummary}
              </Heading>
              <Paragraph className="rd-prewrap">{c.usageSummary}</Paragraph>
            </section>
          )}
          <section aria-labelledby="published-heading">
            <Heading level={2} id="published-heading">
              {t.consultations.published}
            </Heading>
            {c.published.length === 0 && <Paragraph>{t.consultations.noPublished}</Paragraph>}
            {c.published.map((s) => (
              <article
                key={s.id}
                className="rd-panel"
                aria-labelledby={`pub-${s.id}`}
                data-testid="published"
              >
                <Heading level={3} id={`pub-${s.id}`}>
                  {s.organisationName}
                </Heading>
                <Paragraph className="rd-subtle">{formatAmsterdam(s.submittedAt, locale)}</Paragraph>
                <Paragraph className="rd-prewrap">{s.body}</Paragraph>
                {s.attachments.length > 0 && (
                  <ul aria-label={t.consultations.attachments}>
                    {s.attachments.map((a) => (
                      <li key={a.id}>
                        <a
                          className="utrecht-link utrecht-link--html-a"
                          href={`/api/consultation-attachments/${a.id}`}
                        >
                          {a.fileName}
                        </a>{' '}
                        ({fileSize(a.sizeBytes)})
                      </li>
                    ))}
                  </ul>
                )}
                {s.usageNote && (
                  <>
                    <Heading level={4}>{t.consultations.usedHow}</Heading>
                    <Paragraph className="rd-prewrap">{s.usageNote}</Paragraph>
                  </>
                )}
              </article>
            ))}
          </section>
        </>
      )}
    </>
  );
}

interface Receipt {
  id: string;
  submittedAt: string;
  attachments: { fileName: string }[];
}

/** Posts the form as multipart/form-data (files included); the same error handling as api(). */
async function postSubmission(
  consultationId: string,
  form: FormData,
  csrf: string | undefined,
): Promise<Receipt> {
  let res: Response;
  try {
    res = await fetch(`/api/consultations/${encodeURIComponent(consultationId)}/submissions`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    });
  } catch {
    throw new ApiError(0, null, 'network error');
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = new ApiError(
      res.status,
      (data as Problem | undefined) ?? null,
      `${res.status} ${res.statusText}`,
    );
    const retry = Number(res.headers.get('retry-after'));
    if (Number.isFinite(retry) && retry > 0) err.retryAfter = retry;
    throw err;
  }
  return data as Receipt;
}

function SubmissionForm({ consultationId }: { consultationId: string }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const announce = useAnnounce();
  const fileId = useId();
  const consentId = useId();
  const token = useQuery({
    queryKey: ['consultation-form-token', consultationId],
    queryFn: () => api<{ token: string }>('GET', `/api/consultations/${consultationId}/form-token`),
    staleTime: 60 * 60_000,
  });
  const [organisationName, setOrganisationName] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [body, setBody] = useState('');
  const [consent, setConsent] = useState<'' | 'yes' | 'no'>('');
  const [website, setWebsite] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const locale = t.meta.locale;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const errors: Record<string, string> = {};
    const required = t.consultations.fieldRequired;
    if (!organisationName.trim()) errors.organisationName = required;
    if (!contactName.trim()) errors.contactName = required;
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contactEmail.trim())) errors.contactEmail = required;
    if (!body.trim()) errors.body = required;
    if (!consent) errors.consentToPublish = t.consultations.consentRequired;
    if (files.length > SUBMISSION_LIMITS.maxFiles) errors.files = t.consultations.tooManyFiles;
    const big = files.find((f) => f.size > SUBMISSION_LIMITS.maxFileBytes);
    if (big) errors.files = fmt(t.consultations.fileTooLarge, { name: big.name });
    setFieldErrors(errors);
    if (Object.keys(errors).length) {
      announce(t.common.fieldErrorsIntro);
      return;
    }
    const form = new FormData();
    form.set('formToken', token.data?.token ?? '');
    form.set('organisationName', organisationName.trim());
    form.set('contactName', contactName.trim());
    form.set('contactEmail', contactEmail.trim());
    form.set('body', body);
    form.set('consentToPublish', consent);
    form.set('website', website);
    for (const f of files) form.append('files', f, f.name);
    setBusy(true);
    announce(t.consultations.submitting);
    try {
      const r = await postSubmission(consultationId, form, me.data?.csrfToken);
      setReceipt(r);
      announce(fmt(t.consultations.thanks, { date: formatAmsterdam(r.submittedAt, locale) }));
      setOrganisationName('');
      setContactName('');
      setContactEmail('');
      setBody('');
      setConsent('');
      setFiles([]);
      if (fileInput.current) fileInput.current.value = '';
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
      if (err instanceof ApiError && err.code === 'form_token') void token.refetch();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {receipt && (
        <Alert type="ok" data-testid="submission-receipt">
          <Paragraph>
            {fmt(t.consultations.thanks, { date: formatAmsterdam(receipt.submittedAt, locale) })}
          </Paragraph>
          {receipt.attachments.length > 0 && (
            <Paragraph>
              {fmt(t.consultations.thanksFiles, {
                files: receipt.attachments.map((a) => a.fileName).join(', '),
              })}
            </Paragraph>
          )}
        </Alert>
      )}
      <Paragraph>{t.consultations.formIntro}</Paragraph>
      {error !== null && <ConsultationErrorAlert error={error} />}
      {token.isError && <ErrorAlert error={token.error} onRetry={() => void token.refetch()} />}
      <form className="rd-form" onSubmit={onSubmit} noValidate aria-labelledby="submission-form-heading">
        <TextField
          label={t.consultations.organisationName}
          name="organisationName"
          value={organisationName}
          onChange={setOrganisationName}
          error={fieldErrors.organisationName}
          autoComplete="organization"
          required
        />
        <TextField
          label={t.consultations.contactName}
          name="contactName"
          value={contactName}
          onChange={setContactName}
          error={fieldErrors.contactName}
          autoComplete="name"
          required
        />
        <TextField
          label={t.consultations.contactEmail}
          name="contactEmail"
          type="email"
          value={contactEmail}
          onChange={setContactEmail}
          error={fieldErrors.contactEmail}
          autoComplete="email"
          required
        />
        <TextAreaField
          label={t.consultations.body}
          name="body"
          value={body}
          onChange={setBody}
          hint={t.consultations.bodyHint}
          error={fieldErrors.body}
          rows={10}
          required
        />
        <FormField invalid={Boolean(fieldErrors.files)} className="rd-field">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor={`${fileId}-input`}>{t.consultations.files}</FormLabel>
          </div>
          <FormFieldDescription id={`${fileId}-hint`}>{t.consultations.filesHint}</FormFieldDescription>
          {fieldErrors.files && (
            <FormFieldErrorMessage id={`${fileId}-error`}>{fieldErrors.files}</FormFieldErrorMessage>
          )}
          <div className="utrecht-form-field__input">
            <input
              ref={fileInput}
              id={`${fileId}-input`}
              name="files"
              type="file"
              multiple
              accept=".pdf,.docx,.odt,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,text/plain"
              aria-describedby={`${fileId}-hint${fieldErrors.files ? ` ${fileId}-error` : ''}`}
              aria-invalid={fieldErrors.files ? true : undefined}
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            />
          </div>
        </FormField>
        <Fieldset
          invalid={Boolean(fieldErrors.consentToPublish)}
          aria-describedby={`${consentId}-hint${fieldErrors.consentToPublish ? ` ${consentId}-error` : ''}`}
        >
          <FieldsetLegend>
            {t.consultations.consentLegend} <span className="rd-required">{t.common.required}</span>
          </FieldsetLegend>
          <FormFieldDescription id={`${consentId}-hint`}>{t.consultations.consentHint}</FormFieldDescription>
          {fieldErrors.consentToPublish && (
            <FormFieldErrorMessage id={`${consentId}-error`}>
              {fieldErrors.consentToPublish}
            </FormFieldErrorMessage>
          )}
          {(['yes', 'no'] as const).map((v) => (
            <div key={v} className="utrecht-form-field utrecht-form-field--radio rd-field">
              <div className="utrecht-form-field__input">
                <RadioButton
                  id={`${consentId}-${v}`}
                  name="consentToPublish"
                  value={v}
                  checked={consent === v}
                  onChange={() => setConsent(v)}
                />
              </div>
              <div className="utrecht-form-field__label utrecht-form-field__label--radio">
                <FormLabel htmlFor={`${consentId}-${v}`} type="radio">
                  {v === 'yes' ? t.consultations.consentYes : t.consultations.consentNo}
                </FormLabel>
              </div>
            </div>
          ))}
        </Fieldset>
        {/* The honeypot: hidden from people and from assistive technology; bots fill it in. */}
        <div className="rd-visually-hidden" aria-hidden="true">
          <label htmlFor={`${consentId}-website`}>{t.consultations.honeypot}</label>
          <input
            id={`${consentId}-website`}
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
          />
        </div>
        <Button
          appearance="primary-action-button"
          type="submit"
          busy={busy}
          disabled={busy || !token.data}
          lang={lang}
        >
          {busy ? t.consultations.submitting : t.consultations.submit}
        </Button>
      </form>
    </>
  );
}
