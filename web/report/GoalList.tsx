import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Goal, Indicator } from '../../src/report/framework-schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { Confirmation } from '../components/Confirmation.tsx';
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
  addGoal,
  addIndicator,
  frameworkKey,
  removeGoal,
  removeIndicator,
  updateGoal,
  updateIndicator,
} from './api.ts';
import './texts.ts';

type Parent = { areaId: string } | { priorityId: string };

/** The goals of a result area or a priority, each with its indicators; edited by whoever may. */
export function GoalList(props: {
  year: number;
  parent: Parent;
  name: string;
  goals: Goal[];
  edit: boolean;
}) {
  const { t } = useI18n();
  const editor = useEditor<'add'>();
  return (
    <div className="rd-framework-goals">
      {editor.notice}
      {props.goals.length === 0 ? (
        <Paragraph>{t.framework.noGoals}</Paragraph>
      ) : (
        <ol>
          {props.goals.map((g) => (
            <li key={g.id} data-testid="framework-goal">
              <GoalItem year={props.year} goal={g} edit={props.edit} onRemoved={(m) => editor.close(m)} />
            </li>
          ))}
        </ol>
      )}
      {props.edit &&
        (editor.value === 'add' ? (
          <GoalForm
            year={props.year}
            parent={props.parent}
            title={fmt(t.framework.addGoalTo, { name: props.name })}
            onDone={(m) => editor.close(m)}
          />
        ) : (
          <ActionButton text={t.framework.addGoal} subject={props.name} onClick={() => editor.open('add')} />
        ))}
    </div>
  );
}

function GoalForm(props: {
  year: number;
  parent?: Parent;
  goal?: Goal;
  title: string;
  onDone: (message?: string | null) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const fields = useFields({ text: props.goal?.text ?? '' });
  const submit = useSubmit<Goal>({
    validate: (): FieldErrors => (fields.values.text.trim() ? {} : { text: t.framework.goalText }),
    action: () =>
      props.goal
        ? updateGoal(props.goal.id, { text: fields.values.text, version: props.goal.version })
        : addGoal(props.year, { ...props.parent, text: fields.values.text }),
    success: props.goal ? t.framework.goalSaved : t.framework.goalAdded,
    onSuccess: async (_r, message) => {
      await qc.invalidateQueries({ queryKey: frameworkKey(props.year) });
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
      submitLabel={t.framework.save}
      onCancel={() => props.onDone()}
      testId="framework-goal-form"
    >
      <TextAreaField
        label={t.framework.goalText}
        required
        error={submit.fieldErrors.text}
        {...fields.field('text')}
      />
    </FormPanel>
  );
}

function GoalItem({
  year,
  goal,
  edit,
  onRemoved,
}: {
  year: number;
  goal: Goal;
  edit: boolean;
  onRemoved: (message: string | null) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const editor = useEditor<'edit' | 'indicator'>();
  const [confirming, setConfirming] = useState(false);
  const del = useSubmit<void>({
    action: () => removeGoal(goal.id, goal.version),
    success: t.framework.goalRemoved,
    onSuccess: async (_r, message) => {
      onRemoved(message);
      await qc.invalidateQueries({ queryKey: frameworkKey(year) });
    },
  });
  return (
    <div>
      {editor.notice}
      {editor.value === 'edit' ? (
        <GoalForm year={year} goal={goal} title={t.framework.editGoal} onDone={(m) => editor.close(m)} />
      ) : (
        <Paragraph className="rd-prewrap" data-testid="framework-goal-text">
          {goal.text}
        </Paragraph>
      )}
      {edit && editor.value !== 'edit' && (
        <>
          <FormFeedback submit={del} showSuccess={false} />
          {confirming ? (
            <Confirmation
              question={fmt(t.framework.removeGoalQuestion, { text: goal.text })}
              yes={t.framework.yes}
              submit={del}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <>
              <ActionButton
                text={t.framework.editGoal}
                subject={goal.text}
                onClick={() => editor.open('edit')}
              />
              <ActionButton
                text={t.framework.removeGoal}
                subject={goal.text}
                onClick={() => setConfirming(true)}
              />
            </>
          )}
        </>
      )}
      <Heading level={5}>{t.framework.indicators}</Heading>
      {goal.indicators.length > 0 && (
        <ul>
          {goal.indicators.map((i) => (
            <li key={i.id} data-testid="framework-indicator">
              <IndicatorItem year={year} indicator={i} edit={edit} onRemoved={(m) => editor.close(m)} />
            </li>
          ))}
        </ul>
      )}
      {edit &&
        (editor.value === 'indicator' ? (
          <IndicatorForm
            year={year}
            goalId={goal.id}
            title={t.framework.addIndicator}
            onDone={(m) => editor.close(m)}
          />
        ) : (
          <ActionButton
            text={t.framework.addIndicator}
            subject={goal.text}
            onClick={() => editor.open('indicator')}
          />
        ))}
    </div>
  );
}

function IndicatorItem({
  year,
  indicator: i,
  edit,
  onRemoved,
}: {
  year: number;
  indicator: Indicator;
  edit: boolean;
  onRemoved: (message: string | null) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const editor = useEditor<'edit'>();
  const [confirming, setConfirming] = useState(false);
  const del = useSubmit<void>({
    action: () => removeIndicator(i.id, i.version),
    success: t.framework.indicatorRemoved,
    onSuccess: async (_r, message) => {
      onRemoved(message);
      await qc.invalidateQueries({ queryKey: frameworkKey(year) });
    },
  });
  const none = t.common.none;
  if (editor.value === 'edit')
    return (
      <IndicatorForm
        year={year}
        indicator={i}
        title={t.framework.editIndicator}
        onDone={(m) => editor.close(m)}
      />
    );
  return (
    <>
      {editor.notice}
      <span data-testid="framework-indicator-text">{i.text}</span>
      {' — '}
      {t.framework.unit}: {i.unit ?? none}; {t.framework.baseline}: {i.baseline ?? none}; {t.framework.target}
      : {i.target ?? none}; {t.framework.reached}:{' '}
      <span data-testid="framework-indicator-reached">{i.reached ?? none}</span>
      {edit && (
        <>
          <FormFeedback submit={del} showSuccess={false} />
          {confirming ? (
            <Confirmation
              question={fmt(t.framework.removeIndicatorQuestion, { text: i.text })}
              yes={t.framework.yes}
              submit={del}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <>
              {' '}
              <ActionButton
                text={t.framework.editIndicator}
                subject={i.text}
                onClick={() => editor.open('edit')}
              />
              <ActionButton
                text={t.framework.removeIndicator}
                subject={i.text}
                onClick={() => setConfirming(true)}
              />
            </>
          )}
        </>
      )}
    </>
  );
}

function IndicatorForm(props: {
  year: number;
  goalId?: string;
  indicator?: Indicator;
  title: string;
  onDone: (message?: string | null) => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const i = props.indicator;
  const fields = useFields({
    text: i?.text ?? '',
    unit: i?.unit ?? '',
    baseline: i?.baseline ?? '',
    target: i?.target ?? '',
    reached: i?.reached ?? '',
  });
  const submit = useSubmit<Indicator>({
    validate: (): FieldErrors => (fields.values.text.trim() ? {} : { text: t.framework.indicatorText }),
    action: () =>
      i
        ? updateIndicator(i.id, { ...fields.values, version: i.version })
        : addIndicator(props.goalId!, fields.values),
    success: i ? t.framework.indicatorSaved : t.framework.indicatorAdded,
    onSuccess: async (_r, message) => {
      await qc.invalidateQueries({ queryKey: frameworkKey(props.year) });
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
      submitLabel={t.framework.save}
      onCancel={() => props.onDone()}
      testId="framework-indicator-form"
    >
      <TextField
        label={t.framework.indicatorText}
        required
        error={submit.fieldErrors.text}
        {...fields.field('text')}
      />
      <TextField label={t.framework.unit} {...fields.field('unit')} />
      <TextField label={t.framework.baseline} {...fields.field('baseline')} />
      <TextField label={t.framework.target} {...fields.field('target')} />
      <TextField label={t.framework.reached} {...fields.field('reached')} />
    </FormPanel>
  );
}
