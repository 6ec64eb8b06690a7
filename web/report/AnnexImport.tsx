import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { ExpenditureImport } from '../../src/report/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useAnnounce } from '../components/announcer.tsx';
import { FileField, FormPanel, RadioField, useSubmit, type FieldErrors } from '../components/form/index.ts';
import { Fact } from '../components/ui.tsx';
import { annexKey, importExpenditures, type ImportKind } from './annex-api.ts';
import './annex-texts.ts';

const ACCEPT: Record<ImportKind, string> = {
  iati: '.xml,application/xml,text/xml',
  sheet: '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The import of an IATI activity file or a spreadsheet: the file is sent whole, the page shows that
 * it is busy, then what the import did (activities read and skipped and why, payments added,
 * updated, deleted) or the server's refusal, of which nothing was saved.
 */
export function AnnexImport() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [kind, setKind] = useState<ImportKind>('iati');
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const [result, setResult] = useState<ExpenditureImport | null>(null);
  const submit = useSubmit<ExpenditureImport>({
    validate: (): FieldErrors => (file ? {} : { file: t.annex.fileRequired }),
    action: async () => {
      setResult(null);
      setSending(file!.name);
      announce(fmt(t.annex.importing, { file: file!.name }));
      try {
        return await importExpenditures(kind, file!);
      } finally {
        setSending(null);
      }
    },
    success: (r) =>
      fmt(t.annex.imported, { file: r.fileName, created: r.created, updated: r.updated, deleted: r.deleted }),
    onSuccess: async (r) => {
      setResult(r);
      await qc.invalidateQueries({ queryKey: annexKey });
    },
  });
  return (
    <>
      <FormPanel
        title={t.annex.importTitle}
        headingLevel={3}
        intro={<Paragraph>{t.annex.importIntro}</Paragraph>}
        submit={submit}
        submitLabel={t.annex.importSubmit}
        narrow
        testId="annex-import"
        errorTestId="annex-import-error"
        successTestId="annex-imported"
      >
        <RadioField
          label={t.annex.kind}
          name="kind"
          value={kind}
          onChange={(v) => {
            setKind(v as ImportKind);
            setResult(null);
            submit.reset();
          }}
          options={[
            { value: 'iati', label: t.annex.kindIati },
            { value: 'sheet', label: t.annex.kindSheet },
          ]}
        />
        <FileField
          label={t.annex.file}
          hint={t.annex.fileHint}
          name="file"
          accept={ACCEPT[kind]}
          error={submit.fieldErrors.file}
          onChange={(files) => {
            setFile(files[0] ?? null);
            setResult(null);
            submit.reset();
          }}
        />
      </FormPanel>
      <div aria-busy={submit.busy} data-testid="annex-import-progress">
        {sending && (
          <Paragraph>
            <label htmlFor="annex-import-busy">{fmt(t.annex.importing, { file: sending })}</label>
            <br />
            <progress id="annex-import-busy" />
          </Paragraph>
        )}
      </div>
      {result && <ImportSummary result={result} />}
    </>
  );
}

function ImportSummary({ result: r }: { result: ExpenditureImport }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="annex-import-summary" className="rd-panel" data-testid="annex-import-summary">
      <Heading level={4} id="annex-import-summary">
        {t.annex.summary}
      </Heading>
      <DataList className="rd-facts">
        <Fact label={t.annex.summaryFile}>{r.fileName}</Fact>
        <Fact label={r.source === 'iati' ? t.annex.activitiesRead : t.annex.rowsRead}>
          <span data-testid="annex-summary-read">{r.rowsRead}</span>
        </Fact>
        <Fact label={t.annex.created}>
          <span data-testid="annex-summary-created">{r.created}</span>
        </Fact>
        <Fact label={t.annex.updated}>{r.updated}</Fact>
        <Fact label={t.annex.deleted}>{r.deleted}</Fact>
        <Fact label={t.annex.unchanged}>{r.unchanged}</Fact>
        {r.source === 'iati' && (
          <Fact label={t.annex.skipped}>
            <span data-testid="annex-summary-skipped">
              {r.skipped === 0 ? t.annex.skippedNone : fmt(t.annex.skippedWhy, { count: r.skipped })}
            </span>
          </Fact>
        )}
      </DataList>
    </section>
  );
}
