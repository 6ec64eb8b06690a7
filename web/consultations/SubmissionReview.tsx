import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { z } from 'zod';
import {
  SubmissionStatus,
  submissionReference,
  type Submission,
  type SubmissionModeration,
} from '../../src/consultations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api } from '../lib/api.ts';
import {
  CheckboxField,
  FormPanel,
  SelectField,
  TextAreaField,
  useForm,
  type FieldErrors,
} from '../components/form/index.ts';
import { EraseSubmission } from './EraseSubmission.tsx';
import { AttachmentLink } from './shared.tsx';
import { formatAmsterdam } from './time.ts';

/**
 * One submission with the contact details, and the moderator's decision on it; for an
 * administrator, the erasure on request (onErased shows its message on the page).
 */
export function SubmissionReview({
  s,
  canErase = false,
  onErased = () => undefined,
}: {
  s: Submission;
  canErase?: boolean;
  onErased?: (message: string | null) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const form = useForm(
    {
      status: s.status as string,
      rejectionReason: s.rejectionReason ?? '',
      published: s.published,
      usageNote: s.usageNote ?? '',
    },
    {
      validate: (v): FieldErrors =>
        v.status === 'rejected' && !v.rejectionReason.trim()
          ? { rejectionReason: t.consultations.rejectionRequired }
          : {},
      action: (v) =>
        api<Submission>('PATCH', `/api/consultation-submissions/${s.id}`, {
          version: s.version,
          status: v.status as Submission['status'],
          rejectionReason: v.status === 'rejected' ? v.rejectionReason.trim() : null,
          published: v.status === 'accepted' && s.consentToPublish ? v.published : false,
          usageNote: v.usageNote.trim() || null,
        } satisfies z.input<typeof SubmissionModeration>),
      success: fmt(t.consultations.submissionSaved, { name: s.organisationName }),
      onSuccess: async () => {
        await qc.invalidateQueries({ queryKey: ['consultation-submissions', s.consultationId] });
        await qc.invalidateQueries({ queryKey: ['consultation', s.consultationId] });
      },
    },
  );
  const status = form.values.status;
  const headingId = `submission-${s.id}`;
  return (
    <article className="rd-panel" aria-labelledby={headingId} data-testid="submission">
      <Heading level={3} id={headingId}>
        {s.organisationName}
      </Heading>
      <Paragraph className="rd-subtle">
        {t.consultations.reference}:{' '}
        <span data-testid="submission-reference">{submissionReference(s.id)}</span> ·{' '}
        {t.consultations.submittedAt}: {formatAmsterdam(s.submittedAt, t.meta.locale)} ·{' '}
        {t.consultations.contact}: {s.contactName} (
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
              <AttachmentLink a={a} />
            </li>
          ))}
        </ul>
      )}
      <FormPanel
        label={`${t.consultations.submissionStatus} ${s.organisationName}`}
        submit={form}
        submitLabel={
          <>
            {t.consultations.saveSubmission}
            <span className="rd-visually-hidden"> {s.organisationName}</span>
          </>
        }
      >
        <SelectField
          label={t.consultations.submissionStatus}
          {...form.field('status')}
          options={SubmissionStatus.options.map((v) => ({
            value: v,
            label: t.consultations.submissionStatuses[v] ?? v,
          }))}
        />
        {status === 'rejected' && (
          <TextAreaField
            label={t.consultations.rejectionReason}
            {...form.field('rejectionReason')}
            rows={2}
            required
          />
        )}
        {status === 'accepted' && s.consentToPublish && (
          <CheckboxField label={t.consultations.publish} {...form.checkbox('published')} />
        )}
        {status === 'accepted' && !s.consentToPublish && (
          <Paragraph className="rd-subtle">{t.consultations.publishNoConsent}</Paragraph>
        )}
        <TextAreaField label={t.consultations.usageNote} {...form.field('usageNote')} rows={3} />
      </FormPanel>
      {canErase && <EraseSubmission s={s} onErased={onErased} />}
    </article>
  );
}
