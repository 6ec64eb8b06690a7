import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Cluster } from '../../src/clusters/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { useOrganisationOptions, useOrganisations } from '../lib/organisations.ts';
import {
  FormPanel,
  SelectField,
  TextAreaField,
  TextField,
  useFields,
  useSubmit,
  type FieldErrors,
} from '../components/form/index.ts';
import { ConflictView } from '../followup/ConflictView.tsx';
import { clusterKey, fetchCluster, updateCluster } from './api.ts';
import '../i18n/followup-texts.ts';

type Values = { title: string; description: string; ownerOrganisationId: string };
const valuesOf = (c: Cluster): Values => ({
  title: c.title,
  description: c.description ?? '',
  ownerOrganisationId: c.owner.id,
});

/**
 * Changing a cluster's title, description and owner. A save that comes after someone else's shows
 * both versions (ConflictView); the user keeps theirs (saved over the new version) or takes the other.
 */
export function ClusterForm({ cluster, onDone }: { cluster: Cluster; onDone(message: string | null): void }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const options = useOrganisationOptions(t.clusters.chooseOwner);
  const orgs = useOrganisations().data?.items ?? [];
  const fields = useFields<Values>(() => valuesOf(cluster));
  const [seen, setSeen] = useState(cluster.version);
  const [theirs, setTheirs] = useState<Cluster | null>(null);
  const [mine, setMine] = useState<Values | null>(null);

  const submit = useSubmit<Cluster | null, Values | undefined>({
    validate: (): FieldErrors => (fields.values.title.trim() ? {} : { title: t.clusters.titleRequired }),
    action: async (override) => {
      const v = override ?? fields.values;
      try {
        return await updateCluster(cluster.id, {
          title: v.title.trim(),
          description: v.description.trim() || null,
          ownerOrganisationId: v.ownerOrganisationId,
          version: seen,
        });
      } catch (err) {
        if (!(err instanceof ApiError && err.isStale)) throw err;
        // Someone saved first: show both versions; a second save goes over theirs.
        const current = await fetchCluster(cluster.id);
        qc.setQueryData(clusterKey(cluster.id), current);
        setSeen(current.version);
        setTheirs(current);
        setMine(v);
        return null;
      }
    },
    success: (r) => (r ? t.clusters.saved : ''),
    onSuccess: async (r, message) => {
      if (!r) return;
      qc.setQueryData(clusterKey(cluster.id), r);
      await qc.invalidateQueries({ queryKey: ['clusters', 'list'] });
      onDone(message);
    },
  });
  const orgName = (id: string) => {
    const o = orgs.find((x) => x.id === id);
    return o ? `${name(o)} (${o.code})` : '';
  };
  return (
    <>
      {theirs && mine && (
        <ConflictView
          busy={submit.busy}
          rows={[
            { label: t.clusters.clusterTitle, mine: mine.title, theirs: theirs.title },
            { label: t.clusters.description, mine: mine.description, theirs: theirs.description ?? '' },
            {
              label: t.clusters.owner,
              mine: orgName(mine.ownerOrganisationId),
              theirs: orgName(theirs.owner.id),
            },
          ]}
          onKeepMine={() => {
            fields.setValues(mine);
            setTheirs(null);
            void submit.run(mine);
          }}
          onTakeTheirs={() => {
            fields.setValues(valuesOf(theirs));
            setTheirs(null);
            onDone(t.followUp.tookTheirs);
          }}
        />
      )}
      <FormPanel
        title={t.clusters.edit}
        headingLevel={2}
        panel
        focusOnMount
        submit={submit}
        submitLabel={t.common.save}
        onCancel={() => onDone(null)}
        testId="cluster-form"
        showSuccess={false}
      >
        <TextField
          label={t.clusters.clusterTitle}
          {...fields.field('title')}
          error={submit.fieldErrors.title}
          required
        />
        <TextAreaField
          label={t.clusters.description}
          {...fields.field('description')}
          error={submit.fieldErrors.description}
          rows={4}
        />
        <SelectField
          label={t.clusters.owner}
          options={options}
          {...fields.field('ownerOrganisationId')}
          error={submit.fieldErrors.ownerOrganisationId}
          required
        />
      </FormPanel>
    </>
  );
}
