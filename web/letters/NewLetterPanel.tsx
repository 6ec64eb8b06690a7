import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Me } from '../../src/auth/schema.ts';
import type { Cycle } from '../../src/cycles/schema.ts';
import type { Document, DocumentKind } from '../../src/documents/schema.ts';
import type { Instrument } from '../../src/instruments/schema.ts';
import { isReportKind, type OutgoingKind, type OutgoingParamsInput } from '../../src/letters/kinds.ts';
import type { WorkspaceDocument } from '../../src/letters/workspace-schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useOrganisationOptions } from '../lib/organisations.ts';
import {
  FormPanel,
  SelectField,
  TextField,
  useForm,
  type FieldErrors,
  type Option,
} from '../components/form/index.ts';
import { lettersKey, useLetterKinds, useLetters } from './api.ts';
import { MemoForm } from './MemoForm.tsx';
import { KINDS } from './search.ts';

/** "Nieuw document": the kind first, then what the document is made from. */
export function NewLetterPanel({ me, onCancel }: { me: Me; onCancel(): void }) {
  const { t } = useI18n();
  const [chosen, setKind] = useState<CreatableKind>('memo');
  // The kinds the server's policy lets the user create (the report's only to those who manage it).
  const allowed = useLetterKinds().data?.kinds;
  const offered = KINDS.filter((k) => !allowed || allowed.includes(k));
  const kind = offered.includes(chosen) ? chosen : (offered[0] ?? 'memo');
  const owners = useOrganisationOptions(me.organisationId ? t.letters.ownOrganisation : t.letters.choose);
  const [owner, setOwner] = useState('');
  const create = useCreateLetter(owner);
  return (
    <section aria-labelledby="new-letter-heading" className="rd-panel" data-testid="new-letter">
      <Heading level={2} id="new-letter-heading">
        {t.letters.newDocument}
      </Heading>
      <Paragraph>{t.letters.newIntro}</Paragraph>
      <div className="rd-form">
        <SelectField
          label={t.letters.chooseKind}
          name="kind"
          value={kind}
          onChange={(v) => setKind(offered.find((k) => k === v) ?? 'memo')}
          options={offered.map((k) => ({ value: k, label: t.letters.kinds[k] }))}
        />
        <SelectField
          label={t.letters.ownerOrganisation}
          hint={
            isReportKind(kind)
              ? t.letters.reportOwnerHint
              : me.organisationId
                ? t.letters.ownerHint
                : undefined
          }
          name="ownerOrganisation"
          value={owner}
          onChange={setOwner}
          options={owners}
        />
      </div>
      {kind === 'memo' ? (
        <MemoForm create={create} onCancel={onCancel} />
      ) : (
        <ParamsForm key={kind} kind={kind} create={create} onCancel={onCancel} />
      )}
    </section>
  );
}

export type CreateLetter = (params: OutgoingParamsInput) => Promise<WorkspaceDocument>;

/** The request that generates a document; afterwards its page opens with the confirmation. */
export function useCreateLetter(owner: string): {
  action: CreateLetter;
  success: string;
  onSuccess(d: WorkspaceDocument, message: string | null): Promise<void>;
} {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  return {
    action: (params) =>
      api<WorkspaceDocument>('POST', '/api/letters', { params, ownerOrganisation: owner || undefined }),
    success: t.letters.generated,
    onSuccess: async (d, message) => {
      await qc.invalidateQueries({ queryKey: lettersKey });
      await navigate({ to: '/brieven/$id', params: { id: d.id }, state: { notice: message ?? undefined } });
    },
  };
}

const SOURCE_KIND: Partial<Record<OutgoingKind, DocumentKind>> = {
  advisory_response: 'advisory_report',
  concluding_response: 'concluding_observations',
};

/** The kinds made for a year, and those made from a document. */
const YEAR_KINDS: readonly OutgoingKind[] = [
  'annual_letter',
  'human_rights_report',
  'human_rights_report_nota',
];
const DOCUMENT_KINDS: readonly OutgoingKind[] = ['cover_letter', 'advisory_response', 'concluding_response'];

/** The parameters of every kind but the memo: a year, a document, a report or a UPR cycle. */
/** The kinds made here (a state report and its memo are made by the state report's export). */
type CreatableKind = (typeof KINDS)[number];

function ParamsForm(props: {
  kind: Exclude<CreatableKind, 'memo'>;
  create: ReturnType<typeof useCreateLetter>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const { kind, create } = props;
  const form = useForm(
    { year: String(new Date().getFullYear() - 1), document: '', cycle: '', report: '' },
    {
      action: (v) => {
        switch (kind) {
          case 'annual_letter':
          case 'human_rights_report':
            return create.action({ kind, year: Number(v.year) });
          case 'human_rights_report_nota':
            return create.action({ kind, year: Number(v.year), report: v.report || undefined });
          case 'human_rights_report_letter':
            return create.action({ kind, report: v.report });
          case 'upr_addendum':
            return create.action({ kind, cycle: v.cycle });
          default:
            return create.action({ kind, document: v.document });
        }
      },
      validate: (v): FieldErrors => {
        if (YEAR_KINDS.includes(kind) && !/^\d{4}$/.test(v.year.trim()))
          return { year: kind === 'annual_letter' ? t.letters.yearHint : t.letters.reportYearHint };
        if (kind === 'upr_addendum' && !v.cycle) return { cycle: t.letters.choose };
        if (kind === 'human_rights_report_letter' && !v.report) return { report: t.letters.choose };
        if (DOCUMENT_KINDS.includes(kind) && !v.document) return { document: t.letters.choose };
        return {};
      },
      success: create.success,
      onSuccess: create.onSuccess,
    },
  );
  return (
    <FormPanel
      label={t.letters.kinds[kind]}
      submit={form}
      submitLabel={t.letters.generate}
      onCancel={props.onCancel}
      testId="letter-params-form"
    >
      {YEAR_KINDS.includes(kind) && (
        <TextField
          label={t.letters.year}
          hint={kind === 'annual_letter' ? t.letters.yearHint : t.letters.reportYearHint}
          type="number"
          {...form.field('year')}
          required
        />
      )}
      {kind === 'human_rights_report_nota' && (
        <ReportChoice
          label={t.letters.reportForNota}
          required={false}
          empty={t.letters.noReport}
          {...form.field('report')}
        />
      )}
      {kind === 'human_rights_report_letter' && (
        <ReportChoice label={t.letters.reportDocument} {...form.field('report')} />
      )}
      {kind === 'cover_letter' && (
        <WorkspaceChoice label={t.letters.sendDocument} {...form.field('document')} />
      )}
      {SOURCE_KIND[kind] && (
        <DocumentChoice
          label={kind === 'advisory_response' ? t.letters.sourceAdvisory : t.letters.sourceConcluding}
          documentKind={SOURCE_KIND[kind]}
          {...form.field('document')}
        />
      )}
      {kind === 'upr_addendum' && <CycleChoice label={t.letters.uprCycle} {...form.field('cycle')} />}
    </FormPanel>
  );
}

interface ChoiceProps {
  label: string;
  /** False for an optional choice, whose empty option says `empty`. */
  required?: boolean;
  empty?: string;
  name: string;
  value: string;
  error: string | undefined;
  onChange(v: string): void;
}

function Choice(props: ChoiceProps & { options: Option[] | undefined }) {
  const { t } = useI18n();
  const { options, required = true, empty, ...field } = props;
  const first = empty ?? (options?.length === 0 ? t.letters.noChoices : t.letters.choose);
  return (
    <SelectField {...field} required={required} options={[{ value: '', label: first }, ...(options ?? [])]} />
  );
}

/** A document of the workspace (the one a cover letter sends, or a memo accompanies). */
export function WorkspaceChoice(props: ChoiceProps) {
  const { t } = useI18n();
  const list = useLetters({ page: 1 });
  const options = list.data?.items.map((d) => ({
    value: d.id,
    label: `${d.title} (${t.letters.kinds[d.kind]})`,
  }));
  return <Choice {...props} options={options} />;
}

/** An annual human rights report of the workspace (the one a nota or Kamerbrief concerns). */
function ReportChoice(props: ChoiceProps) {
  const list = useLetters({ kind: 'human_rights_report', page: 1 });
  return <Choice {...props} options={list.data?.items.map((d) => ({ value: d.id, label: d.title }))} />;
}

function DocumentChoice(props: ChoiceProps & { documentKind: DocumentKind | undefined }) {
  const { date } = useI18n();
  const list = useQuery({
    queryKey: ['documents', 'of-kind', props.documentKind],
    queryFn: () =>
      api<Page<Document>>('GET', `/api/documents${qs({ kind: props.documentKind, pageSize: 200 })}`),
  });
  const { documentKind: _kind, ...rest } = props;
  const options = list.data?.items.map((d) => ({
    value: d.id,
    label: [d.symbol, d.title, d.date ? date(d.date) : null].filter(Boolean).join(' – '),
  }));
  return <Choice {...rest} options={options} />;
}

function CycleChoice(props: ChoiceProps) {
  const { cycle } = useI18n();
  const cycles = useQuery({
    queryKey: ['cycles', 'upr'],
    queryFn: async () => {
      const found = await api<Page<Instrument>>('GET', `/api/instruments${qs({ q: 'UPR', pageSize: 50 })}`);
      const upr = found.items.find((i) => i.code === 'UPR');
      if (!upr) return [];
      return (await api<Page<Cycle>>('GET', `/api/cycles${qs({ instrumentId: upr.id, pageSize: 100 })}`))
        .items;
    },
  });
  const options = cycles.data?.map((c) => ({ value: c.id, label: cycle(c.label) }));
  return <Choice {...props} options={options} />;
}
