import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { z } from 'zod';
import type { Example, ExampleGroup } from '../../src/report/examples-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { Confirmation } from '../components/Confirmation.tsx';
import { QueryState } from '../components/feedback.tsx';
import {
  FormFeedback,
  FormPanel,
  TextAreaField,
  TextField,
  useEditor,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { ActionButton } from '../components/ui.tsx';
import {
  createExample,
  examplesKey,
  moveExample,
  removeExample,
  updateExample,
  useExamples,
} from './contributions-api.ts';

type Group = z.infer<typeof ExampleGroup>;

/** The examples of a year per result area (and, in area 1, per priority), edited by those who manage. */
export function ExamplesSection({ year }: { year: number }) {
  const { t, lang } = useI18n();
  const list = useExamples(year);
  const manage = list.data?.abilities.manage ?? false;
  return (
    <section aria-labelledby="examples-heading" data-testid="examples">
      <Heading level={2} id="examples-heading">
        {fmt(t.examples.title, { year })}
      </Heading>
      <Paragraph>{t.examples.intro}</Paragraph>
      <QueryState query={list} />
      {list.data?.areas.map((a) => {
        const title = fmt(t.contributions.areaTitle, {
          code: a.code,
          title: lang === 'en' ? a.titleEn : a.titleNl,
        });
        return (
          <section
            key={a.code}
            aria-labelledby={`examples-area-${a.code}`}
            data-testid={`examples-area-${a.code}`}
          >
            <Heading level={3} id={`examples-area-${a.code}`}>
              {title}
            </Heading>
            {a.groups.map((g) => (
              <ExampleGroupView
                key={g.priority ?? 'general'}
                year={year}
                area={a.code}
                group={g}
                name={g.priority ? ((lang === 'en' ? g.labelEn : g.labelNl) ?? '') : title}
                titled={a.groups.length > 1}
                manage={manage}
              />
            ))}
          </section>
        );
      })}
    </section>
  );
}

function ExampleGroupView(props: {
  year: number;
  area: number;
  group: Group;
  name: string;
  titled: boolean;
  manage: boolean;
}) {
  const { t } = useI18n();
  const editor = useEditor<'add'>();
  const { group } = props;
  return (
    <div data-testid={`examples-group-${props.area}-${group.priority ?? 'general'}`}>
      {props.titled && <Heading level={4}>{group.priority ? props.name : t.examples.general}</Heading>}
      {editor.notice}
      {group.examples.length === 0 ? (
        <Paragraph className="rd-hint">{t.examples.none}</Paragraph>
      ) : (
        <ol>
          {group.examples.map((e, i) => (
            <li key={e.id} data-testid="example">
              <ExampleItem
                year={props.year}
                example={e}
                manage={props.manage}
                first={i === 0}
                last={i === group.examples.length - 1}
                onRemoved={(m) => editor.close(m)}
              />
            </li>
          ))}
        </ol>
      )}
      {props.manage &&
        (editor.value === 'add' ? (
          <ExampleForm
            year={props.year}
            title={fmt(t.examples.addTo, { name: props.name })}
            create={{ areaCode: props.area, priority: group.priority }}
            onDone={(m) => editor.close(m)}
          />
        ) : (
          <ActionButton text={t.examples.add} subject={props.name} onClick={() => editor.open('add')} />
        ))}
    </div>
  );
}

function ExampleForm(props: {
  year: number;
  title: string;
  example?: Example;
  create?: { areaCode: number; priority: Group['priority'] };
  onDone(message?: string | null): void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const fields = useFields({ title: props.example?.title ?? '', body: props.example?.body ?? '' });
  const submit = useSubmit<Example>({
    validate: () => {
      const errors: FieldErrors = {};
      if (!fields.values.title.trim()) errors.title = t.examples.required;
      if (!fields.values.body.trim()) errors.body = t.examples.required;
      return errors;
    },
    action: () =>
      props.example
        ? updateExample(props.example.id, { ...fields.values, version: props.example.version })
        : createExample({ year: props.year, ...props.create!, ...fields.values }),
    success: props.example ? t.examples.saved : t.examples.added,
    onSuccess: async (_r, message) => {
      await qc.invalidateQueries({ queryKey: examplesKey(props.year) });
      props.onDone(message);
    },
  });
  return (
    <FormPanel
      title={props.title}
      headingLevel={4}
      focusOnMount
      panel
      submit={submit}
      submitLabel={t.contributions.save}
      onCancel={() => props.onDone()}
      testId="example-form"
    >
      <TextField
        label={t.examples.editTitle}
        required
        error={submit.fieldErrors.title}
        {...fields.field('title')}
      />
      <TextAreaField
        label={t.examples.editBody}
        required
        rows={8}
        error={submit.fieldErrors.body}
        {...fields.field('body')}
      />
    </FormPanel>
  );
}

function ExampleItem(props: {
  year: number;
  example: Example;
  manage: boolean;
  first: boolean;
  last: boolean;
  onRemoved(message: string | null): void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const e = props.example;
  const editor = useEditor<'edit'>();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: examplesKey(props.year) });
  const del = useSubmit<void>({
    action: () => removeExample(e.id, e.version),
    success: t.examples.removed,
    onSuccess: async (_r, message) => {
      props.onRemoved(message);
      await refresh();
    },
  });
  const move = useSubmit<Example, 'up' | 'down'>({
    action: (direction) => moveExample(e.id, direction, e.version),
    success: t.examples.moved,
    onSuccess: refresh,
  });
  if (editor.value === 'edit')
    return (
      <ExampleForm year={props.year} example={e} title={t.examples.edit} onDone={(m) => editor.close(m)} />
    );
  return (
    <div>
      {editor.notice}
      <Paragraph>
        <strong data-testid="example-title">{e.title}</strong>
      </Paragraph>
      <Paragraph className="rd-prewrap" data-testid="example-body">
        {e.body}
      </Paragraph>
      <Paragraph className="rd-hint">
        {e.organisation ? fmt(t.examples.from, { organisation: e.organisation }) : t.examples.byHand}
      </Paragraph>
      {props.manage && (
        <>
          <FormFeedback submit={del} showSuccess={false} />
          <FormFeedback submit={move} />
          {confirming ? (
            <Confirmation
              question={fmt(t.examples.removeQuestion, { title: e.title })}
              yes={t.examples.removeYes}
              submit={del}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <>
              <ActionButton text={t.examples.edit} subject={e.title} onClick={() => editor.open('edit')} />
              {!props.first && (
                <ActionButton text={t.examples.up} subject={e.title} onClick={() => void move.run('up')} />
              )}
              {!props.last && (
                <ActionButton
                  text={t.examples.down}
                  subject={e.title}
                  onClick={() => void move.run('down')}
                />
              )}
              <ActionButton text={t.examples.remove} subject={e.title} onClick={() => setConfirming(true)} />
            </>
          )}
        </>
      )}
    </div>
  );
}
