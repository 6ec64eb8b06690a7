import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  DataList,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ListOfIssuesImported, StateReport } from '../../src/state-report/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import {
  FileField,
  FormPanel,
  documentAccept,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { Fact } from '../components/ui.tsx';
import { importListOfIssues, stateReportsKey } from './api.ts';

/**
 * The import of the committee's list of issues (simplified procedure): the file is sent whole, then
 * what the parser found (symbol, questions, warnings), or the server's 422 saying what the text held.
 */
export function LoiImport({ r }: { r: StateReport }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ListOfIssuesImported | null>(null);
  const submit = useSubmit<ListOfIssuesImported>({
    validate: (): FieldErrors => (file ? {} : { file: t.stateReport.loiFileRequired }),
    action: () => {
      setResult(null);
      return importListOfIssues(r.id, file!);
    },
    success: (res) => fmt(t.stateReport.loiImported, { questions: res.questions }),
    onSuccess: async (res) => {
      setResult(res);
      await qc.invalidateQueries({ queryKey: stateReportsKey });
    },
  });
  return (
    <>
      <FormPanel
        title={t.stateReport.loiTitle}
        intro={<Paragraph>{t.stateReport.loiIntro}</Paragraph>}
        submit={submit}
        submitLabel={t.stateReport.loiSubmit}
        narrow
        testId="state-report-loi"
        errorTestId="state-report-loi-error"
        successTestId="state-report-loi-imported"
      >
        <FileField
          label={t.stateReport.loiFile}
          name="file"
          required
          accept={documentAccept(['txt', 'docx', 'pdf'])}
          error={submit.fieldErrors.file}
          onChange={(files) => {
            setFile(files[0] ?? null);
            setResult(null);
            submit.reset();
          }}
        />
      </FormPanel>
      {submit.busy && file && (
        <Paragraph aria-live="polite">{fmt(t.stateReport.loiImporting, { file: file.name })}</Paragraph>
      )}
      {result && (
        <section aria-labelledby="loi-result" className="rd-panel" data-testid="state-report-loi-result">
          <Heading level={3} id="loi-result">
            {t.stateReport.loiResult}
          </Heading>
          <DataList className="rd-facts">
            <Fact label={t.stateReport.loiSymbol}>{result.symbol ?? t.common.none}</Fact>
            <Fact label={t.stateReport.loiQuestions}>{result.questions}</Fact>
          </DataList>
          {result.warnings.length > 0 && (
            <>
              <Heading level={4}>{t.stateReport.loiWarnings}</Heading>
              <UnorderedList>
                {result.warnings.map((w, i) => (
                  <UnorderedListItem key={i}>{w}</UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          )}
        </section>
      )}
    </>
  );
}
