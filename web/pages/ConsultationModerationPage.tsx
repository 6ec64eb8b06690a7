import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Consultation, PublicConsultation, Submission } from '../../src/consultations/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, ApiError, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import {
  AppLink,
  CheckboxField,
  ErrorAlert,
  Loading,
  LoginRequired,
  PageTitle,
  SelectField,
  useDocumentTitle,
} from '../components/ui.tsx';
import { ConsultationForm, consultationTitle, TextAreaField } from './ConsultationsPage.tsx';
import { fileSize } from './ConsultationPage.tsx';
import { formatAmsterdam } from './ConsultationTime.ts';

export function ConsultationModerationPage() {
  const { id } = useParams({ from: '/consultations/$id/moderation' });
  const { t, lang } = useI18n();
  const me = useMe();
  const consultation = useQuery({
    queryKey: ['consultation', id],
    queryFn: () => api<PublicConsultation>('GET', `/api/consultations/${encodeURIComponent(id)}`),
    enabled: Boolean(me.data),
  });
  const c = consultation.data;
  const submissions = useQuery({
    queryKey: ['consultation-submissions', id],
    queryFn: () =>
      api<Page<Submission>>('GET', `/api/consultations/${id}/submissions${qs({ pageSize: 500 })}`),
    enabled: Boolean(c?.mayEdit),
  });
  useDocumentTitle(t.consultations.moderationTitle);
  const [editing, setEditing] = useState(false);

  if (me.isPending) return <Loading />;
  if (!me.data)
    return (
      <>
        <PageTitle>{t.consultations.moderationTitle}</PageTitle>
        <LoginRequired redirect={`/consultations/${id}/moderation`} />
      </>
    );

  return (
    <>
      <Paragraph>
        <AppLink to="/consultations/$id" params={{ id }}>
          {t.consultations.publicPage}
        </AppLink>
      </Paragraph>
      <PageTitle>
        {t.consultations.moderationTitle}
        {c && <span className="rd-title-sub">{consultationTitle(c, lang)}</span>}
      </PageTitle>
      {consultation.isPending && <Loading />}
      {consultation.isError && <ErrorAlert error={consultation.error} />}
      {c && !c.mayEdit && (
        <Alert type="warning">
          <Paragraph>{t.consultations.mayNotModerate}</Paragraph>
        </Alert>
      )}
      {c?.mayEdit && (
        <>
          <Paragraph appearance="lead">{t.consultations.moderationIntro}</Paragraph>
          {editing ? (
            <ConsultationForm consultation={c} onDone={() => setEditing(false)} />
          ) : (
            <Paragraph>
              <Button appearance="secondary-action-button" type="button" onClick={() => setEditing(true)}>
                {t.consultations.editButton}
              </Button>
            </Paragraph>
          )}
          <section aria-labelledby="submissions-heading">
            <Heading level={2} id="submissions-heading">
              {t.consultations.submissions} ({submissions.data?.total ?? c.submissionCount})
            </Heading>
            {submissions.isPending && <Loading />}
            {submissions.isError && (
              <ErrorAlert error={submissions.error} onRetry={() => void submissions.refetch()} />
            )}
            {submissions.data?.items.length === 0 && <Paragraph>{t.consultations.noSubmissions}</Paragraph>}
            {submissions.data?.items.map((s) => (
              <SubmissionReview key={`${s.id}-${s.version}`} s={s} />
            ))}
          </section>
          <SummaryForm key={c.version} c={c} />
        </>
      )}
    </>
  );
}

function SubmissionReview({ s }: { s: Submission }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [status, setStatus] = useState<string>(s.status);
  const [rejectionReason, setRejectionReason] = useState(s.rejectionReason ?? '');
  const [published, setPublished] = useState(s.published);
  const [usageNote, setUsageNote] = useState(s.usageNote ?? '');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const locale = t.meta.locale;
  const headingId = `submission-${s.id}`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (status === 'rejected' && !rejectionReason.trim()) {
      setFieldErrors({ rejectionReason: t.consultations.rejectionRequired });
      announce(t.common.fieldErrorsIntro);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await api<Submission>('PATCH', `/api/consultation-submissions/${s.id}`, {
        version: s.version,
        status,
        rejectionReason: status === 'rejected' ? rejectionReason.trim() : null,
        published: status === 'accepted' && s.consentToPublish ? published : false,
        usageNote: usageNote.trim() || null,
      });
      announce(fmt(t.consultations.submissionSaved, { name: s.organisationName }));
      await qc.invalidateQueries({ queryKey: ['consultation-submissions', s.consultationId] });
      await qc.invalidateQueries({ queryKey: ['consultation', s.consultationId] });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="rd-panel" aria-labelledby={headingId} data-testid="submission">
      <Heading level={3} id={headingId}>
        {s.organisationName}
      </Heading>
      <Paragraph className="rd-subtle">
        {t.consultations.submittedAt}: {formatAmsterdam(s.submittedAt, locale)} · {t.consultations.contact}:{' '}
        {s.contactName} (
        <a className="utrecht-link utrecht-link--html-a" href={`mailto:${s.contactEmail}`}>
          {s.contactEmail}
        </a>
        ) · {t.consultations.consent}: {s.consentToPublish ? t.common.yes : t.common.no}
      </Paragraph>
      <Paragraph className="rd-prewrap">{s.body}</Paragraph>
      {s.attachments.length > 0 && (
        <ul aria-label={`${t.consultations.attachments} ${s.organisationName}`}>
          {s.attachments.map((a) => (
            <li key={a.id}>
              <a className="utrecht-link utrecht-link--html-a" href={`/api/consultation-attachments/${a.id}`}>
                {a.fileName}
              </a>{' '}
              ({fileSize(a.sizeBytes)}, sha256 <code>{a.sha256.slice(0, 12)}…</code>)
            </li>
          ))}
        </ul>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <form
        className="rd-form"
        onSubmit={onSubmit}
        noValidate
        aria-label={`${t.consultations.submissionStatus} ${s.organisationName}`}
      >
        <SelectField
          label={t.consultations.submissionStatus}
          name="status"
          value={status}
          onChange={setStatus}
          options={(['received', 'accepted', 'rejected'] as const).map((v) => ({
            value: v,
            label: t.consultations.submissionStatuses[v] ?? v,
          }))}
        />
        {status === 'rejected' && (
          <TextAreaField
            label={t.consultations.rejectionReason}
            name="rejectionReason"
            value={rejectionReason}
            onChange={setRejectionReason}
            error={fieldErrors.rejectionReason}
            rows={2}
            required
          />
        )}
        {status === 'accepted' && s.consentToPublish && (
          <CheckboxField
            label={t.consultations.publish}
            name="published"
            checked={published}
            onChange={setPublished}
          />
        )}
        {status === 'accepted' && !s.consentToPublish && (
          <Paragraph className="rd-subtle">{t.consultations.publishNoConsent}</Paragraph>
        )}
        <TextAreaField
          label={t.consultations.usageNote}
          name="usageNote"
          value={usageNote}
          onChange={setUsageNote}
          error={fieldErrors.usageNote}
          rows={3}
        />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {t.consultations.saveSubmission}
          <span className="rd-visually-hidden"> {s.organisationName}</span>
        </Button>
      </form>
    </article>
  );
}

function SummaryForm({ c }: { c: PublicConsultation }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [summary, setSummary] = useState(c.usageSummary ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api<Consultation>('PATCH', `/api/consultations/${c.id}`, {
        version: c.version,
        usageSummary: summary.trim() || null,
      });
      announce(t.consultations.summarySaved);
      await qc.invalidateQueries({ queryKey: ['consultation', c.id] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="summary-heading" className="rd-panel">
      <Heading level={2} id="summary-heading">
        {t.consultations.summaryTitle}
      </Heading>
      {error !== null && <ErrorAlert error={error} />}
      <form className="rd-form" onSubmit={onSubmit} noValidate aria-labelledby="summary-heading">
        <TextAreaField
          label={t.consultations.usageSummary}
          name="usageSummary"
          value={summary}
          onChange={setSummary}
          rows={5}
        />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {t.consultations.saveSummary}
        </Button>
      </form>
    </section>
  );
}
