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
import { changeMembers, clusterKey, fetchCluster } from './api.ts';
import '../i18n/followup-texts.ts';

/**
 * The recommendations of a cluster, each a link; those allowed to edit it tick some and remove them in
 * one change (with the version seen: a change made meanwhile is reported, and the list refreshed).
 */
export function Members({ c }: { c: Cluster }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const ref = useRecommendationRef();
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const remove = useSubmit<Cluster>({
    validate: (): FieldErrors => (ticked.size === 0 ? { members: t.clusters.removeNone } : {}),
    action: async () => {
      try {
        return await changeMembers(c.id, { removeIds: [...ticked], version: c.version });
      } catch (err) {
        // The cluster changed meanwhile: show the members as they are now, with the message.
        if (err instanceof ApiError && err.isStale)
          qc.setQueryData(clusterKey(c.id), await fetchCluster(c.id));
        throw err;
      }
    },
    success: () => fmt(t.clusters.removed, { count: ticked.size }),
    onSuccess: async (r) => {
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
