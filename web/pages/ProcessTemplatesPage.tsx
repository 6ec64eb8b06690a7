import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { PHASE_KINDS } from '../../src/cycles/schema.ts';
import type { Template, TemplateStep } from '../../src/process/schema.ts';
import { STEP_CATEGORIES } from '../../src/process/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, ApiError, qs } from '../lib/api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import {
  ActionButton,
  ErrorAlert,
  Loading,
  SelectField,
  TableScroll,
  TextField,
  Unverified,
  SignedInPage,
} from '../components/ui.tsx';
import { TextAreaField, useIsCoordinatingMinistry, useOrganisations } from './TasksTable.tsx';

export function ProcessTemplatesPage() {
  const { t } = useI18n();
  return (
    <SignedInPage title={t.process.title} redirect="/process">
      {() => <Templates />}
    </SignedInPage>
  );
}

function Templates() {
  const { t, name } = useI18n();
  const mayEdit = useIsCoordinatingMinistry();
  const templates = useQuery({
    queryKey: ['process-templates'],
    queryFn: () => api<Page<Template>>('GET', `/api/process-templates${qs({ pageSize: 100 })}`),
  });
  const [chosen, setChosen] = useState('');
  const items = templates.data?.items ?? [];
  const template = items.find((x) => x.id === chosen) ?? items[0];
  return (
    <>
      <Paragraph appearance="lead">{t.process.intro}</Paragraph>
      {!mayEdit && <Paragraph>{t.process.readOnly}</Paragraph>}
      {templates.isPending && <Loading />}
      {templates.isError && <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />}
      {items.length > 1 && (
        <SelectField
          label={t.process.template}
          name="template"
          value={template?.id ?? ''}
          onChange={setChosen}
          options={items.map((x) => ({ value: x.id, label: name(x) }))}
        />
      )}
      {template && <TemplateView key={template.id} template={template} mayEdit={mayEdit} />}
    </>
  );
}

function useTiming() {
  const { t, phase } = useI18n();
  return (s: Pick<TemplateStep, 'offsetAmount' | 'offsetUnit' | 'anchorPhase'>) => {
    const unit = t.process.units[s.offsetUnit] ?? s.offsetUnit;
    if (s.offsetAmount === 0) return fmt(t.process.on, { phase: phase(s.anchorPhase) });
    return fmt(s.offsetAmount < 0 ? t.process.before : t.process.after, {
      n: Math.abs(s.offsetAmount),
      unit,
      phase: phase(s.anchorPhase),
    });
  };
}

function TemplateView({ template, mayEdit }: { template: Template; mayEdit: boolean }) {
  const { t, name, lang } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const timing = useTiming();
  const orgs = useOrganisations().data?.items ?? [];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const [editing, setEditing] = useState<TemplateStep | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const store = (tpl: Template) => {
    qc.setQueryData<Page<Template>>(['process-templates'], (old) =>
      old ? { ...old, items: old.items.map((x) => (x.id === tpl.id ? tpl : x)) } : old,
    );
  };
  const act = async (fn: () => Promise<Template>, message: string) => {
    setError(null);
    try {
      store(await fn());
      announce(message);
    } catch (err) {
      setError(err);
    }
  };
  const move = (index: number, by: number) => {
    const ids = template.steps.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    void act(
      () =>
        api<Template>('POST', `/api/process-templates/${template.id}/order`, {
          version: template.version,
          stepIds: ids,
        }),
      t.process.reordered,
    );
  };
  const title = (s: TemplateStep) => (lang === 'nl' ? s.titleNl : s.titleEn);
  return (
    <section aria-labelledby="template-heading">
      <Heading level={2} id="template-heading">
        {name(template)} {!template.verified && <Unverified />}
      </Heading>
      {template.description && <Paragraph>{template.description}</Paragraph>}
      {template.source && (
        <Paragraph className="rd-subtle">
          {t.process.source}: {template.source}
        </Paragraph>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <TableScroll labelledBy="steps-caption">
        <Table className="rd-table" data-testid="steps-table">
          <TableCaption id="steps-caption">
            {fmt(t.process.stepsCaption, { name: name(template) })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.process.position}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.process.step}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.process.owner}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.process.timing}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.process.category}</TableHeaderCell>
              {mayEdit && <TableHeaderCell scope="col">{t.process.actions}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {template.steps.map((s, index) => {
              const org = s.ownerOrganisationId ? orgById.get(s.ownerOrganisationId) : undefined;
              return (
                <TableRow key={s.id} data-testid="step-row">
                  <TableCell>{s.position}</TableCell>
                  <TableHeaderCell scope="row">
                    {title(s)}
                    {(lang === 'nl' ? s.descriptionNl : s.descriptionEn) && (
                      <span className="rd-subtle rd-task-description">
                        {lang === 'nl' ? s.descriptionNl : s.descriptionEn}
                      </span>
                    )}
                  </TableHeaderCell>
                  <TableCell>
                    {s.ownerKind === 'organisation' && org
                      ? `${name(org)} (${org.code})`
                      : (t.process.ownerKinds[s.ownerKind] ?? s.ownerKind)}
                  </TableCell>
                  <TableCell>
                    {timing(s)} {!s.verified && <Unverified />}
                  </TableCell>
                  <TableCell>{t.process.categories[s.category] ?? s.category}</TableCell>
                  {mayEdit && (
                    <TableCell>
                      <ButtonGroup>
                        <ActionButton
                          text={t.common.edit}
                          subject={title(s)}
                          onClick={() => {
                            setAdding(false);
                            setEditing(s);
                          }}
                        />
                        {index > 0 && (
                          <ActionButton
                            text={t.process.moveUp}
                            subject={title(s)}
                            onClick={() => move(index, -1)}
                          />
                        )}
                        {index < template.steps.length - 1 && (
                          <ActionButton
                            text={t.process.moveDown}
                            subject={title(s)}
                            onClick={() => move(index, 1)}
                          />
                        )}
                        <ActionButton
                          text={t.process.remove}
                          subject={title(s)}
                          onClick={() =>
                            void act(
                              () => api<Template>('DELETE', `/api/process-steps/${s.id}`),
                              t.process.removed,
                            )
                          }
                        />
                      </ButtonGroup>
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableScroll>
      {mayEdit && !adding && !editing && (
        <Button appearance="secondary-action-button" type="button" onClick={() => setAdding(true)}>
          {t.process.addStep}
        </Button>
      )}
      {mayEdit && (adding || editing) && (
        <StepForm
          key={editing?.id ?? 'new'}
          template={template}
          step={editing}
          onSaved={(tpl, message) => {
            store(tpl);
            announce(message);
            setAdding(false);
            setEditing(null);
          }}
          onCancel={() => {
            setAdding(false);
            setEditing(null);
          }}
        />
      )}
    </section>
  );
}

function StepForm({
  template,
  step,
  onSaved,
  onCancel,
}: {
  template: Template;
  step: TemplateStep | null;
  onSaved(tpl: Template, message: string): void;
  onCancel(): void;
}) {
  const { t, name, phase } = useI18n();
  const orgs = useOrganisations().data?.items ?? [];
  const [f, setF] = useState({
    titleNl: step?.titleNl ?? '',
    titleEn: step?.titleEn ?? '',
    descriptionNl: step?.descriptionNl ?? '',
    descriptionEn: step?.descriptionEn ?? '',
    ownerKind: step?.ownerKind ?? 'lead_ministry',
    ownerOrganisationId: step?.ownerOrganisationId ?? '',
    category: step?.category ?? 'other',
    anchorPhase: step?.anchorPhase ?? 'report_due',
    offsetAmount: String(step?.offsetAmount ?? 0),
    offsetUnit: step?.offsetUnit ?? 'months',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const body = {
      ...f,
      descriptionNl: f.descriptionNl.trim() || null,
      descriptionEn: f.descriptionEn.trim() || null,
      ownerOrganisationId: f.ownerKind === 'organisation' ? f.ownerOrganisationId || null : null,
      offsetAmount: Number(f.offsetAmount),
    };
    try {
      const tpl = step
        ? await api<Template>('PATCH', `/api/process-steps/${step.id}`, { ...body, version: step.version })
        : await api<Template>('POST', `/api/process-templates/${template.id}/steps`, body);
      onSaved(tpl, step ? t.process.stepSaved : t.process.stepAdded);
    } catch (err) {
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors());
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="rd-form"
      aria-labelledby="step-form-heading"
    >
      <Heading level={3} id="step-form-heading">
        {step ? t.process.editStep : t.process.addStep}
      </Heading>
      {error !== null && <ErrorAlert error={error} />}
      <TextField
        label={t.process.titleNl}
        name="titleNl"
        value={f.titleNl}
        onChange={set('titleNl')}
        required
        error={fieldErrors.titleNl}
      />
      <TextField
        label={t.process.titleEn}
        name="titleEn"
        value={f.titleEn}
        onChange={set('titleEn')}
        required
        error={fieldErrors.titleEn}
      />
      <TextAreaField
        label={t.process.descriptionNl}
        name="descriptionNl"
        value={f.descriptionNl}
        onChange={set('descriptionNl')}
        rows={2}
      />
      <TextAreaField
        label={t.process.descriptionEn}
        name="descriptionEn"
        value={f.descriptionEn}
        onChange={set('descriptionEn')}
        rows={2}
      />
      <SelectField
        label={t.process.ownerKind}
        name="ownerKind"
        value={f.ownerKind}
        onChange={set('ownerKind')}
        options={(['lead_ministry', 'coordinating_ministry', 'organisation'] as const).map((k) => ({
          value: k,
          label: t.process.ownerKinds[k] ?? k,
        }))}
      />
      {f.ownerKind === 'organisation' && (
        <SelectField
          label={t.process.ownerOrganisation}
          hint={t.process.ownerOrganisationHint}
          name="ownerOrganisationId"
          value={f.ownerOrganisationId}
          onChange={set('ownerOrganisationId')}
          required
          error={fieldErrors.ownerOrganisationId}
          options={[
            { value: '', label: t.meetings.choose },
            ...orgs
              .filter((o) => o.current)
              .sort((a, b) => name(a).localeCompare(name(b)))
              .map((o) => ({ value: o.id, label: `${name(o)} (${o.code})` })),
          ]}
        />
      )}
      <SelectField
        label={t.process.category}
        name="category"
        value={f.category}
        onChange={set('category')}
        options={STEP_CATEGORIES.map((c) => ({ value: c, label: t.process.categories[c] ?? c }))}
      />
      <SelectField
        label={t.process.anchorPhase}
        name="anchorPhase"
        value={f.anchorPhase}
        onChange={set('anchorPhase')}
        options={PHASE_KINDS.map((k) => ({ value: k, label: phase(k) }))}
      />
      <TextField
        label={t.process.offsetAmount}
        hint={t.process.offsetAmountHint}
        name="offsetAmount"
        type="number"
        value={f.offsetAmount}
        onChange={set('offsetAmount')}
        required
        error={fieldErrors.offsetAmount}
      />
      <SelectField
        label={t.process.offsetUnit}
        name="offsetUnit"
        value={f.offsetUnit}
        onChange={set('offsetUnit')}
        options={(['months', 'days'] as const).map((u) => ({ value: u, label: t.process.units[u] ?? u }))}
      />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" disabled={busy}>
          {t.common.save}
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={onCancel}>
          {t.common.cancel}
        </Button>
      </ButtonGroup>
    </form>
  );
}
