import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Link as UtrechtLink,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ImportKind, ImportSummary } from '../../src/recommendations/schema.ts';
import type { Term } from '../../src/taxonomy/schema.ts';
import type { Page, Problem } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, ApiError, qs } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { useAnnounce } from '../components/announcer.tsx';
import {
  ActionButton,
  AppLink,
  ErrorAlert,
  Loading,
  LoginRequired,
  PageTitle,
  SelectField,
  TableScroll,
  TextField,
  useDocumentTitle,
} from '../components/ui.tsx';
import './RecommendationsPage.css';

const KINDS: ImportKind[] = ['upr-info', 'uhri', 'spreadsheet'];

type Progress = { phase: 'uploading'; percent: number } | { phase: 'processing' };

function parseProblem(text: string): Problem | null {
  try {
    const p = JSON.parse(text) as Problem;
    return typeof p === 'object' && p !== null && 'status' in p ? p : null;
  } catch {
    return null;
  }
}

/**
 * Sends a file as the raw request body with XMLHttpRequest, so that the upload progress can be shown;
 * reports when the upload is done and the server starts working.
 */
function uploadImport(
  url: string,
  file: Blob,
  csrfToken: string,
  onProgress: (p: Progress) => void,
): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        onProgress({ phase: 'uploading', percent: Math.round((e.loaded / e.total) * 100) });
      }
    };
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportSummary);
        } catch {
          reject(new ApiError(xhr.status, null, 'The answer of the server could not be read.'));
        }
        return;
      }
      reject(new ApiError(xhr.status, parseProblem(xhr.responseText), `${xhr.status} ${xhr.statusText}`));
    };
    xhr.onerror = () => reject(new ApiError(0, null, 'network error'));
    onProgress({ phase: 'uploading', percent: 0 });
    xhr.send(file);
  });
}

/** Row errors of a refused import: problem+json errors with paths like "row 5". */
function rowErrors(err: unknown): { row: number; message: string }[] | null {
  if (!(err instanceof ApiError) || err.code !== 'import_invalid') return null;
  return (err.problem?.errors ?? []).map((e) => ({
    row: Number(/\d+/.exec(e.path)?.[0] ?? 0),
    message: e.message,
  }));
}

export function ImportPage() {
  const { t } = useI18n();
  useDocumentTitle(t.imports.title);
  const me = useMe();
  const allowed = me.data?.role === 'coordinator' || me.data?.role === 'admin';
  return (
    <>
      <PageTitle>{t.imports.title}</PageTitle>
      <Paragraph appearance="lead">{t.imports.intro}</Paragraph>
      {me.isPending && <Loading />}
      {me.isSuccess && !me.data && <LoginRequired redirect="/imports" />}
      {me.data && !allowed && (
        <Alert type="warning">
          <Paragraph>{t.imports.noAccess}</Paragraph>
        </Alert>
      )}
      {me.data && allowed && (
        <>
          <ImportForm csrfToken={me.data.csrfToken} />
          <Templates />
          <UnmappedTerms />
        </>
      )}
    </>
  );
}

/** Whether the server knows the document importer yet: a preview answers anything but "Unknown import kind". */
function useDocumentKind(csrfToken: string) {
  return useQuery({
    queryKey: ['import-kind-document'],
    staleTime: Infinity,
    retry: false,
    queryFn: async () => {
      const res = await fetch(`/api/imports/document${qs({ fileName: 'probe.txt', preview: 'true' })}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken },
        credentials: 'same-origin',
        body: new Blob(['probe']),
      });
      if (res.ok) return true;
      const text = await res.text();
      return !(res.status === 400 && /Unknown import kind/i.test(text)) && res.status !== 404;
    },
  });
}

interface Outcome {
  mode: 'preview' | 'commit';
  validRowsOnly: boolean;
  summary: ImportSummary;
}

function ImportForm({ csrfToken }: { csrfToken: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const documentKind = useDocumentKind(csrfToken);
  const kinds: ImportKind[] = documentKind.data ? [...KINDS, 'document'] : KINDS;
  const [kind, setKind] = useState<ImportKind>('upr-info');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const outcomeRef = useRef<HTMLHeadingElement>(null);
  const busy = progress !== null;
  // The buttons the user pressed may be gone: move focus to the report that replaced them.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  const phase = useRef<Progress['phase'] | null>(null);
  const onProgress = (p: Progress) => {
    if (p.phase === 'processing' && phase.current !== 'processing') announce(t.imports.processing);
    phase.current = p.phase;
    setProgress(p);
  };

  const reset = () => {
    setOutcome(null);
    setError(null);
  };

  const run = async (mode: 'preview' | 'commit', validRowsOnly: boolean) => {
    if (!file) {
      setFileError(t.imports.fileRequired);
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    reset();
    const url = `/api/imports/${kind}${qs({
      fileName: file.name,
      preview: mode === 'preview' ? 'true' : 'false',
      validRowsOnly: validRowsOnly ? 'true' : 'false',
    })}`;
    try {
      const summary = await uploadImport(url, file, csrfToken, onProgress);
      setOutcome({ mode, validRowsOnly, summary });
      if (mode === 'preview') {
        announce(fmt(t.imports.previewDone, { rows: summary.totalRows, errors: summary.errors.length }));
      } else {
        announce(
          fmt(t.imports.importDone, {
            created: summary.created,
            updated: summary.updated,
            unchanged: summary.unchanged,
          }),
        );
        await qc.invalidateQueries({ queryKey: ['recommendations'] });
        await qc.invalidateQueries({ queryKey: ['unmapped-terms'] });
      }
    } catch (err) {
      setError(err);
      const rows = rowErrors(err);
      announce(rows ? fmt(t.imports.rejected, { n: rows.length }) : t.common.errorTitle);
    } finally {
      phase.current = null;
      setProgress(null);
    }
  };

  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    void run('preview', false);
  };

  const refused = rowErrors(error);
  const summary = outcome?.summary;
  const hasErrors = (summary?.errors.length ?? 0) > 0;
  const hasValidRows = summary ? summary.sources > 0 : false;

  return (
    <section aria-labelledby="import-form-heading">
      <Heading level={2} id="import-form-heading">
        {t.imports.formHeading}
      </Heading>
      <form className="rd-form rd-form--narrow" onSubmit={onPreview} noValidate>
        <SelectField
          label={t.imports.kind}
          name="kind"
          value={kind}
          onChange={(v) => {
            setKind(v as ImportKind);
            reset();
          }}
          options={kinds.map((k) => ({ value: k, label: t.imports.kinds[k] ?? k }))}
        />
        <FormField invalid={Boolean(fileError)} className="rd-field">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor="import-file">{t.imports.file}</FormLabel>
          </div>
          <FormFieldDescription id="import-file-hint">{t.imports.fileHint}</FormFieldDescription>
          {fileError && <FormFieldErrorMessage id="import-file-error">{fileError}</FormFieldErrorMessage>}
          <div className="utrecht-form-field__input">
            <input
              id="import-file"
              ref={fileRef}
              type="file"
              name="file"
              className="utrecht-textbox utrecht-textbox--html-input"
              accept={
                kind === 'upr-info'
                  ? '.csv,text/csv'
                  : kind === 'uhri'
                    ? '.json,.xlsx,application/json'
                    : kind === 'spreadsheet'
                      ? '.xlsx,.csv'
                      : '.txt,.docx,.pdf'
              }
              aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
              aria-invalid={fileError ? true : undefined}
              onChange={(e: ChangeEvent<HTMLInputElement>) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(undefined);
                reset();
              }}
            />
          </div>
        </FormField>
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" disabled={busy}>
            {t.imports.preview}
          </Button>
        </ButtonGroup>
      </form>

      <div className="rd-import-progress" aria-busy={busy} data-testid="import-progress">
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

      {error !== null && <ErrorAlert error={error} />}
      {refused && <RowErrors errors={refused} />}
      {refused && refused.length > 0 && (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            type="button"
            disabled={busy}
            onClick={() => void run('commit', true)}
          >
            {t.imports.importValid}
          </Button>
        </ButtonGroup>
      )}

      {outcome && summary && (
        <section
          aria-labelledby="import-outcome-heading"
          className="rd-panel"
          data-testid={outcome.mode === 'preview' ? 'import-preview' : 'import-result'}
        >
          <Heading level={2} id="import-outcome-heading" tabIndex={-1} ref={outcomeRef}>
            {outcome.mode === 'preview' ? t.imports.previewHeading : t.imports.resultHeading}
          </Heading>
          <Paragraph>
            {outcome.mode === 'preview'
              ? fmt(t.imports.previewDone, { rows: summary.totalRows, errors: summary.errors.length })
              : fmt(t.imports.importDone, {
                  created: summary.created,
                  updated: summary.updated,
                  unchanged: summary.unchanged,
                })}
          </Paragraph>
          <Counts
            summary={summary}
            partial={outcome.mode === 'preview' && hasErrors && !outcome.validRowsOnly}
          />
          {hasErrors ? <RowErrors errors={summary.errors} /> : <Paragraph>{t.imports.noErrors}</Paragraph>}
          {summary.unmappedTerms.length > 0 && (
            <UnmappedTable
              id="import-unmapped"
              caption={t.imports.unmappedInFile}
              items={summary.unmappedTerms}
            />
          )}
          {outcome.mode === 'preview' && (
            <ButtonGroup>
              {!hasErrors && (
                <Button
                  appearance="primary-action-button"
                  type="button"
                  disabled={busy}
                  onClick={() => void run('commit', outcome.validRowsOnly)}
                >
                  {t.imports.import}
                </Button>
              )}
              {hasErrors && hasValidRows && (
                <>
                  <Button
                    appearance="secondary-action-button"
                    type="button"
                    disabled={busy}
                    onClick={() => void run('preview', true)}
                  >
                    {t.imports.previewValid}
                  </Button>
                  <Button
                    appearance="primary-action-button"
                    type="button"
                    disabled={busy}
                    onClick={() => void run('commit', true)}
                  >
                    {t.imports.importValid}
                  </Button>
                </>
              )}
            </ButtonGroup>
          )}
          {outcome.mode === 'commit' && (
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
        </section>
      )}
    </section>
  );
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
        <DataListItem key={label}>
          <DataListKey>{label}</DataListKey>
          <DataListValue>{n}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}

function RowErrors({ errors }: { errors: { row: number; message: string }[] }) {
  const { t } = useI18n();
  return (
    <>
      <Heading level={3}>{t.imports.errorsHeading}</Heading>
      <Paragraph>{t.imports.errorsIntro}</Paragraph>
      <TableScroll labelledBy="import-errors-caption">
        <Table className="rd-table" data-testid="import-errors">
          <TableCaption id="import-errors-caption">{t.imports.errorsCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.imports.row}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.imports.message}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {errors.slice(0, 500).map((e, i) => (
              <TableRow key={`${e.row}-${i}`}>
                <TableHeaderCell scope="row">{e.row}</TableHeaderCell>
                <TableCell lang="en">{e.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    </>
  );
}

function UnmappedTable(props: {
  id: string;
  caption: string;
  items: { scheme: string; spelling: string; count: number }[];
  onMap?: (item: { scheme: string; spelling: string }) => void;
}) {
  const { t } = useI18n();
  return (
    <TableScroll labelledBy={`${props.id}-caption`}>
      <Table className="rd-table" data-testid={props.id}>
        <TableCaption id={`${props.id}-caption`}>{props.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.imports.spelling}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.imports.scheme}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.imports.count}</TableHeaderCell>
            {props.onMap && <TableHeaderCell scope="col">{t.imports.mapButton}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.items.map((u) => (
            <TableRow key={`${u.scheme}|${u.spelling}`}>
              <TableHeaderCell scope="row" lang="en">
                {u.spelling}
              </TableHeaderCell>
              <TableCell>{t.recommendations.schemes[u.scheme] ?? u.scheme}</TableCell>
              <TableCell>{u.count}</TableCell>
              {props.onMap && (
                <TableCell>
                  <ActionButton
                    text={t.imports.mapButton}
                    subject={u.spelling}
                    onClick={() => props.onMap?.(u)}
                  />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

function Templates() {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="import-template-heading">
      <Heading level={2} id="import-template-heading">
        {t.imports.templateHeading}
      </Heading>
      <Paragraph>{t.imports.templateIntro}</Paragraph>
      <ul className="rd-rec-downloads">
        <li>
          <UtrechtLink href={`/api/imports/template.xlsx?lang=${lang}`} download>
            {t.imports.templateXlsx}
          </UtrechtLink>
        </li>
        <li>
          <UtrechtLink href={`/api/imports/template.csv?lang=${lang}`} download>
            {t.imports.templateCsv}
          </UtrechtLink>
        </li>
      </ul>
    </section>
  );
}

function UnmappedTerms() {
  const { t } = useI18n();
  const [mapping, setMapping] = useState<{ scheme: string; spelling: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const unmapped = useQuery({
    queryKey: ['unmapped-terms'],
    queryFn: () =>
      api<{ items: { scheme: string; spelling: string; count: number }[] }>(
        'GET',
        '/api/recommendations-unmapped-terms',
      ),
  });
  return (
    <section aria-labelledby="import-map-heading">
      <Heading level={2} id="import-map-heading" tabIndex={-1} ref={headingRef}>
        {t.imports.mapHeading}
      </Heading>
      <Paragraph>{t.imports.mapIntro}</Paragraph>
      {unmapped.isPending && <Loading />}
      {unmapped.isError && <ErrorAlert error={unmapped.error} onRetry={() => void unmapped.refetch()} />}
      {unmapped.data &&
        (unmapped.data.items.length === 0 ? (
          <Paragraph>{t.imports.mapNone}</Paragraph>
        ) : (
          <UnmappedTable
            id="unmapped-terms"
            caption={t.imports.unmappedCaption}
            items={unmapped.data.items}
            onMap={setMapping}
          />
        ))}
      {mapping && (
        <MapForm
          key={`${mapping.scheme}|${mapping.spelling}`}
          item={mapping}
          onDone={() => {
            setMapping(null);
            headingRef.current?.focus();
          }}
        />
      )}
    </section>
  );
}

function MapForm({ item, onDone }: { item: { scheme: string; spelling: string }; onDone(): void }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [q, setQ] = useState(item.spelling);
  const [query, setQuery] = useState(item.spelling);
  const terms = useQuery({
    queryKey: ['taxonomy-terms', item.scheme, query],
    queryFn: () =>
      api<Page<Term>>('GET', `/api/taxonomy/terms${qs({ scheme: item.scheme, q: query, pageSize: 20 })}`),
  });
  const label = (x: Term) => (lang === 'nl' && x.labelNl ? x.labelNl : x.labelEn);
  const formHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => formHeading.current?.focus(), []);
  const map = useMutation({
    mutationFn: (term: Term) =>
      api<Term>('POST', `/api/taxonomy/terms/${term.id}/aliases`, { alias: item.spelling }),
    onSuccess: async (term) => {
      announce(fmt(t.imports.mapped, { spelling: item.spelling, term: `${term.code} ${label(term)}` }));
      await qc.invalidateQueries({ queryKey: ['unmapped-terms'] });
      onDone();
    },
  });
  return (
    <section className="rd-panel" aria-labelledby="import-mapform-heading" data-testid="map-form">
      <Heading level={3} id="import-mapform-heading" tabIndex={-1} ref={formHeading}>
        {fmt(t.imports.mapFormHeading, { spelling: item.spelling })}
      </Heading>
      <form
        className="rd-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q.trim());
        }}
      >
        <TextField
          label={t.imports.termSearch}
          hint={t.imports.termSearchHint}
          name="termQ"
          value={q}
          onChange={setQ}
        />
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="submit">
            {t.imports.termSearchButton}
          </Button>
          <Button appearance="subtle-button" type="button" onClick={onDone}>
            {t.imports.cancel}
          </Button>
        </ButtonGroup>
      </form>
      {map.isError && <ErrorAlert error={map.error} />}
      {terms.isPending && <Loading />}
      {terms.isError && <ErrorAlert error={terms.error} />}
      {terms.data &&
        (terms.data.items.length === 0 ? (
          <Paragraph>{t.imports.noTermsFound}</Paragraph>
        ) : (
          <TableScroll labelledBy="import-terms-caption">
            <Table className="rd-table" data-testid="term-choices">
              <TableCaption id="import-terms-caption">{t.imports.termsCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.imports.termCode}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.imports.termLabel}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.imports.choose}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {terms.data.items.map((x) => (
                  <TableRow key={x.id}>
                    <TableCell>
                      <span className="rd-code">{x.code}</span>
                    </TableCell>
                    <TableHeaderCell scope="row">{label(x)}</TableHeaderCell>
                    <TableCell>
                      <ActionButton
                        text={t.imports.choose}
                        subject={`${x.code} ${label(x)}`}
                        onClick={() => map.mutate(x)}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        ))}
    </section>
  );
}
