import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Action } from '../../src/actions/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import {
  FormFeedback,
  FormPanel,
  SelectField,
  TextField,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { ActionButton, AppLink } from '../components/ui.tsx';
import { useClusters } from '../clusters/api.ts';
import { useRecommendationRef } from '../recommendations/ResultList.tsx';
import { ConflictView } from '../followup/ConflictView.tsx';
import { actionKey, fetchAction, updateAction } from './api.ts';
import '../i18n/followup-texts.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * A change of the links, as what it adds and removes: applied to the lists as they are when it is
 * sent, so that a change made meanwhile by someone else can be kept beside it.
 */
type Change = { recommendations?: Delta; clusters?: Delta };
type Delta = { add?: string[]; remove?: string[] };

const apply = (list: string[], d?: Delta) =>
  d ? [...new Set([...list.filter((x) => !d.remove?.includes(x)), ...(d.add ?? [])])] : list;

/**
 * The recommendations and clusters an action serves, each a link. Those allowed to edit the action
 * remove a link, add a cluster chosen from a list, or add recommendations by pasting their addresses
 * (or ids). Every change is sent with the version seen; when someone else changed the action
 * meanwhile, both versions are shown side by side, and the user keeps their change (applied to the
 * links as they now are) or takes the saved version.
 */
export function ActionLinks({ a }: { a: Action }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const ref = useRecommendationRef();
  const clusters = useClusters({ pageSize: 500 });
  const fields = useFields({ clusterId: '', pasted: '' });
  const [conflict, setConflict] = useState<{ change: Change; message: string; seen: Action } | null>(null);
  const [tookTheirs, setTookTheirs] = useState(false);
  const save = useSubmit<Action | null, { change: Change; message: string }>({
    action: async ({ change, message }) => {
      const links = {
        ...(change.recommendations && {
          recommendationIds: apply(
            a.recommendations.map((r) => r.id),
            change.recommendations,
          ),
        }),
        ...(change.clusters && {
          clusterIds: apply(
            a.clusters.map((c) => c.id),
            change.clusters,
          ),
        }),
      };
      try {
        return await updateAction(a.id, { ...links, version: a.version });
      } catch (err) {
        if (!(err instanceof ApiError && err.isStale)) throw err;
        // Someone saved first: show both versions; keeping mine applies the change to theirs.
        qc.setQueryData(actionKey(a.id), await fetchAction(a.id));
        setConflict({ change, message, seen: a });
        return null;
      }
    },
    success: (r, arg) => (r ? arg.message : ''),
    onSuccess: async (r) => {
      if (!r) return;
      setConflict(null);
      setTookTheirs(false);
      qc.setQueryData(actionKey(a.id), r);
      fields.setValues({ clusterId: '', pasted: '' });
      await qc.invalidateQueries({ queryKey: ['clusters'] });
      await qc.invalidateQueries({ queryKey: ['actions', 'list'] });
    },
  });
  const run = (change: Change, message: string) => {
    setTookTheirs(false);
    return save.run({ change, message });
  };
  const recIds = a.recommendations.map((r) => r.id);
  const clusterIds = a.clusters.map((c) => c.id);
  const addCluster = useSubmit<void>({
    validate: (): FieldErrors => (fields.values.clusterId ? {} : { clusterId: t.actions.chooseCluster }),
    action: () => run({ clusters: { add: [fields.values.clusterId] } }, t.actions.clusterAdded),
  });
  const addRecs = useSubmit<void>({
    validate: (): FieldErrors =>
      (fields.values.pasted.match(UUID) ?? []).length > 0 ? {} : { pasted: t.actions.pasteInvalid },
    action: () => {
      const found = (fields.values.pasted.match(UUID) ?? []).map((s) => s.toLowerCase());
      return run({ recommendations: { add: found } }, t.actions.recommendationsAdded);
    },
  });
  const choices = [
    { value: '', label: t.actions.chooseCluster },
    ...(clusters.data?.items ?? [])
      .filter((c) => !clusterIds.includes(c.id))
      .map((c) => ({ value: c.id, label: `${c.title} (${c.owner.code})` })),
  ];
  const label = (r: Action['recommendations'][number]) =>
    r.symbol ? ref({ symbol: r.symbol, paragraph: r.paragraph, uprSession: null }) : r.text.slice(0, 80);
  const edit = a.abilities.edit;
  // Names for the lists side by side: from either version, else the id as pasted.
  const known = new Map<string, string>();
  for (const x of [a, conflict?.seen]) {
    for (const r of x?.recommendations ?? []) known.set(r.id, label(r));
    for (const c of x?.clusters ?? []) known.set(c.id, c.title);
  }
  const recName = (id: string) => known.get(id) ?? id;
  const clusterName = (id: string) =>
    known.get(id) ?? clusters.data?.items.find((c) => c.id === id)?.title ?? id;
  const listOf = (ids: string[], nameOf: (id: string) => string) => ids.map(nameOf).join('\n');
  return (
    <section aria-labelledby="action-links-heading" data-testid="action-links">
      <Heading level={2} id="action-links-heading">
        {t.actions.linksHeading}
      </Heading>
      <FormFeedback submit={save} successTestId="links-saved" />
      {tookTheirs && (
        <Paragraph role="status" data-testid="links-took-theirs">
          {t.followUp.tookTheirs}
        </Paragraph>
      )}
      {conflict && (
        <ConflictView
          busy={save.busy}
          rows={[
            {
              label: t.actions.recommendationsHeading,
              mine: listOf(
                apply(
                  conflict.seen.recommendations.map((r) => r.id),
                  conflict.change.recommendations,
                ),
                recName,
              ),
              theirs: listOf(recIds, recName),
            },
            {
              label: t.actions.clustersHeading,
              mine: listOf(
                apply(
                  conflict.seen.clusters.map((c) => c.id),
                  conflict.change.clusters,
                ),
                clusterName,
              ),
              theirs: listOf(clusterIds, clusterName),
            },
          ]}
          onKeepMine={() => void save.run({ change: conflict.change, message: conflict.message })}
          onTakeTheirs={() => {
            setConflict(null);
            setTookTheirs(true);
          }}
        />
      )}
      <Heading level={3}>{t.actions.recommendationsHeading}</Heading>
      {a.recommendations.length === 0 ? (
        <Paragraph>{t.actions.recommendationsNone}</Paragraph>
      ) : (
        <ul className="rd-cl-links" data-testid="action-recommendations">
          {a.recommendations.map((r) => (
            <li key={r.id}>
              <AppLink to="/recommendations/$id" params={{ id: r.id }}>
                {label(r)}
              </AppLink>{' '}
              {edit && (
                <ActionButton
                  text={t.actions.removeLink}
                  subject={label(r)}
                  disabled={save.busy}
                  onClick={() =>
                    void run(
                      { recommendations: { remove: [r.id] } },
                      fmt(t.actions.linkRemoved, { name: label(r) }),
                    )
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <Heading level={3}>{t.actions.clustersHeading}</Heading>
      {a.clusters.length === 0 ? (
        <Paragraph>{t.actions.clustersNone}</Paragraph>
      ) : (
        <ul className="rd-cl-links" data-testid="action-clusters">
          {a.clusters.map((c) => (
            <li key={c.id}>
              <AppLink to="/clusters/$id" params={{ id: c.id }}>
                {c.title}
              </AppLink>{' '}
              {edit && (
                <ActionButton
                  text={t.actions.removeLink}
                  subject={c.title}
                  disabled={save.busy}
                  onClick={() =>
                    void run({ clusters: { remove: [c.id] } }, fmt(t.actions.linkRemoved, { name: c.title }))
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {edit && (
        <>
          <FormPanel
            title={t.actions.addCluster}
            headingLevel={3}
            submit={addCluster}
            submitLabel={t.actions.addClusterSubmit}
            showSuccess={false}
            testId="add-cluster"
          >
            <SelectField
              label={t.actions.cluster}
              options={choices}
              {...fields.field('clusterId')}
              error={addCluster.fieldErrors.clusterId}
            />
          </FormPanel>
          <FormPanel
            title={t.actions.addRecommendations}
            headingLevel={3}
            submit={addRecs}
            submitLabel={t.actions.addRecommendationsSubmit}
            showSuccess={false}
            testId="add-recommendations"
          >
            <TextField
              label={t.actions.paste}
              hint={t.actions.pasteHint}
              {...fields.field('pasted')}
              error={addRecs.fieldErrors.pasted}
            />
          </FormPanel>
        </>
      )}
    </section>
  );
}
