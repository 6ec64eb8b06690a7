import { useQueryClient } from '@tanstack/react-query';
import type { Cycle } from '../../src/cycles/schema.ts';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Button, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import {
  STATE_REPORT_KINDS,
  type StateReport,
  type StateReportKind,
  type StateReportListItem,
} from '../../src/state-report/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import {
  FormPanel,
  RadioField,
  SelectField,
  useEditor,
  useForm,
  type FieldErrors,
} from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { useLabelledCycles } from '../cycles/labelled-cycles.ts';
import { createStateReport, stateReportsKey, useStateReports } from './api.ts';
import { WordCount } from './WordCount.tsx';

/** The state reports, and the form to make one for a cycle the user may manage. */
export function StateReportsPage() {
  const { t } = useI18n();
  const search = useSearch({ from: '/statenrapporten' });
  const list = useStateReports();
  const navigate = useNavigate();
  const editor = useEditor<'new'>();
  // Coming from a cycle's "Rapport opstellen" (?cycleId=…), the form is open with that cycle.
  const open = editor.value === 'new' || search.cycleId !== undefined;
  return (
    <SignedInPage title={t.stateReport.listTitle}>
      {() => (
        <>
          <Paragraph>{t.stateReport.intro}</Paragraph>
          <QueryState query={list} />
          {editor.notice}
          {list.data && (
            <NewReport
              open={open}
              cycleId={search.cycleId}
              made={list.data.items.map((r) => r.cycleId)}
              onOpen={() => editor.open('new')}
              onClose={() => {
                editor.close();
                if (search.cycleId) void navigate({ to: '/statenrapporten', search: {} });
              }}
            />
          )}
          {list.data && <ReportTable items={list.data.items} />}
        </>
      )}
    </SignedInPage>
  );
}

function ReportTable({ items }: { items: StateReportListItem[] }) {
  const { t, date, cycle } = useI18n();
  if (items.length === 0) return <Paragraph>{t.stateReport.none}</Paragraph>;
  return (
    <DataTable
      captionId="state-reports-caption"
      caption={fmt(t.stateReport.caption, { total: items.length })}
      testId="state-reports"
      columns={[
        t.stateReport.report,
        t.stateReport.cycle,
        t.stateReport.kind,
        t.stateReport.words,
        t.stateReport.submittedOn,
      ]}
    >
      {items.map((r) => (
        <TableRow key={r.id}>
          <TableHeaderCell scope="row">
            <AppLink to="/statenrapporten/$id" params={{ id: r.id }}>
              {r.title}
            </AppLink>
          </TableHeaderCell>
          <TableCell>
            {r.instrumentCode} {cycle(r.cycleLabel)}
          </TableCell>
          <TableCell>{t.stateReport.kinds[r.kind] ?? r.kind}</TableCell>
          <TableCell>
            <WordCount words={r.words} limit={r.wordLimit} over={r.overLimit} compact />
          </TableCell>
          <TableCell>{r.submittedOn ? date(r.submittedOn) : t.stateReport.notSubmitted}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/**
 * The cycles a report may be made for: those the server lets the user edit (their instrument's
 * right) that have no report yet, as "CAT 8th periodic report".
 */
function useCycleChoices(made: string[]) {
  const { cycles, ready } = useLabelledCycles();
  const taken = new Set(made);
  const choices = cycles
    .filter(({ cycle }) => cycle.abilities.edit && !taken.has(cycle.id))
    .map(({ cycle, label }) => ({ value: cycle.id, label, procedure: cycle.procedure }));
  return { choices, ready };
}

function NewReport(props: {
  open: boolean;
  cycleId: string | undefined;
  made: string[];
  onOpen(): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { choices, ready } = useCycleChoices(props.made);
  if (!ready || choices.length === 0) return null;
  if (!props.open)
    return (
      <Button appearance="secondary-action-button" type="button" onClick={props.onOpen}>
        {t.stateReport.newReport}
      </Button>
    );
  return <NewReportForm choices={choices} cycleId={props.cycleId} onCancel={props.onClose} />;
}

function NewReportForm(props: {
  choices: { value: string; label: string; procedure: Cycle['procedure'] }[];
  cycleId: string | undefined;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const preset = props.choices.find((c) => c.value === props.cycleId);
  const form = useForm(
    {
      cycleId: preset?.value ?? '',
      kind: (preset?.procedure === 'simplified' ? 'simplified' : 'periodic') as string,
    },
    {
      validate: (v): FieldErrors => (v.cycleId ? {} : { cycleId: t.stateReport.cycleRequired }),
      action: (v) => createStateReport({ cycleId: v.cycleId, kind: v.kind as StateReportKind }),
      success: t.stateReport.created,
      onSuccess: async (r: StateReport, message) => {
        await qc.invalidateQueries({ queryKey: stateReportsKey });
        await navigate({
          to: '/statenrapporten/$id',
          params: { id: r.id },
          state: { notice: message ?? undefined },
        });
      },
    },
  );
  return (
    <FormPanel
      title={t.stateReport.newReport}
      headingLevel={2}
      focusOnMount
      panel
      narrow
      submit={form}
      submitLabel={t.stateReport.create}
      onCancel={props.onCancel}
      testId="state-report-new"
    >
      <SelectField
        label={t.stateReport.cycleField}
        required
        options={[{ value: '', label: t.stateReport.cycleChoose }, ...props.choices]}
        {...form.field('cycleId')}
      />
      <RadioField
        label={t.stateReport.kindField}
        options={STATE_REPORT_KINDS.map((k) => ({ value: k, label: t.stateReport.kinds[k] ?? k }))}
        {...form.field('kind')}
      />
    </FormPanel>
  );
}
