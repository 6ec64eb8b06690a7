import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import type { z } from 'zod';
import { SUBMISSION_LIMITS, type SubmissionReceipt } from '../../src/consultations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, ApiError } from '../lib/api.ts';
import { ErrorAlert } from '../components/feedback.tsx';
import {
  FileField,
  documentAccept,
  FormPanel,
  RadioField,
  TextAreaField,
  TextField,
  useForm,
  type FieldErrors,
} from '../components/form/index.ts';
import { formatAmsterdam } from './time.ts';

/** The file types the server accepts. */
const ACCEPT = documentAccept(SUBMISSION_LIMITS.extensions);

const EMPTY = {
  organisationName: '',
  contactName: '',
  contactEmail: '',
  body: '',
  consentToPublish: '',
  website: '',
};

/**
 * The public form of an open consultation: organisation, contact, input, consent to publish and up
 * to three files, sent as multipart/form-data with the form token the page fetched first.
 */
export function SubmissionForm({
  consultationId,
  labelledBy,
}: {
  consultationId: string;
  labelledBy: string;
}) {
  const { t } = useI18n();
  const locale = t.meta.locale;
  const token = useQuery({
    queryKey: ['consultation-form-token', consultationId],
    queryFn: () => api<{ token: string }>('GET', `/api/consultations/${consultationId}/form-token`),
    staleTime: 60 * 60_000,
  });
  const [files, setFiles] = useState<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useForm(EMPTY, {
    validate: (v) => {
      const errors: FieldErrors = {};
      const required = t.consultations.fieldRequired;
      if (!v.organisationName.trim()) errors.organisationName = required;
      if (!v.contactName.trim()) errors.contactName = required;
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.contactEmail.trim())) errors.contactEmail = required;
      if (!v.body.trim()) errors.body = required;
      if (!v.consentToPublish) errors.consentToPublish = t.consultations.consentRequired;
      if (files.length > SUBMISSION_LIMITS.maxFiles) errors.files = t.consultations.tooManyFiles;
      const big = files.find((f) => f.size > SUBMISSION_LIMITS.maxFileBytes);
      if (big) errors.files = fmt(t.consultations.fileTooLarge, { name: big.name });
      return errors;
    },
    action: async (v) => {
      const data = new FormData();
      const fields: Record<string, string> = {
        formToken: token.data?.token ?? '',
        organisationName: v.organisationName.trim(),
        contactName: v.contactName.trim(),
        contactEmail: v.contactEmail.trim(),
        body: v.body,
        consentToPublish: v.consentToPublish,
        website: v.website,
      };
      for (const [k, value] of Object.entries(fields)) data.set(k, value);
      for (const f of files) data.append('files', f, f.name);
      try {
        return await api<z.infer<typeof SubmissionReceipt>>(
          'POST',
          `/api/consultations/${encodeURIComponent(consultationId)}/submissions`,
          data,
        );
      } catch (err) {
        // An expired form needs a new token before the next attempt.
        if (err instanceof ApiError && err.status === 403) void token.refetch();
        throw err;
      }
    },
    success: (r) =>
      [
        fmt(t.consultations.thanks, { date: formatAmsterdam(r.submittedAt, locale) }),
        fmt(t.consultations.thanksReference, { reference: r.reference }),
        r.emailed && t.consultations.thanksEmailed,
        r.attachments.length > 0 &&
          fmt(t.consultations.thanksFiles, { files: r.attachments.map((a) => a.fileName).join(', ') }),
      ]
        .filter(Boolean)
        .join(' '),
    onSuccess: () => {
      form.setValues(EMPTY);
      setFiles([]);
      if (fileInput.current) fileInput.current.value = '';
    },
  });

  return (
    <>
      <Paragraph>{t.consultations.formIntro}</Paragraph>
      {token.isError && <ErrorAlert error={token.error} onRetry={() => void token.refetch()} />}
      <FormPanel
        labelledBy={labelledBy}
        submit={form}
        submitLabel={form.busy ? t.consultations.submitting : t.consultations.submit}
        submitDisabled={!token.data}
        successTestId="submission-receipt"
      >
        <TextField
          label={t.consultations.organisationName}
          autoComplete="organization"
          {...form.field('organisationName')}
          required
        />
        <TextField
          label={t.consultations.contactName}
          autoComplete="name"
          {...form.field('contactName')}
          required
        />
        <TextField
          label={t.consultations.contactEmail}
          type="email"
          autoComplete="email"
          {...form.field('contactEmail')}
          required
        />
        <TextAreaField
          label={t.consultations.body}
          hint={t.consultations.bodyHint}
          {...form.field('body')}
          rows={10}
          required
        />
        <FileField
          label={t.consultations.files}
          hint={t.consultations.filesHint}
          name="files"
          error={form.fieldErrors.files}
          accept={ACCEPT}
          multiple
          inputRef={fileInput}
          onChange={setFiles}
        />
        <RadioField
          label={t.consultations.consentLegend}
          hint={t.consultations.consentHint}
          {...form.field('consentToPublish')}
          required
          options={[
            { value: 'yes', label: t.consultations.consentYes },
            { value: 'no', label: t.consultations.consentNo },
          ]}
        />
        {/* The honeypot: hidden from people and from assistive technology; bots fill it in. */}
        <div className="rd-visually-hidden" aria-hidden="true">
          <label htmlFor={`${consultationId}-website`}>{t.consultations.honeypot}</label>
          <input
            id={`${consultationId}-website`}
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={form.values.website}
            onChange={(e) => form.set('website', e.target.value)}
          />
        </div>
      </FormPanel>
    </>
  );
}
