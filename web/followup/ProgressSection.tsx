import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { ProgressUpdate } from '../../src/followup/schema.ts';
import { fmt, useI18n } from '../i18n/index.tsx';
import { useMe } from '../lib/auth.ts';
import { QueryState } from '../components/feedback.tsx';
import { FormFeedback, useEditor, useSubmit } from '../components/form/index.ts';
import { clusterProgressKey, fetchClusterProgress } from '../clusters/api.ts';
import { api } from '../lib/api.ts';
import { approveProgress, deleteProgress, fetchFollowUp, followUpKey, progressKey } from './api.ts';
import { ProgressForm, type ProgressSubject } from './ProgressForm.tsx';
import './followup.css';
import '../i18n/followup-texts.ts';

/**
 * The progress of a recommendation or of a cluster: every update (drafts and approved ones), a draft
 * written by a member of a responsible (or owning) organisation, changed or deleted by its author,
 * approved by a coordinator. A cluster's page says whether the user may add one (`canAdd`).
 */
export function ProgressSection(
  props: { recommendationId: string } | { cluster: { id: string; canAdd: boolean } },
) {
  // The follow-up is for signed-in users: anonymous visitors see the recommendation without it.
  const me = useMe();
  if (!me.data) return null;
  return 'cluster' in props ? (
    <ProgressSectionContent
      subject={{ kind: 'cluster', id: props.cluster.id }}
      canAdd={props.cluster.canAdd}
    />
  ) : (
    <ProgressSectionContent subject={{ kind: 'recommendation', id: props.recommendationId }} />
  );
}

function ProgressSectionContent({ subject, canAdd: given }: { subject: ProgressSubject; canAdd?: boolean }) {
  const { t } = useI18n();
  const isCluster = subject.kind === 'cluster';
  const list = useQuery({
    queryKey: isCluster ? clusterProgressKey(subject.id) : progressKey(subject.id),
    queryFn: () =>
      isCluster
        ? fetchClusterProgress(subject.id)
        : api<ProgressUpdate[]>('GET', `/api/recommendations/${subject.id}/progress`),
  });
  // A recommendation's abilities come with its follow-up; a cluster's page passes its own.
  const fu = useQuery({
    queryKey: followUpKey(subject.id),
    queryFn: () => fetchFollowUp(subject.id),
    enabled: !isCluster,
  });
  const editor = useEditor<ProgressUpdate | 'new'>();
  const canAdd = given ?? fu.data?.abilities.addProgress ?? false;
  return (
    <section aria-labelledby="fu-progress-heading" className="rd-fu" data-testid="progress">
      <Heading level={2} id="fu-progress-heading">
        {t.followUp.progressHeading}
      </Heading>
      {editor.notice}
      <QueryState query={list} />
      {list.data && list.data.length === 0 && <Paragraph>{t.followUp.progressNone}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <ol className="rd-fu-updates" data-testid="progress-list">
          {list.data.map((u) => (
            <li key={u.id} className="rd-fu-update" data-state={u.state}>
              <Update u={u} onEdit={() => editor.open(u)} onDone={(m) => editor.close(m)} />
            </li>
          ))}
        </ol>
      )}
      {editor.value !== null ? (
        <ProgressForm
          subject={subject}
          update={editor.value === 'new' ? null : editor.value}
          onDone={(m) => editor.close(m)}
        />
      ) : (
        canAdd && (
          <Button appearance="secondary-action-button" type="button" onClick={() => editor.open('new')}>
            {t.followUp.newProgress}
          </Button>
        )
      )}
    </section>
  );
}

/** One update: its badge, status, period, text, evidence and author, with the actions its abilities allow. */
function Update({
  u,
  onEdit,
  onDone,
}: {
  u: ProgressUpdate;
  onEdit(): void;
  onDone(message: string | null): void;
}) {
  const { t, date, dateTime } = useI18n();
  const qc = useQueryClient();
  const act = useSubmit<void, 'approve' | 'delete'>({
    action: (what) => (what === 'approve' ? approveProgress(u).then(() => undefined) : deleteProgress(u)),
    success: (_r, what) => (what === 'approve' ? t.followUp.approvedNotice : t.followUp.draftDeleted),
    onSuccess: async (_r, message) => {
      await qc.invalidateQueries({ queryKey: ['followup'] });
      onDone(message);
    },
  });
  const status = t.followUp.statuses[u.status] ?? u.status;
  const period = [u.periodStart, u.periodEnd].some(Boolean)
    ? `${date(u.periodStart) || '…'} – ${date(u.periodEnd) || '…'}`
    : null;
  return (
    <article aria-label={`${status}, ${dateTime(u.createdAt)}`} data-testid="progress-update">
      <Paragraph>
        <span className={`rd-marker rd-fu-badge rd-fu-badge--${u.state}`} data-testid="progress-state">
          {u.state === 'draft' ? t.followUp.draft : t.followUp.approved}
        </span>{' '}
        <strong>{status}</strong>
        {period && (
          <>
            {' · '}
            {t.followUp.period}: {period}
          </>
        )}
      </Paragraph>
      <Paragraph className="rd-prewrap">{u.text}</Paragraph>
      {u.evidenceLinks.length > 0 && (
        <ul aria-label={t.followUp.evidence}>
          {u.evidenceLinks.map((l) => (
            <li key={l}>
              <a className="utrecht-link utrecht-link--html-a" href={l} rel="noopener noreferrer">
                {l}
              </a>
            </li>
          ))}
        </ul>
      )}
      <Paragraph className="rd-subtle">
        {fmt(t.followUp.writtenBy, { name: u.createdBy.name, when: dateTime(u.createdAt) })}
        {u.organisation && ` (${u.organisation.code})`}
        {u.approvedBy && u.approvedAt && (
          <> · {fmt(t.followUp.approvedBy, { name: u.approvedBy.name, when: dateTime(u.approvedAt) })}</>
        )}
      </Paragraph>
      <FormFeedback submit={act} showSuccess={false} />
      {(u.abilities.edit || u.abilities.delete || u.abilities.approve) && (
        <ButtonGroup>
          {u.abilities.approve && (
            <Button
              appearance="primary-action-button"
              type="button"
              busy={act.busy}
              disabled={act.busy}
              onClick={() => void act.run('approve')}
            >
              {t.followUp.approve}
            </Button>
          )}
          {u.abilities.edit && (
            <Button appearance="secondary-action-button" type="button" onClick={onEdit}>
              {t.followUp.editProgress}
            </Button>
          )}
          {u.abilities.delete && (
            <Button
              appearance="subtle-button"
              type="button"
              disabled={act.busy}
              onClick={() => void act.run('delete')}
            >
              {t.followUp.delete}
            </Button>
          )}
        </ButtonGroup>
      )}
    </article>
  );
}
