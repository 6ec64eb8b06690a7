import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import type { Cluster } from '../../src/clusters/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { FormFeedback, useSubmit, type FieldErrors } from '../components/form/index.ts';
import { AppLink } from '../components/ui.tsx';
import { excerpt, useRecommendationRef } from '../recommendations/ResultList.tsx';
import { ConflictView } from '../followup/ConflictView.tsx';
import { changeMembers, clusterKey, fetchCluster } from './api.ts';
import '../i18n/followup-texts.ts';

/**
 * The recommendations of a cluster, each a link; those allowed to edit it tick some and remove them in
 * one change, with the version seen: when someone changed the cluster meanwhile, the members the user
 * saw (less the ticked ones) and the saved members are shown side by side, and the user removes the
 * ticked ones from the members as they now are, or takes the saved version.
 */
export function Members({ c }: { c: Cluster }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const ref = useRecommendationRef();
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  // The members the user saw when a removal came too late, shown beside the saved ones.
  const [seen, setSeen] = useState<Cluster | null>(null);
  const [tookTheirs, setTookTheirs] = useState(false);
  const remove = useSubmit<Cluster | null>({
    validate: (): FieldErrors => (ticked.size === 0 ? { members: t.clusters.removeNone } : {}),
    action: async () => {
      setTookTheirs(false);
      try {
        return await changeMembers(c.id, { removeIds: [...ticked], version: c.version });
      } catch (err) {
        if (!(err instanceof ApiError && err.isStale)) throw err;
        // The cluster changed meanwhile: both versions side by side; keeping mine removes the
        // ticked ones from the members as they now are.
        qc.setQueryData(clusterKey(c.id), await fetchCluster(c.id));
        setSeen(c);
        return null;
      }
    },
    success: (r) => (r ? fmt(t.clusters.removed, { count: ticked.size }) : ''),
    onSuccess: async (r) => {
      if (!r) return;
      setSeen(null);
      setTicked(new Set());
      qc.setQueryData(clusterKey(c.id), r);
      await qc.invalidateQueries({ queryKey: ['clusters', 'list'] });
    },
  });
  const toggle = (id: string, on: boolean) =>
    setTicked((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const label = (m: Cluster['members'][number]) =>
    m.symbol
      ? ref({ symbol: m.symbol, paragraph: m.paragraph, uprSession: null })
      : [t.recommendations.mechanisms[m.mechanism] ?? m.mechanism, m.bodyCode, m.year]
          .filter(Boolean)
          .join(' ');
  return (
    <section aria-labelledby="cluster-members-heading" data-testid="cluster-members">
      <Heading level={2} id="cluster-members-heading">
        {fmt(t.clusters.membersHeading, { count: c.memberCount })}
      </Heading>
      <FormFeedback submit={remove} successTestId="members-saved" />
      {tookTheirs && (
        <Paragraph role="status" data-testid="members-took-theirs">
          {t.followUp.tookTheirs}
        </Paragraph>
      )}
      {seen && (
        <ConflictView
          busy={remove.busy}
          rows={[
            {
              label: t.clusters.recommendation,
              mine: seen.members
                .filter((m) => !ticked.has(m.id))
                .map(label)
                .join('\n'),
              theirs: c.members.map(label).join('\n'),
            },
          ]}
          onKeepMine={() => void remove.run()}
          onTakeTheirs={() => {
            setSeen(null);
            setTicked(new Set());
            setTookTheirs(true);
          }}
        />
      )}
      {remove.fieldErrors.members && (
        <Paragraph className="rd-error-text">{remove.fieldErrors.members}</Paragraph>
      )}
      {c.members.length === 0 ? (
        <Paragraph>{t.clusters.membersNone}</Paragraph>
      ) : (
        <DataTable
          captionId="cluster-members-caption"
          caption={t.clusters.membersCaption}
          testId="members-table"
          columns={[c.abilities.edit && t.clusters.select, t.clusters.recommendation, t.recommendations.text]}
        >
          {c.members.map((m) => (
            <TableRow key={m.id} data-id={m.id}>
              {c.abilities.edit && (
                <TableCell>
                  <input
                    type="checkbox"
                    className="utrecht-checkbox utrecht-checkbox--html-input"
                    aria-label={fmt(t.clusters.selectMember, { ref: label(m) })}
                    checked={ticked.has(m.id)}
                    onChange={(e) => toggle(m.id, e.target.checked)}
                  />
                </TableCell>
              )}
              <TableCell>
                <AppLink to="/recommendations/$id" params={{ id: m.id }}>
                  {label(m)}
                </AppLink>
              </TableCell>
              <TableCell lang="en">{excerpt(m.text, 160)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      {c.memberCount > c.members.length && (
        <Paragraph>
          {fmt(t.clusters.membersShown, { shown: c.members.length, total: c.memberCount })}
        </Paragraph>
      )}
      {c.abilities.edit && c.members.length > 0 && (
        <Button
          appearance="secondary-action-button"
          type="button"
          busy={remove.busy}
          disabled={remove.busy}
          onClick={() => void remove.run()}
        >
          {fmt(t.clusters.removeSelected, { count: ticked.size })}
        </Button>
      )}
    </section>
  );
}
