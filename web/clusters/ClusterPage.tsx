import { useParams } from '@tanstack/react-router';
import { Button, ButtonGroup, DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Cluster } from '../../src/clusters/schema.ts';
import type { Me } from '../../src/auth/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { SignedInPage } from '../components/access.tsx';
import { QueryState } from '../components/feedback.tsx';
import { DeleteWithConfirmation } from '../components/DeleteWithConfirmation.tsx';
import { useEditor } from '../components/form/index.ts';
import { AppLink, Fact } from '../components/ui.tsx';
import { ProgressSection } from '../followup/ProgressSection.tsx';
import { CommentThread } from '../comments/CommentThread.tsx';
import { deleteCluster, useCluster } from './api.ts';
import { ClusterForm } from './ClusterForm.tsx';
import { Members } from './Members.tsx';
import './clusters.css';
import '../i18n/followup-texts.ts';

/** One cluster: its facts, members, the actions serving it and its progress. */
export function ClusterPage() {
  const { t } = useI18n();
  const { id } = useParams({ from: '/clusters/$id' });
  const cluster = useCluster(id);
  return (
    <SignedInPage
      title={
        cluster.data
          ? fmt(t.clusters.detailTitle, { title: cluster.data.title })
          : t.clusters.detailTitlePlain
      }
      back={<AppLink to="/clusters">{t.clusters.backToList}</AppLink>}
    >
      {(me) => (
        <>
          <QueryState query={cluster} notFound={t.clusters.notFound} />
          {cluster.data && <Details c={cluster.data} me={me} />}
        </>
      )}
    </SignedInPage>
  );
}

function Details({ c, me }: { c: Cluster; me: Me }) {
  const { t, name, date } = useI18n();
  const editor = useEditor<'edit'>();
  const canCreateAction = me.abilities.assignRecommendations;
  // Progress on a cluster is written by the members of its owner organisation (the server checks it).
  return (
    <>
      {editor.notice}
      {editor.value === 'edit' ? (
        <ClusterForm cluster={c} onDone={(m) => editor.close(m)} />
      ) : (
        <section aria-labelledby="cluster-facts-heading" data-testid="cluster-facts">
          <Heading level={2} id="cluster-facts-heading">
            {t.clusters.facts}
          </Heading>
          <DataList className="rd-facts">
            <Fact label={t.clusters.clusterTitle}>{c.title}</Fact>
            <Fact label={t.clusters.description}>
              <span className="rd-prewrap">{c.description ?? t.common.none}</span>
            </Fact>
            <Fact label={t.clusters.owner}>
              {name(c.owner)} ({c.owner.code})
            </Fact>
            <Fact label={t.clusters.memberCount}>{c.memberCount}</Fact>
          </DataList>
          {(c.abilities.edit || c.abilities.delete) && (
            <ButtonGroup>
              {c.abilities.edit && (
                <Button
                  appearance="secondary-action-button"
                  type="button"
                  onClick={() => editor.open('edit')}
                >
                  {t.clusters.edit}
                </Button>
              )}
            </ButtonGroup>
          )}
          {c.abilities.delete && (
            // Its recommendations stay as they are.
            <DeleteWithConfirmation
              testId="cluster-delete"
              label={t.clusters.delete}
              question={fmt(t.clusters.deleteConfirm, { title: c.title })}
              yes={t.clusters.deleteYes}
              success={t.clusters.deleted}
              remove={() => deleteCluster(c)}
              invalidate={[['clusters']]}
              to="/clusters"
            />
          )}
        </section>
      )}

      <Members c={c} />

      <section aria-labelledby="cluster-actions-heading" data-testid="cluster-actions">
        <Heading level={2} id="cluster-actions-heading">
          {t.clusters.actionsHeading}
        </Heading>
        {c.actions.length === 0 ? (
          <Paragraph>{t.clusters.actionsNone}</Paragraph>
        ) : (
          <ul>
            {c.actions.map((a) => (
              <li key={a.id}>
                <AppLink to="/actions/$id" params={{ id: a.id }}>
                  {a.title}
                </AppLink>
                {a.endDate && ` (${t.actions.endDate.toLowerCase()} ${date(a.endDate)})`}
              </li>
            ))}
          </ul>
        )}
        {canCreateAction && (
          <Paragraph>
            <AppLink to="/actions" search={{ linkCluster: c.id }} data-testid="new-action-link">
              {t.actions.newAction}
            </AppLink>
          </Paragraph>
        )}
      </section>

      <ProgressSection cluster={{ id: c.id, canAdd: c.abilities.addProgress }} />
      <CommentThread kind="cluster" id={c.id} />
    </>
  );
}
