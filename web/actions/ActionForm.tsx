import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Action } from '../../src/actions/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { useOrganisationOptions, useOrganisations } from '../lib/organisations.ts';
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
import { ConflictView } from '../followup/ConflictView.tsx';
import { actionKey, createAction, fetchAction, updateAction } from './api.ts';
import { formatEuros, parseAmount } from './money.ts';
import '../i18n/followup-texts.ts';

type Values = {
  title: string;
  description: string;
  ownerOrganisationId: string;
  startDate: string;
  endDate: string;
  budget: string;
  outcome: string;
};

/** The budget as the user edits it: "1250000,50" in Dutch (no thousands marks, which are easy to mistype). */
const budgetText = (v: number | null, lang: 'nl' | 'en') =>
  v === null ? '' : lang === 'nl' ? String(v).replace('.', ',') : String(v);

const valuesOf = (a: Action | null, lang: 'nl' | 'en', ownerId = ''): Values => ({
  title: a?.title ?? '',
  description: a?.description ?? '',
  ownerOrganisationId: a?.owner.id ?? ownerId,
  startDate: a?.startDate ?? '',
  endDate: a?.endDate ?? '',
  budget: budgetText(a?.budget ?? null, lang),
  outcome: a?.outcome ?? '',
});

/**
 * Creating an action (with the recommendations and clusters it starts linked to), or changing one's
 * fields. A change saved after someone else's shows both versions (ConflictView).
 */
export function ActionForm(props: {
  action: Action | null;
  /** For a new action: what it serves from the start, and the organisation proposed as owner. */
  recommendationIds?: string[];
  clusterIds?: string[];
  ownerId?: string | undefined;
  onDone(message: string | null, saved: Action | null): void;
}) {
  const { t, lang, name } = useI18n();
  const qc = useQueryClient();
  const a = props.action;
  const options = useOrganisationOptions(t.actions.chooseOwner);
  const orgs = useOrganisations().data?.items ?? [];
  const fields = useFields<Values>(() => valuesOf(a, lang, props.ownerId));
  const [seen, setSeen] = useState(a?.version ?? 0);
  const [conflict, setConflict] = useState<{ mine: Values; theirs: Action } | null>(null);

  const validate = (v: Values): FieldErrors => {
    const e: FieldErrors = {};
    if (!v.title.trim()) e.title = t.actions.titleRequired;
    if (!v.ownerOrganisationId) e.ownerOrganisationId = t.actions.ownerRequired;
    if (v.budget.trim() && !(parseAmount(v.budget, lang) >= 0)) e.budget = t.actions.budgetInvalid;
    return e;
  };
  const submit = useSubmit<Action | null, Values | undefined>({
    validate: () => validate(fields.values),
    action: async (override) => {
      const v = override ?? fields.values;
      const body = {
        title: v.title.trim(),
        description: v.description.trim() || null,
        ownerOrganisationId: v.ownerOrganisationId,
        startDate: v.startDate || null,
        endDate: v.endDate || null,
        budget: v.budget.trim() ? parseAmount(v.budget, lang) : null,
        outcome: v.outcome.trim() || null,
      };
      if (!a)
        return createAction({
          ...body,
          recommendationIds: props.recommendationIds ?? [],
          clusterIds: props.clusterIds ?? [],
        });
      try {
        return await updateAction(a.id, { ...body, version: seen });
      } catch (err) {
        if (!(err instanceof ApiError && err.isStale)) throw err;
        // Someone saved first: show both versions; a second save goes over theirs.
        const current = await fetchAction(a.id);
        qc.setQueryData(actionKey(a.id), current);
        setSeen(current.version);
        setConflict({ mine: v, theirs: current });
        return null;
      }
    },
    success: (r) => (r ? (a ? t.actions.saved : t.actions.created) : ''),
    onSuccess: async (r, message) => {
      if (!r) return;
      qc.setQueryData(actionKey(r.id), r);
      await qc.invalidateQueries({ queryKey: ['actions', 'list'] });
      await qc.invalidateQueries({ queryKey: ['clusters'] });
      props.onDone(message, r);
    },
  });

  const orgName = (id: string) => {
    const o = orgs.find((x) => x.id === id);
    return o ? `${name(o)} (${o.code})` : '';
  };
  const money = (s: string) =>
    s.trim() && parseAmount(s, lang) >= 0 ? formatEuros(parseAmount(s, lang), lang) : s;
  return (
    <>
      {conflict && (
        <ConflictView
          busy={submit.busy}
          rows={(
            [
              ['title', t.actions.actionTitle],
              ['description', t.actions.description],
              ['ownerOrganisationId', t.actions.owner],
              ['startDate', t.actions.startDate],
              ['endDate', t.actions.endDate],
              ['budget', t.actions.budget],
              ['outcome', t.actions.outcome],
            ] as const
          ).map(([key, label]) => {
            const theirs = valuesOf(conflict.theirs, lang);
            const show = (v: Values) =>
              key === 'ownerOrganisationId' ? orgName(v[key]) : key === 'budget' ? money(v[key]) : v[key];
            return { label, mine: show(conflict.mine), theirs: show(theirs) };
          })}
          onKeepMine={() => {
            const mine = conflict.mine;
            fields.setValues(mine);
            setConflict(null);
            void submit.run(mine);
          }}
          onTakeTheirs={() => {
            const theirs = conflict.theirs;
            fields.setValues(valuesOf(theirs, lang));
            setConflict(null);
            props.onDone(t.followUp.tookTheirs, null);
          }}
        />
      )}
      <FormPanel
        title={a ? t.actions.edit : t.actions.newAction}
        headingLevel={2}
        panel
        focusOnMount
        submit={submit}
        submitLabel={a ? t.common.save : t.actions.createSubmit}
        onCancel={() => props.onDone(null, null)}
        testId="action-form"
        showSuccess={false}
      >
        <TextField
          label={t.actions.actionTitle}
          {...fields.field('title')}
          error={submit.fieldErrors.title}
          required
        />
        <TextAreaField
          label={t.actions.description}
          {...fields.field('description')}
          error={submit.fieldErrors.description}
          rows={4}
        />
        <SelectField
          label={t.actions.owner}
          options={options}
          {...fields.field('ownerOrganisationId')}
          error={submit.fieldErrors.ownerOrganisationId}
          required
        />
        <div className="rd-fu-period">
          <DateField
            label={t.actions.startDate}
            {...fields.field('startDate')}
            error={submit.fieldErrors.startDate}
          />
          <DateField
            label={t.actions.endDate}
            {...fields.field('endDate')}
            error={submit.fieldErrors.endDate}
          />
        </div>
        <TextField
          label={t.actions.budget}
          hint={t.actions.budgetHint}
          {...fields.field('budget')}
          error={submit.fieldErrors.budget}
        />
        <TextAreaField
          label={t.actions.outcome}
          {...fields.field('outcome')}
          error={submit.fieldErrors.outcome}
          rows={3}
        />
      </FormPanel>
    </>
  );
}
