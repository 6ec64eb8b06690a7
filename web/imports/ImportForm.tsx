import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { ImportKind, type ImportSummary } from '../../src/recommendations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useAnnounce } from '../components/announcer.tsx';
import { FileField, FormPanel, SelectField, useSubmit, type FieldErrors } from '../components/form/index.ts';
import { ImportOutcome, RowErrors, type Outcome } from './ImportOutcome.tsx';
import { rowErrors, uploadImport, type Progress, type Run } from './upload.ts';

const PREVIEW: Run = { mode: 'preview', validRowsOnly: false };

const ACCEPT: Record<ImportKind, string> = {
  'upr-info': '.csv,text/csv',
  uhri: '.json,.xlsx,application/json',
  spreadsheet: '.xlsx,.csv',
  document: '.txt,.docx,.pdf',
};

/** Choose a file and its kind, see the preview (nothing stored), then import it (or its valid rows). */
export function ImportForm({ mayUpdate }: { mayUpdate: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [kind, setKind] = useState<ImportKind>('upr-info');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const phase = useRef<Progress['phase'] | null>(null);
  const onProgress = (p: Progress) => {
    if (p.phase === 'processing' && phase.current !== 'processing') announce(t.imports.processing);
    phase.current = p.phase;
    setProgress(p);
  };

  const upload = useSubmit({
    validate: (): FieldErrors => (file ? {} : { file: t.imports.fileRequired }),
    action: async (run: Run | undefined) => {
      setOutcome(null);
      try {
        return await uploadImport(kind, file!, run ?? PREVIEW, onProgress);
      } finally {
        phase.current = null;
        setProgress(null);
      }
    },
    success: (s: ImportSummary, run) =>
      (run ?? PREVIEW).mode === 'preview'
        ? fmt(t.imports.previewDone, { rows: s.totalRows, errors: s.errors.length })
        : fmt(t.imports.importDone, { created: s.created, updated: s.updated, unchanged: s.unchanged }),
    onSuccess: async (summary, message, run) => {
      setOutcome({ ...(run ?? PREVIEW), summary, message: message ?? '' });
      if ((run ?? PREVIEW).mode === 'commit') {
        await qc.invalidateQueries({ queryKey: ['recommendations'] });
        await qc.invalidateQueries({ queryKey: ['unmapped-terms'] });
      }
    },
  });
  const clear = () => {
    setOutcome(null);
    upload.reset();
  };
  const refused = rowErrors(upload.error);

  return (
    <>
      <FormPanel
        title={t.imports.formHeading}
        narrow
        submit={upload}
        submitLabel={t.imports.preview}
        showSuccess={false}
      >
        <SelectField
          label={t.imports.kind}
          name="kind"
          value={kind}
          onChange={(v) => {
            setKind(v as ImportKind);
            clear();
          }}
          options={ImportKind.options.map((k) => ({ value: k, label: t.imports.kinds[k] ?? k }))}
        />
        <FileField
          id="import-file"
          label={t.imports.file}
          hint={t.imports.fileHint}
          name="file"
          error={upload.fieldErrors.file}
          accept={ACCEPT[kind]}
          onChange={(files) => {
            setFile(files[0] ?? null);
            clear();
          }}
        />
      </FormPanel>

      <div className="rd-import-progress" aria-busy={upload.busy} data-testid="import-progress">
        {progress?.phase === 'uploading' && (
          <Paragraph>
            <label htmlFor="import-upload-progress">
              {fmt(t.imports.uploading, { percent: progress.percent })}
            </label>
            <br />
            <progress id="import-upload-progress" max={100} value={progress.percent}>
              {progress.percent}%
            </progress>
          </Paragraph>
        )}
        {progress?.phase === 'processing' && (
          <Paragraph>
            <label htmlFor="import-processing">{t.imports.processing}</label>
            <br />
            <progress id="import-processing" />
          </Paragraph>
        )}
      </div>

      {refused && <RowErrors errors={refused} />}
      {refused && refused.length > 0 && (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            type="button"
            disabled={upload.busy}
            onClick={() => void upload.run({ mode: 'commit', validRowsOnly: true })}
          >
            {t.imports.importValid}
          </Button>
        </ButtonGroup>
      )}
      {outcome && (
        <ImportOutcome
          outcome={outcome}
          busy={upload.busy}
          mayUpdate={mayUpdate}
          onRun={(r) => void upload.run(r)}
        />
      )}
    </>
  );
}
