import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Template, TemplateStep } from '../../src/process/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { api, qs } from '../lib/api.ts';
import { useOrganisations } from '../lib/organisations.ts';
import { SignedInPage } from '../components/access.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { QueryState } from '../components/feedback.tsx';
import { FormFeedback, SelectField, useEditor, useSubmit } from '../components/form/index.ts';
import { ActionButton, Unverified } from '../components/ui.tsx';
import { StepForm } from './StepForm.tsx';

const TEMPLATES_KEY = ['process-templates'] as const;

export function ProcessTemplatesPage() {
  const { t } = useI18n();
  return <SignedInPage title={t.process.title}>{() => <Templates />}</SignedInPage>;
}

function Templates() {
  const { t, name } = useI18n();
  const templates = useQuery({
    queryKey: TEMPLATES_KEY,
    queryFn: () => api<Page<Template>>('GET', `/api/process-templates${qs({ pageSize: 100 })}`),
  });
  const [chosen, setChosen] = useState('');
  const items = templates.data?.items ?? [];
  const template = items.find((x) => x.id === chosen) ?? items[0];
  return (
    <>
      <Paragraph appearance="lead">{t.process.intro}</Paragraph>
      {template && !template.abilities.edit && <Paragraph>{t.process.readOnly}</Paragraph>}
      <QueryState query={templates} />
      {items.length > 1 && (
        <SelectField
          label={t.process.template}
          name="template"
          value={template?.id ?? ''}
          onChange={setChosen}
          options={items.map((x) => ({ value: x.id, label: name(x) }))}
        />
      )}
      {template && <TemplateView key={template.id} template={template} />}
    </>
  );
}

/** "6 months before the report due date". */
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

function TemplateView({ template }: { template: Template }) {
  const { t, name, lang } = useI18n();
  const qc = useQueryClient();
  const timing = useTiming();
  const orgById = new Map((useOrganisations().data?.items ?? []).map((o) => [o.id, o]));
  const editor = useEditor<TemplateStep | 'new'>();
  const mayEdit = template.abilities.edit;
  const store = (tpl: Template) =>
    qc.setQueryData<Page<Template>>(TEMPLATES_KEY, (old) =>
      old ? { ...old, items: old.items.map((x) => (x.id === tpl.id ? tpl : x)) } : old,
    );
  const reorder = useSubmit({
    action: (stepIds: string[]) =>
      api<Template>('POST', `/api/process-templates/${template.id}/order`, {
        version: template.version,
        stepIds,
      }),
    success: t.process.reordered,
    onSuccess: store,
  });
  // The removed step's buttons go with it: its message takes the focus.
  const removal = useSubmit({
    action: (s: TemplateStep) =>
      api<Template>('DELETE', `/api/process-steps/${s.id}${qs({ version: s.version })}`),
    success: t.process.removed,
    onSuccess: store,
  });
  const move = (index: number, by: number) => {
    removal.reset();
    const ids = template.steps.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    void reorder.run(ids);
  };
  const remove = (s: TemplateStep) => {
    reorder.reset();
    void removal.run(s);
  };
  const title = (s: TemplateStep) => (lang === 'nl' ? s.titleNl : s.titleEn);
  const description = (s: TemplateStep) => (lang === 'nl' ? s.descriptionNl : s.descriptionEn);
  const owner = (s: TemplateStep) => {
    const org = s.ownerOrganisationId ? orgById.get(s.ownerOrganisationId) : undefined;
    return s.ownerKind === 'organisation' && org
      ? `${name(org)} (${org.code})`
      : (t.process.ownerKinds[s.ownerKind] ?? s.ownerKind);
  };
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
      <FormFeedback submit={reorder} successTestId="steps-notice" />
      <FormFeedback submit={removal} focusSuccess successTestId="steps-notice" />
      <DataTable
        captionId="steps-caption"
        caption={fmt(t.process.stepsCaption, { name: name(template) })}
        columns={[
          t.process.position,
          t.process.step,
          t.process.owner,
          t.process.timing,
          t.process.category,
          mayEdit && t.process.actions,
        ]}
        testId="steps-table"
      >
        {template.steps.map((s, index) => (
          <TableRow key={s.id} data-testid="step-row">
            <TableCell>{s.position}</TableCell>
            <TableHeaderCell scope="row">
              {title(s)}
              {description(s) && <span className="rd-subtle rd-task-description">{description(s)}</span>}
            </TableHeaderCell>
            <TableCell>{owner(s)}</TableCell>
            <TableCell>
              {timing(s)} {!s.verified && <Unverified />}
            </TableCell>
            <TableCell>{t.process.categories[s.category] ?? s.category}</TableCell>
            {mayEdit && (
              <TableCell>
                <ButtonGroup>
                  <ActionButton text={t.common.edit} subject={title(s)} onClick={() => editor.open(s)} />
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
                  <ActionButton text={t.process.remove} subject={title(s)} onClick={() => remove(s)} />
                </ButtonGroup>
              </TableCell>
            )}
          </TableRow>
        ))}
      </DataTable>
      {editor.notice}
      {mayEdit && editor.value === null && (
        <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('new')}>
          {t.process.addStep}
        </Button>
      )}
      {mayEdit && editor.value !== null && (
        <StepForm
          key={editor.value === 'new' ? 'new' : editor.value.id}
          template={template}
          step={editor.value === 'new' ? null : editor.value}
          onSaved={store}
          onClose={editor.close}
        />
      )}
    </section>
  );
}
