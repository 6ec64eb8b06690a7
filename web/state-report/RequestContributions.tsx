import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import type { StateReport } from '../../src/state-report/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useOrganisations } from '../lib/organisations.ts';
import {
  CheckboxGroup,
  DateField,
  FormPanel,
  TextAreaField,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { requestContributions, stateReportsKey } from './api.ts';
import { useSectionName } from './ReportSections.tsx';

/** The kinds of organisation asked for contributions to a state report. */
const ASKED = new Set(['ministry', 'kingdom_country', 'public_body']);

/** "Bijdragen vragen": several sections × several organisations, a deadline and a message. */
export function RequestContributions({ r }: { r: StateReport }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const sectionName = useSectionName();
  const orgs = useOrganisations().data?.items ?? [];
  const [sectionIds, setSectionIds] = useState<string[]>([]);
  const [organisationIds, setOrganisationIds] = useState<string[]>([]);
  const fields = useFields({ deadline: '', message: '' });
  const submit = useSubmit({
    validate: () => {
      const errors: FieldErrors = {};
      if (sectionIds.length === 0) errors.sectionIds = t.stateReport.requestSectionsRequired;
      if (organisationIds.length === 0) errors.organisationIds = t.stateReport.requestOrganisationsRequired;
      if (!fields.values.deadline) errors.deadline = t.stateReport.requestDeadlineRequired;
      return errors;
    },
    action: () =>
      requestContributions(r.id, {
        sectionIds,
        organisationIds,
        deadline: fields.values.deadline,
        message: fields.values.message,
      }),
    success: (res) => fmt(t.stateReport.requested, { count: res.created.length }),
    onSuccess: async () => {
      setSectionIds([]);
      setOrganisationIds([]);
      fields.setValues({ deadline: '', message: '' });
      await qc.invalidateQueries({ queryKey: stateReportsKey });
    },
  });
  const organisationOptions = orgs
    .filter((o) => o.current && ASKED.has(o.kind))
    .sort((a, b) => name(a).localeCompare(name(b)))
    .map((o) => ({ value: o.id, label: `${name(o)} (${o.code})` }));
  return (
    <FormPanel
      title={t.stateReport.requestTitle}
      intro={<Paragraph>{t.stateReport.requestIntro}</Paragraph>}
      submit={submit}
      submitLabel={t.stateReport.requestSubmit}
      testId="state-report-request"
      successTestId="state-report-requested"
    >
      <CheckboxGroup
        legend={t.stateReport.requestSections}
        name="sectionIds"
        required
        error={submit.fieldErrors.sectionIds}
        options={r.sections.map((s) => ({ value: s.id, label: sectionName(s) }))}
        chosen={sectionIds}
        onChange={setSectionIds}
      />
      <CheckboxGroup
        legend={t.stateReport.requestOrganisations}
        hint={t.stateReport.requestOrganisationsHint}
        name="organisationIds"
        required
        error={submit.fieldErrors.organisationIds}
        options={organisationOptions}
        chosen={organisationIds}
        onChange={setOrganisationIds}
      />
      <DateField
        label={t.stateReport.requestDeadline}
        required
        error={submit.fieldErrors.deadline}
        {...fields.field('deadline')}
      />
      <TextAreaField
        label={t.stateReport.requestMessage}
        rows={4}
        error={submit.fieldErrors.message}
        {...fields.field('message')}
      />
    </FormPanel>
  );
}
