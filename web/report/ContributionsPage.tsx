import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Button, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type {
  ContributionRequest,
  ContributionRequestWithLink,
} from '../../src/report/contributions-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { QueryState } from '../components/feedback.tsx';
import { DataTable } from '../components/DataTable.tsx';
import {
  FormPanel,
  TextAreaField,
  TextField,
  useEditor,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { amsterdamToIso, formatAmsterdam, isoToAmsterdam } from '../consultations/time.ts';
import { ContributionLink } from './ContributionLink.tsx';
import { createRequest, useRequests, updateRequest } from './contributions-api.ts';
import { ExamplesSection } from './ExamplesSection.tsx';
import { ReportNav } from './ReportNav.tsx';
import { defaultReportYear } from './search.ts';
import { YearChoice } from './YearChoice.tsx';

/** The requests for contributions of a year, the form to make one, and the examples of the year. */
export function ContributionsPage() {
  const { t } = useI18n();
  const search = useSearch({ from: '/rapportage/bijdragen' });
  const year = search.year ?? defaultReportYear();
  const list = useRequests(year);
  const navigate = useNavigate();
  const editor = useEditor<'new'>();
  const [made, setMade] = useState<ContributionRequestWithLink | null>(null);
  return (
    <SignedInPage title={fmt(t.contributions.title, { year })}>
      {() => (
        <>
          <ReportNav />
          <Paragraph>{t.contributions.intro}</Paragraph>
          <YearChoice
            year={year}
            years={[defaultReportYear() + 1, defaultReportYear() - 1, defaultReportYear() - 2]}
            onChoose={(y) => void navigate({ to: '/rapportage/bijdragen', search: { year: y } })}
          />
          <QueryState query={list} />
          {editor.notice}
          {made && <ContributionLink path={made.link} />}
          {list.data?.abilities.manage &&
            (editor.value === 'new' ? (
              <RequestForm
                year={year}
                onDone={(message, r) => {
                  editor.close(message);
                  if (r) setMade(r);
                }}
              />
            ) : (
              <Button
                appearance="secondary-action-button"
                type="button"
                onClick={() => {
                  setMade(null);
                  editor.open('new');
                }}
              >
                {t.contributions.newRequest}
              </Button>
            ))}
          {list.data && <RequestTable year={year} items={list.data.items} />}
          <ExamplesSection year={year} />
        </>
      )}
    </SignedInPage>
  );
}

/** The status of a request in words: open, closed, or its deadline passed. */
export function requestStatus(
  r: Pick<ContributionRequest, 'open' | 'closed'>,
  t: ReturnType<typeof useI18n>['t'],
) {
  return r.closed ? t.contributions.closed : r.open ? t.contributions.open : t.contributions.expired;
}

function RequestTable({ year, items }: { year: number; items: ContributionRequest[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <Paragraph>{fmt(t.contributions.none, { year })}</Paragraph>;
  return (
    <DataTable
      captionId="contribution-requests-caption"
      caption={fmt(t.contributions.caption, { total: items.length })}
      testId="contribution-requests"
      columns={[
        t.contributions.request,
        t.contributions.addressees,
        t.contributions.deadline,
        t.contributions.status,
        t.contributions.count,
      ]}
    >
      {items.map((r) => (
        <TableRow key={r.id}>
          <TableHeaderCell scope="row">
            <AppLink to="/rapportage/bijdragen/$id" params={{ id: r.id }}>
              {r.title}
            </AppLink>
          </TableHeaderCell>
          <TableCell>{r.addressees.join(', ')}</TableCell>
          <TableCell>{formatAmsterdam(r.deadline, t.meta.locale)}</TableCell>
          <TableCell>{requestStatus(r, t)}</TableCell>
          <TableCell>{r.contributionCount}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/** Makes a request (with `request` absent) or edits one. */
export function RequestForm(props: {
  year: number;
  request?: ContributionRequest;
  onDone(message?: string | null, made?: ContributionRequestWithLink): void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const r = props.request;
  const fields = useFields({
    title: r?.title ?? '',
    instructions: r?.instructions ?? '',
    addressees: r?.addressees.join('\n') ?? '',
    deadline: r ? isoToAmsterdam(r.deadline) : '',
  });
  const submit = useSubmit<ContributionRequest | ContributionRequestWithLink>({
    validate: () => {
      const errors: FieldErrors = {};
      if (!fields.values.title.trim()) errors.title = t.contributions.titleRequired;
      if (!amsterdamToIso(fields.values.deadline)) errors.deadline = t.contributions.deadlineRequired;
      return errors;
    },
    action: () => {
      const body = {
        title: fields.values.title.trim(),
        instructions: fields.values.instructions,
        addressees: fields.values.addressees
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        deadline: amsterdamToIso(fields.values.deadline)!,
      };
      return r
        ? updateRequest(r.id, { ...body, version: r.version })
        : createRequest({ ...body, year: props.year });
    },
    success: r ? t.contributions.saved : t.contributions.created,
    onSuccess: async (result, message) => {
      await qc.invalidateQueries({ queryKey: ['report', 'contributions'] });
      props.onDone(message, 'link' in result ? result : undefined);
    },
  });
  return (
    <FormPanel
      title={r ? t.contributions.edit : t.contributions.newRequest}
      headingLevel={2}
      focusOnMount
      panel
      submit={submit}
      submitLabel={r ? t.contributions.save : t.contributions.createRequest}
      onCancel={() => props.onDone()}
      testId="contribution-request-form"
    >
      <TextField
        label={t.contributions.requestTitle}
        required
        error={submit.fieldErrors.title}
        {...fields.field('title')}
      />
      <TextAreaField
        label={t.contributions.instructions}
        error={submit.fieldErrors.instructions}
        rows={5}
        {...fields.field('instructions')}
      />
      <TextAreaField
        label={t.contributions.addresseesField}
        hint={t.contributions.addresseesHint}
        error={submit.fieldErrors.addressees}
        rows={3}
        {...fields.field('addressees')}
      />
      <TextField
        label={t.contributions.deadlineField}
        hint={t.contributions.deadlineHint}
        type="datetime-local"
        required
        error={submit.fieldErrors.deadline}
        {...fields.field('deadline')}
      />
    </FormPanel>
  );
}
