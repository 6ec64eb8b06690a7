import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type {
  StateReportContribution,
  StateReportRequest,
} from '../../src/state-report/contributions-schema.ts';
import { useI18n } from '../i18n/index.tsx';
import {
  FileField,
  FormPanel,
  TextAreaField,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import {
  requestKey,
  saveContribution,
  stateReportsKey,
  submitContribution,
  uploadContributionDocx,
} from './api.ts';
import { LiveWords } from './SectionEditor.tsx';

const DOCX = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The contribution of the user's organisation to a request: the text with its word count as one
 * types, saved as a draft; or a .docx read in as the draft; then submitted (a text changed since the
 * last save is saved first). Every save shows that it is busy, then its outcome.
 */
export function ContributionEditor(props: { r: StateReportRequest; onSubmitted(message: string): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [saved, setSaved] = useState<StateReportContribution | null>(props.r.contribution);
  const [text, setText] = useState(props.r.contribution?.text ?? '');
  const [file, setFile] = useState<File | null>(null);
  const requestId = props.r.id;
  /** The request as saved: its contribution becomes the base of the next save; the page shows its state. */
  const keep = (r: StateReportRequest) => {
    const c = r.contribution!;
    setSaved(c);
    setText(c.text);
    qc.setQueryData(requestKey(requestId), r);
  };
  const save = () => saveContribution(requestId, { text, version: saved?.version });
  const draft = useSubmit({
    action: save,
    success: t.stateReport.draftSaved,
    onSuccess: keep,
  });
  const upload = useSubmit({
    validate: (): FieldErrors => (file ? {} : { file: t.stateReport.uploadRequired }),
    action: () => uploadContributionDocx(requestId, file!),
    success: t.stateReport.uploaded,
    onSuccess: keep,
  });
  const submit = useSubmit({
    action: async () => {
      const current = !saved || saved.text !== text ? (await save()).contribution! : saved;
      return submitContribution(requestId, current.version);
    },
    onSuccess: async (r) => {
      props.onSubmitted(r.contribution?.late ? t.stateReport.submittedLate : t.stateReport.submitted);
      await qc.invalidateQueries({ queryKey: stateReportsKey });
    },
  });
  return (
    <>
      <FormPanel
        title={t.stateReport.contributionTitle}
        submit={draft}
        submitLabel={t.stateReport.saveDraft}
        testId="contribution-editor"
        successTestId="contribution-draft-saved"
      >
        {props.r.overdue && (
          <Alert type="warning">
            <Paragraph>{t.stateReport.overdueNote}</Paragraph>
          </Alert>
        )}
        <TextAreaField
          label={t.stateReport.contributionText}
          hint={t.stateReport.textHint}
          name="text"
          rows={14}
          value={text}
          onChange={setText}
          error={draft.fieldErrors.text}
        />
        <LiveWords text={text} testId="contribution-live-words" />
      </FormPanel>
      <FormPanel
        title={t.stateReport.uploadTitle}
        submit={upload}
        submitLabel={t.stateReport.uploadSubmit}
        narrow
        testId="contribution-upload"
        successTestId="contribution-uploaded"
      >
        <FileField
          label={t.stateReport.uploadFile}
          name="file"
          required
          accept={DOCX}
          error={upload.fieldErrors.file}
          onChange={(files) => {
            setFile(files[0] ?? null);
            upload.reset();
          }}
        />
      </FormPanel>
      <FormPanel
        title={t.stateReport.submitTitle}
        intro={<Paragraph>{t.stateReport.submitIntro}</Paragraph>}
        submit={submit}
        submitLabel={t.stateReport.submitContribution}
        submitDisabled={text.trim() === ''}
        testId="contribution-submit"
      >
        {null}
      </FormPanel>
    </>
  );
}
