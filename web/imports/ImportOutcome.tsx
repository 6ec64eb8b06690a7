import { useEffect, useRef } from 'react';
import {
  Button,
  ButtonGroup,
  DataList,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ImportSummary } from '../../src/recommendations/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { SuccessNotice } from '../components/feedback.tsx';
import { AppLink, Fact } from '../components/ui.tsx';
import { UnmappedTable } from './UnmappedTerms.tsx';
import { ImportSuggestionsLinks } from '../suggestions/TagImport.tsx';
import type { Run } from './upload.ts';

/** A preview or import that worked: what was run, the summary, and the message told. */
export interface Outcome extends Run {
  summary: ImportSummary;
  message: string;
}

/** The counts of an outcome; a preview of a file with row errors has not worked out the changes. */
function Counts({ summary, partial }: { summary: ImportSummary; partial: boolean }) {
  const { t } = useI18n();
  const rows: [string, number][] = [
    [t.imports.totalRows, summary.totalRows],
    [t.imports.sources, summary.sources],
    ...(partial
      ? []
      : ([
          [t.imports.created, summary.created],
          [t.imports.updated, summary.updated],
          [t.imports.unchanged, summary.unchanged],
        ] as [string, number][])),
    [t.imports.skipped, summary.skipped],
  ];
  return (
    <DataList className="rd-facts" data-testid="import-counts">
      {rows.map(([label, n]) => (
        <Fact key={label} label={label}>
          {n}
        </Fact>
      ))}
    </DataList>
  );
}

export function RowErrors({ errors }: { errors: { row: number; message: string }[] }) {
  const { t } = useI18n();
  return (
    <>
      <Heading level={3}>{t.imports.errorsHeading}</Heading>
      <Paragraph>{t.imports.errorsIntro}</Paragraph>
      <DataTable
        captionId="import-errors-caption"
        caption={t.imports.errorsCaption}
        columns={[t.imports.row, t.imports.message]}
        testId="import-errors"
      >
        {errors.slice(0, 500).map((e, i) => (
          <TableRow key={`${e.row}-${i}`}>
            <TableHeaderCell scope="row">{e.row}</TableHeaderCell>
            <TableCell lang="en">{e.message}</TableCell>
          </TableRow>
        ))}
      </DataTable>
    </>
  );
}

/**
 * The report of a preview or an import, which takes the focus (the buttons pressed may be gone);
 * after a preview, the next steps: import it, or preview or import only the valid rows. A user who
 * may only add recommendations is told when the file would change existing ones.
 */
export function ImportOutcome(props: {
  outcome: Outcome;
  busy: boolean;
  mayUpdate: boolean;
  onRun(run: Run): void;
}) {
  const { t } = useI18n();
  const { outcome } = props;
  const { summary } = outcome;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [outcome]);
  const preview = outcome.mode === 'preview';
  const hasErrors = summary.errors.length > 0;
  const hasValidRows = summary.sources > 0;
  const changesRefused = preview && !props.mayUpdate && summary.updated > 0;
  const button = (run: Run, label: string, primary: boolean) => (
    <Button
      appearance={primary ? 'primary-action-button' : 'secondary-action-button'}
      type="button"
      disabled={props.busy}
      onClick={() => props.onRun(run)}
    >
      {label}
    </Button>
  );
  return (
    <section
      aria-labelledby="import-outcome-heading"
      className="rd-panel"
      data-testid={preview ? 'import-preview' : 'import-result'}
    >
      <Heading level={2} id="import-outcome-heading" tabIndex={-1} ref={heading}>
        {preview ? t.imports.previewHeading : t.imports.resultHeading}
      </Heading>
      {preview ? (
        <Paragraph>{outcome.message}</Paragraph>
      ) : (
        <SuccessNotice message={outcome.message} testId="import-done" />
      )}
      <Counts summary={summary} partial={preview && hasErrors && !outcome.validRowsOnly} />
      {hasErrors ? <RowErrors errors={summary.errors} /> : <Paragraph>{t.imports.noErrors}</Paragraph>}
      {summary.unmappedTerms.length > 0 && (
        <UnmappedTable
          id="import-unmapped"
          caption={t.imports.unmappedInFile}
          items={summary.unmappedTerms}
        />
      )}
      {changesRefused && <Paragraph>{fmt(t.imports.changesRefused, { n: summary.updated })}</Paragraph>}
      {preview && !changesRefused && (
        <ButtonGroup>
          {!hasErrors &&
            button({ mode: 'commit', validRowsOnly: outcome.validRowsOnly }, t.imports.import, true)}
          {hasErrors && hasValidRows && (
            <>
              {button({ mode: 'preview', validRowsOnly: true }, t.imports.previewValid, false)}
              {button({ mode: 'commit', validRowsOnly: true }, t.imports.importValid, true)}
            </>
          )}
        </ButtonGroup>
      )}
      {!preview && (
        <Paragraph>
          <AppLink
            to="/recommendations"
            search={summary.kind === 'upr-info' ? { mechanism: 'upr' } : {}}
            data-testid="view-imported"
          >
            {summary.kind === 'upr-info' ? t.imports.viewImported : t.imports.viewAll}
          </AppLink>
        </Paragraph>
      )}
      {!preview && summary.importId && summary.created > 0 && (
        <ImportSuggestionsLinks importId={summary.importId} />
      )}
    </section>
  );
}
