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
import { actionKey, fetchAction, updateAction } from './api.ts';
import '../i18n/followup-texts.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The links as the next save sends them: whole lists, with the version the user saw. */
type Links = { recommendationIds?: string[]; clusterIds?: string[] };

/**
 * The recommendations and clusters an action serves, each a link. Those allowed to edit the action
 * remove a link, add a cluster chosen from a list, or add recommendations by pasting their addresses
 * (or ids). Every change is sent with the version seen; a change made meanwhile is reported and the
 * links shown as they are now.
 */
export function ActionLinks({ a }: { a: Action }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const ref = useRecommendationRef();
  const clusters = useClusters({ pageSize: 500 });
  const fields = useFields({ clusterId: '', pasted: '' });
  const save = useSubmit<Action, { links: Links; message: string }>({
    action: async ({ links }) => {
      try {
        return await updateAction(a.id, { ...links, version: a.version });
      } catch (err) {
        if (err instanceof ApiError && err.isStale) qc.setQueryData(actionKey(a.id), await fetchAction(a.id));
        throw err;
      }
    },
    success: (_r, arg) => arg.message,
    onSuccess: async (r) => {
      qc.setQueryData(actionKey(a.id), r);
      fields.setValues({ clusterId: '', pasted: '' });
      await qc.invalidateQueries({ queryKey: ['clusters'] });
      await qc.invalidateQueries({ queryKey: ['actions', 'list'] });
    },
  });
  const recIds = a.recommendations.map((r) => r.id);
  const clusterIds = a.clusters.map((c) => c.id);
  const addCluster = useSubmit<void>({
    validate: (): FieldErrors => (fields.values.clusterId ? {} : { clusterId: t.actions.chooseCluster }),
    action: () =>
      save.run({
        links: { clusterIds: [...clusterIds, fields.values.clusterId] },
        message: t.actions.clusterAdded,
      }),
  });
  const addRecs = useSubmit<void>({
    validate: (): FieldErrors =>
      (fields.values.pasted.match(UUID) ?? []).length > 0 ? {} : { pasted: t.actions.pasteInvalid },
    action: () => {
      const found = (fields.values.pasted.match(UUID) ?? []).map((s) => s.toLowerCase());
      return save.run({
        links: { recommendationIds: [...new Set([...recIds, ...found])] },
        message: t.actions.recommendationsAdded,
      });
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
  return (
    <section aria-labelledby="action-links-heading" data-testid="action-links">
      <Heading level={2} id="action-links-heading">
        {t.actions.linksHeading}
      </Heading>
      <FormFeedback submit={save} successTestId="links-saved" />
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
                    void save.run({
                      links: { recommendationIds: recIds.filter((x) => x !== r.id) },
                      message: fmt(t.actions.linkRemoved, { name: label(r) }),
                    })
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
                    void save.run({
                      links: { clusterIds: clusterIds.filter((x) => x !== c.id) },
                      message: fmt(t.actions.linkRemoved, { name: c.title }),
                    })
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
