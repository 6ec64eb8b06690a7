import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { CLUSTER_LIMIT, type ClusterCreate } from '../../src/clusters/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { Confirmation } from '../components/Confirmation.tsx';
import { useOrganisationOptions, useOrganisations } from '../lib/organisations.ts';
import {
  FormFeedback,
  FormPanel,
  SelectField,
  TextField,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { createCluster } from './api.ts';
import '../i18n/followup-texts.ts';

/**
 * Making a cluster of every hit of the current search: a title and an owner organisation, then a
 * confirmation that names the count; more than CLUSTER_LIMIT is refused before anything is sent.
 * For coordinators (the server checks the owner again).
 */
export function ClusterCreatePanel(props: { filters: Record<string, string>; total: number }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const options = useOrganisationOptions(t.clusters.chooseOwner);
  const orgs = useOrganisations().data?.items ?? [];
  const fields = useFields({ title: '', ownerOrganisationId: '' });
  const [confirming, setConfirming] = useState(false);
  const owner = orgs.find((o) => o.id === fields.values.ownerOrganisationId);

  // The first step checks and asks; nothing is sent before the confirmation.
  const ask = useSubmit<void>({
    validate: (): FieldErrors => {
      const e: FieldErrors = {};
      if (!fields.values.title.trim()) e.title = t.clusters.titleRequired;
      if (!fields.values.ownerOrganisationId) e.ownerOrganisationId = t.clusters.ownerRequired;
      else if (props.total === 0) e.ownerOrganisationId = t.clusters.createNone;
      else if (props.total > CLUSTER_LIMIT)
        e.ownerOrganisationId = fmt(t.clusters.createTooMany, { total: props.total, limit: CLUSTER_LIMIT });
      return e;
    },
    action: async () => setConfirming(true),
  });
  const create = useSubmit<{ id: string }>({
    action: () =>
      createCluster({
        title: fields.values.title.trim(),
        ownerOrganisationId: fields.values.ownerOrganisationId,
        search: props.filters as ClusterCreate['search'],
      }),
    success: t.clusters.created,
    onSuccess: async (r, message) => {
      await qc.invalidateQueries({ queryKey: ['clusters'] });
      await navigate({ to: '/clusters/$id', params: { id: r.id }, state: { notice: message ?? undefined } });
    },
  });

  return (
    <section aria-labelledby="cluster-create-heading" className="rd-panel" data-testid="cluster-create">
      <Heading level={2} id="cluster-create-heading">
        {t.clusters.createHeading}
      </Heading>
      <FormFeedback submit={create} showSuccess={false} />
      {confirming ? (
        <Confirmation
          testId="cluster-confirm"
          question={fmt(t.clusters.createConfirm, {
            total: props.total,
            title: fields.values.title.trim(),
            org: owner ? `${name(owner)} (${owner.code})` : '',
          })}
          yes={t.clusters.createYes}
          submit={create}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <FormPanel label={t.clusters.createHeading} submit={ask} submitLabel={t.clusters.createSubmit}>
          <Paragraph>{fmt(t.clusters.createIntro, { total: props.total })}</Paragraph>
          <TextField
            label={t.clusters.clusterTitle}
            {...fields.field('title')}
            error={ask.fieldErrors.title}
            required
          />
          <SelectField
            label={t.clusters.owner}
            options={options}
            {...fields.field('ownerOrganisationId')}
            error={ask.fieldErrors.ownerOrganisationId}
            required
          />
        </FormPanel>
      )}
    </section>
  );
}
