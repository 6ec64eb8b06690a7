import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { fmt, useI18n } from '../i18n/index.tsx';
import { FileField, FormPanel, useSubmit, type FieldErrors } from '../components/form/index.ts';
import { importTweedeKamer } from './api.ts';
import './texts.ts';

/** The import of a file of the Tweede Kamer's open data: OData JSON or SyncFeed XML. */
export function ImportPanel() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const submit = useSubmit({
    validate: (): FieldErrors => (file ? {} : { file: t.commitments.importFileRequired }),
    action: () => importTweedeKamer(file!),
    success: (r) =>
      fmt(t.commitments.imported, {
        created: r.created,
        updated: r.updated,
        unchanged: r.unchanged,
        open: r.openCommitments,
        confirm: r.organisationToConfirm,
        skipped: r.skipped.length,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['commitments'] }),
  });
  return (
    <FormPanel
      title={t.commitments.importTitle}
      headingLevel={2}
      intro={<Paragraph>{t.commitments.importIntro}</Paragraph>}
      submit={submit}
      submitLabel={t.commitments.importSubmit}
      testId="commitments-import"
      successTestId="commitments-imported"
    >
      <FileField
        label={t.commitments.importFile}
        name="file"
        accept=".json,.xml,application/json,application/xml,text/xml"
        error={submit.fieldErrors.file}
        onChange={(files) => setFile(files[0] ?? null)}
      />
    </FormPanel>
  );
}
