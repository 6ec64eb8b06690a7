import { useQueryClient } from '@tanstack/react-query';
import type { Term } from '../../src/hrc/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import {
  DateField,
  FormPanel,
  SelectField,
  TextAreaField,
  TextField,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import {
  addPledge,
  addPriority,
  addResolution,
  addResult,
  createTerm,
  termKey,
  updatePriority,
  updateTerm,
  updateResolution,
  updateResult,
} from './api.ts';
import './texts.ts';

type Done = (message: string | null, saved: Term | null) => void;
type Priority = Term['priorities'][number];
type Resolution = Term['resolutions'][number];
type YearResult = Term['results'][number];
const int = (s: string) => (s.trim() === '' ? null : Number(s));
const yearOk = (s: string) => /^\d{4}$/.test(s.trim());

/** After a save: the term in the cache, the lists refreshed. */
function useSaved(done: Done) {
  const qc = useQueryClient();
  return async (r: Term, message: string | null) => {
    qc.setQueryData(termKey(r.id), r);
    await qc.invalidateQueries({ queryKey: ['hrc'] });
    await qc.invalidateQueries({ queryKey: ['commitments'] });
    done(message, r);
  };
}

/** Records a term, or (with `term`) changes its election: saving a field the source did not state confirms it. */
export function TermForm({ term, onDone }: { term?: Term | null; onDone: Done }) {
  const { t } = useI18n();
  const h = t.hrc;
  const str = (n: number | null | undefined) => (n == null ? '' : String(n));
  const f = useFields({
    startYear: str(term?.startYear),
    endYear: str(term?.endYear),
    status: term?.status ?? 'candidate',
    electionDate: term?.electionDate ?? '',
    votesReceived: str(term?.votesReceived),
    seats: str(term?.seats),
    regionGroup: term?.regionGroup ?? '',
  });
  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!yearOk(f.values.startYear)) e.startYear = h.yearRequired;
    if (!yearOk(f.values.endYear)) e.endYear = h.yearRequired;
    return e;
  };
  const submit = useSubmit<Term>({
    validate,
    action: () => {
      const body = {
        startYear: Number(f.values.startYear),
        endYear: Number(f.values.endYear),
        status: f.values.status as Term['status'],
        electionDate: f.values.electionDate || null,
        votesReceived: int(f.values.votesReceived),
        seats: int(f.values.seats),
        regionGroup: f.values.regionGroup.trim() || null,
      };
      return term ? updateTerm(term.id, { ...body, version: term.version }) : createTerm(body);
    },
    success: term ? h.saved : h.created,
    onSuccess: useSaved(onDone),
  });
  return (
    <FormPanel
      title={term ? h.editTerm : h.newTerm}
      headingLevel={2}
      panel
      focusOnMount
      submit={submit}
      submitLabel={term ? t.common.save : h.createTerm}
      onCancel={() => onDone(null, null)}
      testId="hrc-term-form"
      showSuccess={false}
    >
      <TextField
        label={h.startYear}
        {...f.field('startYear')}
        error={submit.fieldErrors.startYear}
        required
      />
      <TextField label={h.endYear} {...f.field('endYear')} error={submit.fieldErrors.endYear} required />
      <SelectField
        label={h.status}
        options={(['candidate', 'member', 'past'] as const).map((s) => ({ value: s, label: h.statuses[s] }))}
        {...f.field('status')}
      />
      <DateField
        label={h.electionDate}
        {...f.field('electionDate')}
        error={submit.fieldErrors.electionDate}
      />
      <TextField
        label={h.votesReceived}
        type="number"
        {...f.field('votesReceived')}
        error={submit.fieldErrors.votesReceived}
      />
      <TextField label={h.seats} type="number" {...f.field('seats')} error={submit.fieldErrors.seats} />
      <TextField label={h.regionGroup} {...f.field('regionGroup')} error={submit.fieldErrors.regionGroup} />
    </FormPanel>
  );
}

/** Adds a priority, or (with `item`) changes one: the version seen is sent, a stale one is refused. */
export function PriorityForm({ term, item, onDone }: { term: Term; item?: Priority | null; onDone: Done }) {
  const { t } = useI18n();
  const h = t.hrc;
  const f = useFields({
    title: item?.title ?? '',
    description: item?.description ?? '',
    position: String(item ? item.position : term.priorities.length + 1),
  });
  const submit = useSubmit<Term>({
    validate: (): FieldErrors => (f.values.title.trim() ? {} : { title: h.textRequired }),
    action: () => {
      const body = {
        title: f.values.title.trim(),
        description: f.values.description.trim() || null,
        position: int(f.values.position) ?? 0,
      };
      return item ? updatePriority(item.id, { ...body, version: item.version }) : addPriority(term.id, body);
    },
    success: h.saved,
    onSuccess: useSaved(onDone),
  });
  return (
    <FormPanel
      title={item ? h.editPriority : h.addPriority}
      headingLevel={3}
      panel
      focusOnMount
      submit={submit}
      submitLabel={item ? t.common.save : h.addPriority}
      onCancel={() => onDone(null, null)}
      testId="hrc-priority-form"
      showSuccess={false}
    >
      <TextField label={h.priorityTitle} {...f.field('title')} error={submit.fieldErrors.title} required />
      <TextAreaField
        label={h.description}
        {...f.field('description')}
        error={submit.fieldErrors.description}
      />
      <TextField
        label={h.position}
        type="number"
        {...f.field('position')}
        error={submit.fieldErrors.position}
      />
    </FormPanel>
  );
}

export function PledgeForm({ term, onDone }: { term: Term; onDone: Done }) {
  const { t } = useI18n();
  const h = t.hrc;
  const f = useFields({ text: '', madeOn: '', dueOn: '' });
  const submit = useSubmit<Term>({
    validate: (): FieldErrors => (f.values.text.trim() ? {} : { text: h.textRequired }),
    action: () =>
      addPledge(term.id, {
        text: f.values.text.trim(),
        madeOn: f.values.madeOn || null,
        dueOn: f.values.dueOn || null,
      }),
    success: h.saved,
    onSuccess: useSaved(onDone),
  });
  return (
    <FormPanel
      title={h.addPledge}
      headingLevel={3}
      panel
      focusOnMount
      submit={submit}
      submitLabel={h.addPledge}
      onCancel={() => onDone(null, null)}
      testId="hrc-pledge-form"
      showSuccess={false}
    >
      <TextAreaField
        label={h.pledgeText}
        hint={h.pledgeHint}
        {...f.field('text')}
        error={submit.fieldErrors.text}
        required
      />
      <DateField label={h.madeOn} {...f.field('madeOn')} error={submit.fieldErrors.madeOn} />
      <DateField label={h.dueOn} {...f.field('dueOn')} error={submit.fieldErrors.dueOn} />
    </FormPanel>
  );
}

export function ResolutionForm({
  term,
  item,
  onDone,
}: {
  term: Term;
  item?: Resolution | null;
  onDone: Done;
}) {
  const { t } = useI18n();
  const h = t.hrc;
  const f = useFields({
    title: item?.title ?? '',
    symbol: item?.symbol ?? '',
    session: item?.session != null ? String(item.session) : '',
    role: item?.role ?? 'lead',
    coreGroup: item?.coreGroup.join(', ') ?? '',
    adoptedOn: item?.adoptedOn ?? '',
    vote: item?.vote ?? '',
  });
  const submit = useSubmit<Term>({
    validate: () => {
      const e: FieldErrors = {};
      if (!f.values.title.trim()) e.title = h.textRequired;
      if (!/^A\/HRC\/RES\/\d{1,3}\/\d{1,4}$/.test(f.values.symbol.trim())) e.symbol = h.symbolHint;
      return e;
    },
    action: () => {
      const body = {
        title: f.values.title.trim(),
        symbol: f.values.symbol.trim(),
        session: int(f.values.session),
        role: f.values.role as 'lead' | 'co_sponsor',
        coreGroup: f.values.coreGroup
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        adoptedOn: f.values.adoptedOn || null,
        vote: f.values.vote.trim() || null,
      };
      return item
        ? updateResolution(item.id, { ...body, version: item.version })
        : addResolution(term.id, body);
    },
    success: h.saved,
    onSuccess: useSaved(onDone),
  });
  return (
    <FormPanel
      title={item ? h.editResolution : h.addResolution}
      headingLevel={3}
      panel
      focusOnMount
      submit={submit}
      submitLabel={item ? t.common.save : h.addResolution}
      onCancel={() => onDone(null, null)}
      testId="hrc-resolution-form"
      showSuccess={false}
    >
      <TextField label={h.resolutionTitle} {...f.field('title')} error={submit.fieldErrors.title} required />
      <TextField
        label={h.symbol}
        hint={h.symbolHint}
        {...f.field('symbol')}
        error={submit.fieldErrors.symbol}
        required
      />
      <TextField label={h.session} type="number" {...f.field('session')} error={submit.fieldErrors.session} />
      <SelectField
        label={h.role}
        options={(['lead', 'co_sponsor'] as const).map((r) => ({ value: r, label: h.roles[r] }))}
        {...f.field('role')}
      />
      <TextField
        label={h.coreGroup}
        hint={h.coreGroupHint}
        {...f.field('coreGroup')}
        error={submit.fieldErrors.coreGroup}
      />
      <DateField label={h.adoptedOn} {...f.field('adoptedOn')} error={submit.fieldErrors.adoptedOn} />
      <TextField label={h.vote} {...f.field('vote')} error={submit.fieldErrors.vote} />
    </FormPanel>
  );
}

export function ResultForm({ term, item, onDone }: { term: Term; item?: YearResult | null; onDone: Done }) {
  const { t } = useI18n();
  const h = t.hrc;
  const f = useFields({ year: item ? String(item.year) : '', text: item?.text ?? '' });
  const submit = useSubmit<Term>({
    validate: () => {
      const e: FieldErrors = {};
      if (!yearOk(f.values.year)) e.year = h.yearRequired;
      if (!f.values.text.trim()) e.text = h.textRequired;
      return e;
    },
    action: () =>
      item
        ? updateResult(item.id, { text: f.values.text.trim(), version: item.version })
        : addResult(term.id, { year: Number(f.values.year), text: f.values.text.trim() }),
    success: h.saved,
    onSuccess: useSaved(onDone),
  });
  return (
    <FormPanel
      title={item ? fmt(h.editResult, { year: item.year }) : h.addResult}
      headingLevel={3}
      panel
      focusOnMount
      submit={submit}
      submitLabel={item ? t.common.save : h.addResult}
      onCancel={() => onDone(null, null)}
      testId="hrc-result-form"
      showSuccess={false}
    >
      <TextField
        label={h.year}
        {...f.field('year')}
        error={submit.fieldErrors.year}
        readOnly={Boolean(item)}
        required
      />
      <TextAreaField label={h.resultText} {...f.field('text')} error={submit.fieldErrors.text} required />
    </FormPanel>
  );
}
